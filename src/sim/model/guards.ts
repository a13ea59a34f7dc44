/** Guards that stop a run on a non-finite number instead of letting NaN spread into results. */
export function forbidNonFinite(v: number, what: string, id: number): number {
  if (!Number.isFinite(v)) throw new Error(`${what} for #${id} is ${v}: a parameter produced a non-finite value`);
  return v;
}

/** Typed arrays that grow: the tables of the core (event heap, index lists, running bills) double when full. */
type Typed = Int32Array | Uint8Array | Uint32Array | Float64Array;

/** A copy of `a` with length n (>= a.length), the new tail filled with `fill` (0 by default). */
export function grown<T extends Typed>(a: T, n: number, fill = 0): T {
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a as never);
  if (fill !== 0) b.fill(fill as never, a.length);
  return b;
}

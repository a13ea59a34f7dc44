/**
 * A stable hash of a resolved scenario: canonical JSON (sorted keys) of the model parameters, so
 * formatting, key order and the descriptive fields (name, question, description, control) do not change it,
 * while any parameter, including a changed default, does. FNV-1a 64-bit, printed as 16 hex digits.
 */
import type { Scenario } from './schema.ts';

/** The fields that describe a scenario rather than set the model: its text, and the control run it is read against. */
export const DESCRIPTIVE = new Set(['$schema', 'name', 'question', 'description', 'control']);

/** True for a path (dotted) inside a descriptive field. */
export const isDescriptive = (path: string) => DESCRIPTIVE.has(path.split('.')[0]);

export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') {
    if (typeof v === 'number' && !Number.isFinite(v)) throw new Error(`cannot hash non-finite number ${v}`);
    return JSON.stringify(v);
  }
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(v as object)
    .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`).join(',')}}`;
}

export function modelParameters(s: Scenario): Record<string, unknown> {
  return Object.fromEntries(Object.entries(s).filter(([k]) => !DESCRIPTIVE.has(k)));
}

export function scenarioHash(s: Scenario): string {
  const text = canonicalJson(modelParameters(s));
  let h1 = 0x84222325 | 0;
  let h2 = 0xcbf29ce4 | 0;
  // FNV-1a 64 on UTF-16 code units, split in two 32-bit halves.
  for (let i = 0; i < text.length; i++) {
    h1 ^= text.charCodeAt(i);
    // multiply (h2:h1) by the FNV prime 0x100000001b3
    const lo = h1 >>> 0;
    const hi = h2 >>> 0;
    const l = lo * 0x1b3;
    const newLo = l >>> 0;
    const carry = Math.floor(l / 2 ** 32);
    const newHi = (hi * 0x1b3 + lo * 0x100 + carry) >>> 0; // 0x100000001b3 = 2^40 + 0x1b3: lo << 8 goes to hi
    h1 = newLo | 0;
    h2 = newHi | 0;
  }
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

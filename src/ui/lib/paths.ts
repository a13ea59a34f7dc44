/** Dotted-path helpers over plain JSON data (scenarios). Pure; never mutate their inputs. */
import { isPrototypeKey } from '../../sim/scenario/prototypeKeys.ts';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export function getAt(root: unknown, path: string): unknown {
  if (path === '') return root;
  let v: unknown = root;
  for (const k of path.split('.')) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, k)) return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

/**
 * A copy of `root` with `value` at `path` (objects created along the way). A path goes through a
 * list by index (`demand.shocks.0.multiplier`: one field of the first shock, as the CLI's --set),
 * the list copied. A path through a prototype name (`__proto__`, `constructor`, `prototype`: no
 * scenario field) changes nothing.
 */
export function setAt<T>(root: T, path: string, value: unknown): T {
  const keys = path.split('.');
  if (keys.some(isPrototypeKey)) return (root && typeof root === 'object' ? { ...(root as object) } : {}) as T;
  const out = (root && typeof root === 'object' ? { ...(root as object) } : {}) as Record<string, unknown>;
  let o = out;
  for (let i = 0; i < keys.length - 1; i++) {
    const next = Object.hasOwn(o, keys[i]) ? o[keys[i]] : undefined;
    o[keys[i]] = Array.isArray(next) ? [...next] : next && typeof next === 'object' ? { ...(next as object) } : {};
    o = o[keys[i]] as Record<string, unknown>;
  }
  o[keys[keys.length - 1]] = value;
  return out as T;
}

/** Applies `edits` (path -> value) on top of a copy of `base`. */
export function applyEdits(base: unknown, edits: Record<string, unknown>): Record<string, unknown> {
  let out = (base && typeof base === 'object' ? structuredClone(base) : {}) as Record<string, unknown>;
  for (const [p, v] of Object.entries(edits)) out = setAt(out, p, v);
  return out;
}

/** Every leaf (non-object value; arrays count as leaves) by dotted path. */
export function flatten(v: unknown, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    for (const k of Object.keys(v as object).sort()) flatten((v as Record<string, unknown>)[k], prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix) out[prefix] = v;
  return out;
}

export interface Difference {
  path: string;
  a: unknown;
  b: unknown;
}

/** Leaves that differ between two (resolved) scenarios, by path, sorted. */
export function diffLeaves(a: unknown, b: unknown, ignore: (path: string) => boolean = () => false): Difference[] {
  const fa = flatten(a);
  const fb = flatten(b);
  const keys = [...new Set([...Object.keys(fa), ...Object.keys(fb)])].sort();
  const out: Difference[] = [];
  for (const k of keys) {
    if (ignore(k)) continue;
    if (JSON.stringify(fa[k]) !== JSON.stringify(fb[k])) out.push({ path: k, a: fa[k], b: fb[k] });
  }
  return out;
}

/**
 * Names that reach an object's prototype instead of a field of it. No scenario field has them, and
 * a dotted path through one (`__proto__.x`) would otherwise write into every object of the process:
 * a --set, a sweep sidecar opened in the dashboard or a stored edit could pollute Object.prototype.
 * Every path setter refuses them (overrides.ts, ui/lib/paths.ts, ui/lib/persist.ts).
 */
const PROTOTYPE_KEYS = new Set(['__proto__', 'prototype', 'constructor']);

export function isPrototypeKey(k: string): boolean {
  return PROTOTYPE_KEYS.has(k);
}

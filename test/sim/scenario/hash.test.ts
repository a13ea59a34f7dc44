import { describe, expect, test } from 'vitest';
import { canonicalJson, scenarioHash } from '../../../src/sim/scenario/hash.ts';
import { parseScenario, parseScenarioText } from '../../../src/sim/scenario/validate.ts';
import type { Scenario } from '../../../src/sim/scenario/schema.ts';

/** Reverses the key order of every object, recursively. */
function reverseKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reverseKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverseKeys(x)]));
  return v;
}

/** Every leaf of the resolved scenario, with its path. */
function leaves(v: unknown, path: string[] = [], out: [string[], unknown][] = []): [string[], unknown][] {
  if (Array.isArray(v)) v.forEach((x, i) => leaves(x, [...path, String(i)], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) leaves(x, [...path, k], out);
  else out.push([path, v]);
  return out;
}

function setAt(root: unknown, path: string[], value: unknown) {
  let o = root as Record<string, unknown>;
  for (const k of path.slice(0, -1)) o = o[k] as Record<string, unknown>;
  o[path[path.length - 1]] = value;
}

const raw = {
  name: 'h',
  horizonDays: 30,
  supply: { providers: 50, archetypes: { home: { marginMin: 0.2, marginMax: 0.3 } } },
  demand: { baseRateJobsPerHour: 12, shocks: [{ startDay: 3, durationDays: 2, multiplier: 2 }] },
  market: { matcher: 'auction' },
};

describe('scenario hash', () => {
  test('16 hex digits, stable across calls', () => {
    const h = scenarioHash(parseScenario(raw));
    expect(h).toMatch(/^[0-9a-f]{16}$/);
    expect(scenarioHash(parseScenario(raw))).toBe(h);
  });

  test('stable under key order and formatting of the file', () => {
    const h = scenarioHash(parseScenario(raw));
    expect(scenarioHash(parseScenario(reverseKeys(raw)))).toBe(h);
    expect(scenarioHash(parseScenarioText(JSON.stringify(raw)))).toBe(h);
    expect(scenarioHash(parseScenarioText(JSON.stringify(reverseKeys(raw), null, 4).replace(/\n/g, '\r\n')))).toBe(h);
  });

  test('an explicit default hashes like an omitted one', () => {
    const d = parseScenario({});
    expect(scenarioHash(parseScenario({ horizonDays: d.horizonDays, market: { matcher: d.market.matcher } }))).toBe(scenarioHash(d));
  });

  test('ignores name, question, description and $schema', () => {
    const h = scenarioHash(parseScenario(raw));
    expect(scenarioHash(parseScenario({ ...raw, name: 'other', question: 'Why?', description: 'Because.', $schema: './x.json' }))).toBe(h);
  });

  test('changes with every single parameter', () => {
    const base = parseScenario(raw);
    const h = scenarioHash(base);
    const all = leaves(base).filter(([p]) => !['name', 'question', 'description', '$schema'].includes(p[0]));
    expect(all.length).toBeGreaterThan(200);
    const seen = new Set<string>([h]);
    for (const [path, v] of all) {
      const s = structuredClone(base) as Scenario;
      const changed = typeof v === 'number' ? v + 0.125 : typeof v === 'boolean' ? !v : `${String(v)}x`;
      setAt(s, path, changed);
      const h2 = scenarioHash(s);
      expect(h2, `hash unchanged when ${path.join('.')} changes`).not.toBe(h);
      seen.add(h2);
    }
    // no collisions among the one-field changes either
    expect(seen.size).toBe(all.length + 1);
  });

  test('a tiny numeric change and the order of array items change it', () => {
    const s = parseScenario(raw);
    const t = structuredClone(s);
    t.demand.baseRateJobsPerHour = 12 + 1e-12;
    expect(scenarioHash(t)).not.toBe(scenarioHash(s));
    const two = parseScenario({ demand: { shocks: [{ startDay: 1, durationDays: 1, multiplier: 2 }, { startDay: 5, durationDays: 1, multiplier: 3 }] } });
    const swapped = structuredClone(two);
    swapped.demand.shocks.reverse();
    expect(scenarioHash(swapped)).not.toBe(scenarioHash(two));
  });

  test('canonicalJson sorts keys, drops undefined, refuses non-finite numbers', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[2,{"y":2,"z":1}]},"b":1}');
    expect(() => canonicalJson({ x: NaN })).toThrow(/non-finite/);
  });
});

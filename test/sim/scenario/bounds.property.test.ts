/**
 * Any scenario the schema accepts runs: presets with parameters pushed to the ends of their ranges
 * (and choices picked at random) run without an error, keep the ledger balanced and write no
 * infinite number into the CSV; those that reach their horizon keep every model check. A wider search of this kind (200 presets with three parameters at
 * their bounds) found a token market with no tokens for sale stopping runs with a ledger error
 * (fixed in 0.6.0, tested in test/economy/tokenFloat.test.ts); forty cases a run keep the net out
 * for the next such hole at a few seconds' cost. Runs are small (scale 0.05, 20 days) and stop after
 * an event budget, so a scenario with a million jobs an hour costs no more than another.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import schema from '../../../scenarios/scenario.schema.json' with { type: 'json' };
import { PRESETS } from '../../../src/sim/scenario/presets.ts';
import { applyOverrides } from '../../../src/sim/scenario/overrides.ts';
import { validateScenario } from '../../../src/sim/scenario/validate.ts';
import { createRun } from '../../../src/sim/run.ts';

interface Range {
  path: string;
  min: number;
  max: number;
  int: boolean;
}
interface Choice {
  path: string;
  values: unknown[];
}

/** The schema's scalar leaves: numbers with their ranges, and enumerations. */
function leaves(): { ranges: Range[]; choices: Choice[] } {
  const ranges: Range[] = [];
  const choices: Choice[] = [];
  const walk = (node: Record<string, unknown> | undefined, path: string[]) => {
    if (!node) return;
    const props = node.properties as Record<string, Record<string, unknown>> | undefined;
    if (node.type === 'object' && props) for (const [k, v] of Object.entries(props)) walk(v, [...path, k]);
    else if (Array.isArray(node.enum) && path.length) choices.push({ path: path.join('.'), values: node.enum });
    else if ((node.type === 'number' || node.type === 'integer') && path.length) {
      const min = (node.minimum ?? node.exclusiveMinimum) as number | undefined;
      const max = (node.maximum ?? node.exclusiveMaximum) as number | undefined;
      // the run's own size is fixed below
      if (min !== undefined && max !== undefined && path[0] !== 'scale' && path[0] !== 'horizonDays') ranges.push({ path: path.join('.'), min, max, int: node.type === 'integer' });
    }
  };
  walk(schema as unknown as Record<string, unknown>, []);
  return { ranges, choices };
}

const { ranges, choices } = leaves();
const EVENT_BUDGET = 400_000;

const edit = fc.oneof(
  fc.record({ r: fc.constantFrom(...ranges), at: fc.constantFrom(0, 1, 0.5) }).map(({ r, at }) => {
    const v = r.min + (r.max - r.min) * at;
    return `${r.path}=${r.int ? Math.round(v) : v}`;
  }),
  fc.constantFrom(...choices).chain((c) => fc.constantFrom(...c.values).map((v) => `${c.path}=${JSON.stringify(v)}`)),
);

describe('scenarios at the ends of their ranges', () => {
  it("found the schema's leaves", () => {
    expect(ranges.length).toBeGreaterThan(200);
    expect(choices.length).toBeGreaterThan(5);
  });

  it('run without an error, keep the ledger balanced, write no infinity (payback aside: inf means never) and keep the model checks', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PRESETS.map((p) => p.name)), fc.array(edit, { minLength: 2, maxLength: 5 }), fc.integer({ min: 1, max: 1e6 }), (preset, sets, seed) => {
        let raw: unknown;
        try {
          raw = applyOverrides(PRESETS.find((p) => p.name === preset)!.raw, ['scale=0.05', 'horizonDays=20', ...sets]);
        } catch {
          fc.pre(false); // an edit inside an object the preset leaves out, and the like: not a scenario
        }
        const v = validateScenario(raw);
        fc.pre(v.ok); // cross-field rules (shares summing to 1, min <= max) refuse some combinations
        if (!v.ok) return;
        const run = createRun(v.scenario, seed);
        let spent = 0;
        while (!run.done() && spent < EVENT_BUDGET) {
          const before = run.eventsProcessed();
          run.advance(run.horizonHours, EVENT_BUDGET - spent);
          spent += run.eventsProcessed() - before;
        }
        run.model.ledger.assertBalanced();
        // a run that reached its horizon keeps every identity of its model checks (runChecks.ts)
        if (run.done()) for (const c of run.checks()) if (!c.holds) expect.fail(`model check '${c.title}' broken with ${sets.join(' ')} on ${preset}: ${c.detail}`);
        const t = run.table();
        for (const c of t.columns) {
          if (c.name.startsWith('payback_months_median')) continue;
          const d = t.data[c.name];
          for (let i = 0; i < t.rows; i++) if (Math.abs(d[i]) === Infinity) expect.fail(`${c.name} is ${d[i]} on row ${i + 1} with ${sets.join(' ')} on ${preset}`);
        }
      }),
      { numRuns: 40 },
    );
  }, 300_000);
});

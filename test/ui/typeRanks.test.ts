import { describe, expect, it } from 'vitest';
import { profitPerGpuDay, typeRanks } from '../../src/ui/lib/typeRanks.ts';
import type { RunTable } from '../../src/ui/lib/bands.ts';

const f = (...v: number[]) => Float64Array.from(v);

/** A two-day run where each type makes `profit[type]` USD a day on 10 GPUs (farm on 20). */
function run(profit: Record<string, number>): RunTable {
  const data: Record<string, Float64Array> = { day: f(1, 2) };
  for (const [a, p] of Object.entries(profit)) {
    data[`provider_revenue_usd_${a}`] = f(p + 5, p + 5);
    data[`provider_rewards_usd_${a}`] = f(1, 1);
    data[`provider_costs_usd_${a}`] = f(6, 6);
    data[`gpus_total_${a}`] = a === 'farm' ? f(20, 20) : f(10, 10);
  }
  return { rows: 2, data };
}

describe('provider types ranked by profit per GPU-day, run by run', () => {
  it('profit per GPU-day: income + rewards - costs over GPU-days in the window', () => {
    expect(profitPerGpuDay(run({ farm: 40 }), 'farm', [0, 1], 24)).toBeCloseTo(2, 12);
    expect(profitPerGpuDay(run({ farm: 40 }), 'home', [0, 1], 24)).toBeNaN();
  });

  it('counts how often each type ranks 1st, 2nd, ...; a type can lead in some runs and not in others', () => {
    const runs = [run({ home: -10, farm: 40, datacenter: 30 }), run({ home: -10, farm: 20, datacenter: 30 }), run({ home: -5, farm: 60, datacenter: 10 })];
    const r = typeRanks(runs, [0, 2], 24);
    expect(r.runs).toBe(3);
    const by = Object.fromEntries(r.rows.map((x) => [x.archetype, x.counts]));
    // per GPU-day: farm 2, 1, 3; datacenter 3, 3, 1; home -1, -1, -0.5
    expect(by.farm).toEqual([1, 2, 0, 0]);
    expect(by.datacenter).toEqual([2, 1, 0, 0]);
    expect(by.home).toEqual([0, 0, 3, 0]);
    expect(r.rows.map((x) => x.archetype)).toEqual(['home', 'farm', 'datacenter']); // no university anywhere: left out
    // each run gives each rank once
    for (let k = 0; k < 3; k++) expect(r.rows.reduce((s, x) => s + x.counts[k], 0)).toBe(3);
  });

  it('only the window\'s days count, and a run without the columns is not ranked', () => {
    const a = run({ home: 10, farm: 0 });
    a.data.provider_revenue_usd_home = f(-1000, 15); // a bad first day, outside the window (1, 2]
    expect(typeRanks([a], [1, 2], 24).rows.find((x) => x.archetype === 'home')!.counts[0]).toBe(1);
    expect(typeRanks([{ rows: 2, data: { day: f(1, 2) } }], [0, 2], 24)).toEqual({ runs: 0, rows: [] });
  });
});

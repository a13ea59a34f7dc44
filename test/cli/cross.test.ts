// --cross: where a sweep's summary figure crosses a value (a break-even), read from the points' means.
import { describe, expect, it } from 'vitest';
import { checkCrossAxes, crossRecords, parseCross } from '../../src/cli/crossSpec.ts';
import { crossLines } from '../../src/cli/sweep.ts';
import { CliError } from '../../src/cli/errors.ts';

describe('parseCross', () => {
  it('names a figure by its table head or key, a share in percent with % or as a fraction, others in their unit', () => {
    expect(parseCross('utilization=60%')).toMatchObject({ value: 0.6, figure: { key: 'utilization' } });
    expect(parseCross('utilization=0.6').value).toBe(0.6);
    expect(parseCross('fill rate=80%').figure.key).toBe('fill_rate');
    expect(parseCross('FILL_RATE=80%').figure.key).toBe('fill_rate');
    expect(parseCross('provider profit=0')).toMatchObject({ value: 0, figure: { key: 'provider_profit_usd' } });
    expect(parseCross('price=0.75').value).toBe(0.75);
  });

  it('refuses what it cannot read, as bad input saying what it takes', () => {
    expect(() => parseCross('price')).toThrow(/--cross: expected figure=value/);
    expect(() => parseCross('price=abc')).toThrow(/the value is not a number/);
    expect(() => parseCross('price=40%')).toThrow(/price is not a share: give its value without %/);
    expect(() => parseCross('utilisation=40%')).toThrow(/no summary figure 'utilisation' \(did you mean utilization\?\); the figures: utilization, fill rate/);
    expect(() => parseCross('nothing=1')).toThrow(CliError);
  });

  it('reads along one numeric swept parameter only', () => {
    const c = [parseCross('utilization=60%')];
    expect(() => checkCrossAxes(c, [{ path: 'demand.baseRateJobsPerHour', values: [60, 120] }])).not.toThrow();
    expect(() => checkCrossAxes(c, [{ path: 'market.matcher', values: ['spheron', 'auction'] }])).toThrow(/--cross needs a numeric --sweep: market\.matcher takes "spheron", "auction"/);
    expect(() => checkCrossAxes(c, [{ path: 'scale', values: [1, 2] }, { path: 'horizonDays', values: [5, 6] }])).toThrow(/sweep one, got 2 \(scale, horizonDays\)/);
    expect(() => checkCrossAxes([], [{ path: 'market.matcher', values: ['a', 'b'] }])).not.toThrow();
  });
});

describe('crossLines', () => {
  const axis = { path: 'demand.baseRateJobsPerHour', values: [60, 120, 180] };
  // two seeds per point: the means are 0.3, 0.5, 0.7 utilization and -1000, 500, 2000 USD of profit
  const perPoint = [
    [{ utilization: 0.28, provider_profit_usd: -1200 }, { utilization: 0.32, provider_profit_usd: -800 }],
    [{ utilization: 0.48, provider_profit_usd: 400 }, { utilization: 0.52, provider_profit_usd: 600 }],
    [{ utilization: 0.68, provider_profit_usd: 1900 }, { utilization: 0.72, provider_profit_usd: 2100 }],
  ];
  it("says where each figure's mean crosses its value, with the parameter's unit from the schema", () => {
    const text = crossLines(axis, [parseCross('utilization=60%'), parseCross('provider profit=0'), parseCross('utilization=90%')], perPoint);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('  where the figures cross the --cross values as demand.baseRateJobsPerHour rises:');
    // two seeds: wide intervals (t with 1 degree of freedom), which hold 60% at the points around the crossing
    expect(lines[1]).toBe('  The utilization (the mean of 2 seeds) rises above 60.0% at about 150 jobs/h (between the points 120 and 180 jobs/h, taken as linear). Its 95% interval holds 60.0% at 120, 180 jobs/h: there more seeds would tell on which side it lies.');
    expect(lines[2]).toMatch(/^ {2}The provider profit \(the mean of 2 seeds\) rises above \$0 at about 100 jobs\/h \(between the points 60 and 120 jobs\/h, taken as linear\)\. Its 95% interval holds \$0 at 60, 120 jobs\/h/);
    expect(lines[3]).toBe('  The utilization (the mean of 2 seeds) stays below 90.0% over the whole range (from 30.0% to 70.0%). Its 95% interval holds 90.0% at 180 jobs/h: there more seeds would tell on which side it lies.');
  });

  it('says when no point\'s interval holds the value (the seeds place every point on its side), and nothing of intervals with one seed', () => {
    const tight = [
      [{ utilization: 0.3 }, { utilization: 0.301 }, { utilization: 0.299 }],
      [{ utilization: 0.5 }, { utilization: 0.501 }, { utilization: 0.499 }],
      [{ utilization: 0.7 }, { utilization: 0.701 }, { utilization: 0.699 }],
    ];
    expect(crossLines(axis, [parseCross('utilization=60%')], tight)).toContain("taken as linear). No point's 95% interval holds 60.0%: the seeds place every point on its side.");
    const one = tight.map((runs) => runs.slice(0, 1));
    expect(crossLines(axis, [parseCross('utilization=60%')], one)).toMatch(/taken as linear\)\.\n$/);
  });

  it("gives the sidecar each --cross's means and crossings, for scripts", () => {
    expect(crossRecords([parseCross('utilization=60%'), parseCross('token price=1')], [60, 120, 180], perPoint)).toEqual([
      { figure: 'utilization', value: 0.6, means: [0.3, 0.5, 0.7].map((m) => expect.closeTo(m, 12)), crossings: [{ at: expect.closeTo(150, 9), between: [120, 180], rising: true }], interval_holds: [120, 180] },
      { figure: 'token_price_usd', value: 1, means: [null, null, null], crossings: [], interval_holds: [] },
    ]);
  });

  it('says so when the runs have no such figure (the token economy off)', () => {
    expect(crossLines(axis, [parseCross('token price=1')], perPoint)).toMatch(/token price=1: the runs have no token price/);
  });
});

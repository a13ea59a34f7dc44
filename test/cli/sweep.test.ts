// Parameter sweeps: how values are written, the grid's order, the summary table and the long CSV.
import { describe, expect, it } from 'vitest';
import { parseSweep, sweepGrid, valueText } from '../../src/cli/sweepSpec.ts';
import { pairedTable, planSweep, sweepTable } from '../../src/cli/sweep.ts';
import { joinLong } from '../../src/cli/longCsv.ts';
import { CliError } from '../../src/cli/errors.ts';
import { ScenarioError } from '../../src/sim/scenario/validate.ts';

describe('parseSweep', () => {
  it('takes a list, each value read as --set reads one (JSON, else a string)', () => {
    expect(parseSweep('market.matcher=spheron,auction')).toEqual({ path: 'market.matcher', values: ['spheron', 'auction'] });
    expect(parseSweep('demand.baseRateJobsPerHour=80, 120,1e2')).toEqual({ path: 'demand.baseRateJobsPerHour', values: [80, 120, 100] });
    expect(parseSweep('economy.enabled=true,false').values).toEqual([true, false]);
  });

  it('takes a range start:stop:step with both ends, in the decimals it is written with', () => {
    expect(parseSweep('x=80:160:20').values).toEqual([80, 100, 120, 140, 160]);
    // 0.1 + 2 x 0.1 is 0.30000000000000004 in floating point: the values are what the user typed
    expect(parseSweep('x=0.1:0.3:0.1').values).toEqual([0.1, 0.2, 0.3]);
    expect(parseSweep('x=0:1:0.25').values).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(parseSweep('x=1e-3:3e-3:1e-3').values).toEqual([0.001, 0.002, 0.003]);
    // a stop between steps is not passed
    expect(parseSweep('x=0:1:0.4').values).toEqual([0, 0.4, 0.8]);
  });

  it('takes a JSON array, for values that hold commas', () => {
    expect(parseSweep('demand.regions=[{"na":1,"eu":0},{"na":0,"eu":1}]').values).toEqual([
      { na: 1, eu: 0 },
      { na: 0, eu: 1 },
    ]);
  });

  it('refuses what is not a sweep, as bad input naming the problem and showing the forms', () => {
    for (const [spec, msg] of [
      ['market.matcher', /expected path=values/],
      ['market.matcher=', /expected path=values/],
      ['=1,2', /expected path=values/],
      ['market.setupHours=1', /give at least two values \(one value is --set\)/],
      ['market.matcher=auction,auction', /the value "auction" is listed twice/],
      ['x=1:a:1', /a range start:stop:step takes three numbers/],
      ['x=0:1:0', /the step of a range must be > 0/],
      ['x=5:1:1', /runs from the smaller number up/],
      ['x=0:1e6:1', /the range has 1000001 values/],
      ['x=[1', /must be a JSON array/],
      ['a..b=1,2', /dotted path without empty parts/],
    ] as const) {
      let err: unknown;
      try {
        parseSweep(spec);
      } catch (e) {
        err = e;
      }
      expect(err, spec).toBeInstanceOf(Error);
      expect((err as Error).message, spec).toMatch(msg);
      if (!/dotted/.test(String(msg))) expect((err as Error).message).toContain('e.g. --sweep');
    }
  });
});

describe('sweepGrid', () => {
  it('every combination, the first sweep varying slowest', () => {
    const grid = sweepGrid([
      { path: 'a', values: [1, 2] },
      { path: 'b', values: ['x', 'y', 'z'] },
    ]);
    expect(grid).toEqual([
      [1, 'x'],
      [1, 'y'],
      [1, 'z'],
      [2, 'x'],
      [2, 'y'],
      [2, 'z'],
    ]);
  });
});

describe('planSweep', () => {
  const axis = (spec: string) => parseSweep(spec);

  it('validates every point before any run, naming the point and the field', () => {
    let err: unknown;
    try {
      planSweep('baseline', [], [axis('market.matcher=spheron,auction'), axis('market.setupHours=1,30')], 1);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ScenarioError);
    expect((err as Error).message).toBe("preset 'baseline' at sweep point 2 (market.matcher=spheron, market.setupHours=30): market.setupHours: expected value <= 24, got 30");
  });

  it('gives each point the scenario --set would (the --set overrides, then the point)', () => {
    const plan = planSweep('baseline', ['horizonDays=5'], [axis('demand.baseRateJobsPerHour=50,70')], 1);
    expect(plan.points.map((p) => [p.scenario.horizonDays, p.scenario.demand.baseRateJobsPerHour])).toEqual([
      [5, 50],
      [5, 70],
    ]);
    expect(plan.base.horizonDays).toBe(5);
  });

  it('refuses a field swept twice or also --set, a grid past the run limit, and points with other columns', () => {
    const cases: [() => unknown, RegExp][] = [
      [() => planSweep('baseline', [], [axis('market.setupHours=1,2'), axis('market.setupHours=3,4')], 1), /market\.setupHours is given twice/],
      [() => planSweep('baseline', ['market.setupHours=1'], [axis('market.setupHours=1,2')], 1), /--set market\.setupHours and --sweep market\.setupHours set the same field/],
      [() => planSweep('baseline', ['market.weights.price=1'], [axis('market.weights=[{},{"price":2}]')], 1), /set the same field/],
      [() => planSweep('baseline', [], [axis('x=1:100:1'), axis('y=1:101:1')], 1), /--sweep: 10100 points x 1 seed is 10100 runs \(at most 10000\)/],
      [() => planSweep('baseline', [], [axis('economy.enabled=true,false')], 1), /point 2 \(economy\.enabled=false\) writes other CSV columns than point 1/],
    ];
    for (const [f, msg] of cases) {
      let err: unknown;
      try {
        f();
      } catch (e) {
        err = e;
      }
      expect(err, String(msg)).toBeInstanceOf(CliError);
      expect((err as Error).message).toMatch(msg);
    }
  });
});

describe('the sweep CSV', () => {
  it('puts the point, its values (quoted when they hold commas) and the seed in front of each row', () => {
    const csv = joinLong('point,a.b,seed', [
      { prefix: `1,${'"[1,2]"'},7`, csv: 'day,x\n1,0.5\n2,0.6\n' },
      { prefix: `2,${'"[3,4]"'},7`, csv: 'day,x\n1,0.7\n2,0.8\n' },
    ]);
    expect(csv).toBe('point,a.b,seed,day,x\n1,"[1,2]",7,1,0.5\n1,"[1,2]",7,2,0.6\n2,"[3,4]",7,1,0.7\n2,"[3,4]",7,2,0.8\n');
    expect(valueText('auction')).toBe('auction');
    expect(valueText(0.25)).toBe('0.25');
    expect(valueText({ na: 1 })).toBe('{"na":1}');
  });
});

describe('sweepTable', () => {
  const axes = [{ path: 'market.matcher', values: ['spheron', 'auction'] }];
  const fig = (u: number, profit: number) => ({ utilization: u, fill_rate: 0.8, wait_mean_h: 0.1, price: 0.7, gmv_usd: 2e4, provider_profit_usd: profit });

  it('one row per point with its value and each figure, columns lined up, the kind of each figure said once', () => {
    const text = sweepTable(axes, [['spheron'], ['auction']], [[fig(0.5, 1e5)], [fig(0.6, -21_600)]]);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe("  per point, one seed per point; GMV, provider profit: whole run; utilization, fill rate, price: ratio of the whole run's sums; wait: days weighted by orders_matched");
    const cells = (l: string) => l.trim().split(/ {2,}/);
    expect(cells(lines[1])).toEqual(['point', 'market.matcher', 'utilization', 'fill rate', 'wait', 'price', 'GMV', 'provider profit']);
    expect(cells(lines[2])).toEqual(['1', 'spheron', '50.0%', '80.0%', '0.10 h', '$0.700/GPU-h', '$20.0 k', '$100.0 k']);
    expect(lines[3]).toContain('-$21.6 k'); // the sign before the currency
    // columns line up: each value starts where its heading does
    expect(lines[3].indexOf('60.0%')).toBe(lines[1].indexOf('utilization'));
    expect(lines[3].indexOf('-$21.6 k')).toBe(lines[1].indexOf('provider profit'));
    expect(lines[2].indexOf('$20.0 k')).toBe(lines[1].indexOf('GMV'));
  });

  it('with several seeds: the mean ± the 95% half-width (t with n - 1 degrees of freedom)', () => {
    const text = sweepTable(axes, [['spheron'], ['auction']], [
      [fig(0.5, 0), fig(0.52, 0), fig(0.54, 0)],
      [fig(0.6, 0), fig(0.6, 0), fig(0.6, 0)],
    ]);
    expect(text).toContain("across 3 seeds: mean ± half-width of the 95% confidence interval (Student's t)");
    expect(text).toMatch(/1\s+spheron\s+52\.0% ± 5\.0%/);
    expect(text).toMatch(/2\s+auction\s+60\.0% ± 0\.0%/);
  });

  it('the change against point 1 seed by seed: a shift shared by every seed is exact, shares in pp, * when clear after the correction', () => {
    // each seed's luck moves both points alike; point 2 is 2 pp busier on every seed, and its profit moves either way
    const text = pairedTable(axes, [['spheron'], ['auction']], [
      [fig(0.5, 100), fig(0.55, 300), fig(0.6, 200)],
      [fig(0.52, 150), fig(0.57, 250), fig(0.62, 200)],
    ]);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe("  change against point 1 (spheron) seed by seed over 3 seeds (common random numbers): mean ± 95% half-width; * clear at 5% (paired t-test, Holm's correction over the table's 6 tests)");
    const cells = lines[2].trim().split(/ {2,}/);
    expect(cells.slice(0, 3)).toEqual(['2', 'auction', '+2.00 pp ± 0.00 pp *']);
    expect(cells[cells.length - 1]).toMatch(/^\$0 ± \$\d+$/); // +50, -50, 0: no clear change, no star
    expect(lines).toHaveLength(3); // point 1 has no row against itself
  });

  it('a change whose interval leaves out zero is not starred when, among the table\'s tests, it could be luck', () => {
    // utilization +1.44 pp on average over 5 seeds, t = 3.6: p = 0.022 alone, 0.13 after Holm over 6 figures
    const ups = [0.01, 0.025, 0.002, 0.02, 0.015];
    const text = pairedTable(axes, [['spheron'], ['auction']], [ups.map(() => fig(0.5, 100)), ups.map((u) => fig(0.5 + u, 100))]);
    const cells = text.trimEnd().split('\n')[2].trim().split(/ {2,}/);
    expect(cells[2]).toBe('+1.44 pp ± 1.11 pp'); // the 95% interval alone would have called it
    expect(text).toContain("Holm's correction over the table's 6 tests");
  });
});

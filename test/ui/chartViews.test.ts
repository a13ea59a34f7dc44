// The charts' header views: cumulative (running totals of per-day flows) and in USD (token amounts
// at each day's price), and the market cap chart's columns, on a made-up table and on a real run.
import { describe, expect, it } from 'vitest';
import { CHARTS } from '../../src/ui/lib/chartDefs/charts.ts';
import { deriveColumns } from '../../src/ui/lib/chartDefs/derivedColumns.ts';
import type { ChartDef } from '../../src/ui/lib/chartDefs/chartTypes.ts';
import { compareMetrics, viewColumn, viewColumns, viewLineColumns, viewOf } from '../../src/ui/lib/chartViews.ts';
import { supplyCapTokens } from '../../src/ui/lib/scenarioRefs.ts';
import { findPreset } from '../../src/sim/scenario/presets.ts';
import { applyOverrides } from '../../src/sim/scenario/overrides.ts';
import { parseScenario } from '../../src/sim/scenario/validate.ts';
import { runAll } from '../sim/helpers.ts';

const f = (...v: number[]) => new Float64Array(v);
const chart = (id: string): ChartDef => CHARTS.find((c) => c.id === id)!;

describe('chart views', () => {
  it('cumulative: the left axis on running totals, bars as areas up and down, the right axis and its lines kept', () => {
    const providers = chart('providers');
    const v = viewOf(providers, { cumulative: true });
    expect(v.series.map((s) => [s.column, s.type ?? 'line'])).toEqual([
      ['providers_joined__cum', 'area'],
      ['providers_exited__cum', 'areaDown'],
      ['providers_active', 'line'],
    ]);
    expect(v.unit).toBe('providers');
    expect(v.title).toBe('Providers joining and leaving (cumulative)');
    expect(v.rightUnit).toBe('providers');
    expect(v.subtitle).toMatch(/running totals from the run's first day \(left axis\)$/);
    // the payback chart's 12- and 24-month rules are on the right axis: kept
    expect(viewOf(chart('provider-economics'), { cumulative: true }).refs?.map((r) => r.value)).toEqual([12, 24]);
  });

  it('in USD: token amounts at the day\'s price; both: the running total of the days\' values; a toggle a chart does not offer changes nothing', () => {
    const mb = chart('mint-burn');
    expect(viewOf(mb, { usd: true }).unit).toBe('USD');
    expect(viewOf(mb, { usd: true }).series.map((s) => s.column)).toEqual(['minted_tokens__usd', 'burned_tokens__usd', 'net_issuance_tokens__usd']);
    expect(viewOf(mb, { usd: true, cumulative: true }).series[0].column).toBe('minted_tokens__usd__cum');
    expect(viewOf(mb, { usd: true, cumulative: true }).title).toBe('Minted vs burned (cumulative, in USD)');
    expect(viewOf(mb, {})).toBe(mb);
    const stack = chart('supply-stack');
    expect(viewOf(stack, { cumulative: true })).toBe(stack);
    expect(viewOf(chart('utilization'), { cumulative: true, usd: true })).toBe(chart('utilization'));
  });

  it('running totals skip a day without a value (drawn as a gap) and go on after it; a USD value has no price, no value', () => {
    const defs: ChartDef[] = [{ ...chart('mint-burn') }];
    const d = viewColumns(defs, { minted_tokens: f(10, NaN, 5, 1), burned_tokens: f(0, 1, 2, 3), net_issuance_tokens: f(10, -1, 3, -2), token_price_usd: f(2, 3, NaN, 1) }, 4);
    expect(Array.from(d[viewColumn('minted_tokens', { cumulative: true })])).toEqual([10, NaN, 15, 16]);
    expect(Array.from(d.burned_tokens__usd)).toEqual([0, 3, NaN, 3]);
    expect(Array.from(d.burned_tokens__usd__cum)).toEqual([0, 3, NaN, 6]);
    expect(Array.from(d.minted_tokens__usd__cum)).toEqual([20, NaN, NaN, 21]);
  });

  it('every view of every chart draws columns a run has (a real baseline month), and its totals add up the days', () => {
    const s = parseScenario(applyOverrides(findPreset('baseline')!.raw, ['scale=0.05', 'horizonDays=30']));
    const { table } = runAll(s, 3);
    const data: Record<string, Float64Array> = { ...table.data };
    const all = { ...data, ...deriveColumns(data, table.rows, s.metrics.periodHours, supplyCapTokens(s)) };
    for (const def of CHARTS) {
      for (const view of [{ cumulative: true }, { usd: true }, { cumulative: true, usd: true }]) {
        const v = viewOf(def, view);
        // (a stand-in is for runs from before its chart's newer column)
        for (const sr of v.series) if (!sr.standIn) expect(all[sr.column], `${def.id} ${JSON.stringify(view)}: ${sr.column}`).toBeDefined();
      }
    }
    // a line a view draws gets Monte Carlo bands: it is in the banded set
    expect(viewLineColumns(CHARTS)).toEqual(expect.arrayContaining(['net_issuance_tokens__cum', 'net_issuance_tokens__usd__cum', 'gpu_hours_served__cum', 'protocol_earnings_usd__cum']));
    const last = table.rows - 1;
    const sum = (c: string) => Array.from(all[c]).reduce((a, b) => a + b, 0);
    expect(all.gpu_hours_served__cum[last]).toBeCloseTo(sum('gpu_hours_served'), 6);
    expect(all.jobs_started__cum[last]).toBe(sum('jobs_started'));
    // minted less burned in total is the supply's change over the run
    const supply = all.supply_tokens;
    expect(all.net_issuance_tokens__cum[last]).toBeCloseTo(supply[last] - (supply[0] - all.minted_tokens[0] + all.burned_tokens[0]), 0);
    // what the emissions were worth when minted, day by day
    let usd = 0;
    for (let i = 0; i <= last; i++) usd += all.minted_tokens[i] * all.token_price_usd[i];
    expect(all.minted_tokens__usd__cum[last]).toBeCloseTo(usd, 3);
  });

  it('market cap chart: circulating market cap <= market cap of the whole supply <= fully diluted value, each at the day\'s price', () => {
    const s = parseScenario(applyOverrides(findPreset('unlock_shock')!.raw, ['scale=0.05', 'horizonDays=20']));
    const { table } = runAll(s, 1);
    const d = deriveColumns(table.data, table.rows, s.metrics.periodHours, supplyCapTokens(s));
    const cap = s.economy.token.maxSupply * s.scale;
    for (let i = 0; i < table.rows; i++) {
      const price = table.data.token_price_usd[i];
      expect(d.circulating_market_cap_usd[i]).toBeLessThan(table.data.market_cap_usd[i]);
      expect(table.data.market_cap_usd[i]).toBeLessThanOrEqual(d.fdv_usd[i] * (1 + 1e-12));
      expect(d.fdv_usd[i]).toBeCloseTo(Math.max(cap, table.data.supply_tokens[i]) * price, 0);
    }
    // locked tokens are in the supply, not in circulation: the gap between the two caps is at least their value
    const i = 0;
    expect(table.data.market_cap_usd[i] - d.circulating_market_cap_usd[i]).toBeGreaterThanOrEqual(table.data.locked_tokens[i] * table.data.token_price_usd[i] * (1 - 1e-9));
    // without the scenario's cap (a table on its own) there is no fully diluted line rather than a wrong one
    expect(deriveColumns(table.data, table.rows, s.metrics.periodHours).fdv_usd).toBeUndefined();
  });
});

describe('metrics to compare', () => {
  const metrics = compareMetrics(CHARTS);
  it('every series of every chart, then the views of those that have views, each column once', () => {
    const cols = metrics.map((m) => m.column);
    expect(new Set(cols).size).toBe(cols.length);
    for (const c of CHARTS) for (const s of c.series) expect(cols).toContain(s.column);
    expect(metrics.find((m) => m.column === 'minted_tokens__usd__cum')).toEqual({ column: 'minted_tokens__usd__cum', label: 'Minted vs burned (cumulative, in USD): Minted', unit: 'USD' });
    expect(metrics.find((m) => m.column === 'jobs_started__cum')).toMatchObject({ unit: 'leases' });
    // a view's right axis is the chart's own: not a metric twice
    expect(cols.filter((c) => c === 'payback_months_median')).toHaveLength(1);
  });

  it('a real run holds every view metric', () => {
    const s = parseScenario(applyOverrides(findPreset('baseline')!.raw, ['scale=0.05', 'horizonDays=10']));
    const { table } = runAll(s, 1);
    const all = { ...table.data, ...deriveColumns(table.data, table.rows, s.metrics.periodHours, supplyCapTokens(s)) };
    // (a stand-in series' column, for runs of older versions, is not in a run of this one: nor are its twins)
    const twins = metrics.filter((x) => x.column.includes('__') && all[x.column.split('__')[0]]);
    expect(twins.length).toBeGreaterThan(20);
    for (const m of twins) expect(all[m.column], m.column).toBeDefined();
  });
});

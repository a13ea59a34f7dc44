// What a time chart says about a day: its tooltip, the day slider's text and its text alternative.
import { describe, expect, it } from 'vitest';
import type { SeriesDef } from '../../src/ui/lib/chartDefs/chartTypes.ts';
import type { BandView } from '../../src/ui/lib/bands.ts';
import { chartSummary, dayReadout, tooltipAt, tooltipLeft, unitOf } from '../../src/ui/lib/chartReadout.ts';

const def = { title: 'Utilization and price', unit: 'share', rightUnit: 'USD/GPU-h' };
const util: SeriesDef = { column: 'util', label: 'Utilization', color: '#000' };
const price: SeriesDef = { column: 'price', label: 'Price', color: '#f00', right: true };
const table = { rows: 2, data: { day: Float64Array.from([1, 2]), util: Float64Array.from([0.5, 0.612]), price: Float64Array.from([1.2, 1.5]) } };

describe('unitOf', () => {
  it("a series on the right axis is in the right axis's unit", () => {
    expect(unitOf(def, util)).toBe('share');
    expect(unitOf(def, price)).toBe('USD/GPU-h');
    expect(unitOf({ unit: 'share' }, price)).toBe('');
  });
});

describe('tooltipAt', () => {
  it('lists every series at the day with its value in its unit', () => {
    const tip = tooltipAt({ def, series: [util, price], now: { table, row: 1 }, band: null, picked: null, base: null });
    expect(tip.day).toBe(2);
    expect(tip.rows.map((r) => [r.s.label, r.value])).toEqual([
      ['Utilization', '61.2%'],
      ['Price', '$1.50/GPU-h'],
    ]);
    expect(tip.columns).toEqual(['this run']);
    expect(tip.rows[0].others).toEqual([]);
  });

  it("adds the band's range, the picked run's and the pinned baseline's values as columns, named in that order", () => {
    const band = { level: 80, runs: 5, lo: { util: Float64Array.from([0.4, 0.5]) }, hi: { util: Float64Array.from([0.6, 0.7]) } } as unknown as BandView;
    const picked = { rows: 2, data: { day: table.data.day, util: Float64Array.from([0.55, 0.56]) } };
    const base = { rows: 2, data: { day: table.data.day, util: Float64Array.from([0.3, 0.31]) } };
    const tip = tooltipAt({
      def,
      series: [util, price],
      now: { table, row: 1 },
      band: { view: band, row: 1, series: [util] },
      picked: { seed: 42, table: picked, row: 1, series: [util] },
      base: { table: base, row: 1 },
    });
    expect(tip.columns).toEqual(['this run', '10th–90th percentile of 5 runs', 'seed 42', 'pinned baseline']);
    expect(tip.rows[0].others).toEqual(['50.0% – 70.0%', '56.0%', '31.0%']);
    // the price has no band nor picked line; the baseline has no such column
    expect(tip.rows[1].others).toEqual(['', '', 'n/a']);
  });

  it('leaves out a column with no row at the day', () => {
    const base = { rows: 0, data: {} };
    expect(tooltipAt({ def, series: [util], now: { table, row: 0 }, band: null, picked: null, base: { table: base, row: -1 } }).columns).toEqual(['this run']);
  });
});

describe('tooltipLeft', () => {
  it('goes right of the crosshair when it fits, else left of it, else against the left edge', () => {
    expect(tooltipLeft(100, 150, 400)).toBe(112);
    expect(tooltipLeft(300, 150, 400)).toBe(138);
    expect(tooltipLeft(100, 350, 400)).toBe(0);
    expect(tooltipLeft(null, 150, 400)).toBe(0);
  });
});

describe('text alternatives', () => {
  it("the chart's label reads every series on the last day, with units", () => {
    expect(chartSummary({ def, series: [util, price], table, available: true, days: 30 })).toBe('Utilization and price, day 2 of 30: Utilization 61.2%; Price $1.50/GPU-h.');
    expect(chartSummary({ def, series: [util], table: { rows: 0, data: {} }, available: true, days: 30 })).toBe('Utilization and price: no data yet.');
    expect(chartSummary({ def, series: [util], table, available: false, days: 30 })).toBe('Utilization and price: not available in this run.');
  });

  it('the day slider reads the hovered day', () => {
    expect(dayReadout(def, [util], table, 0)).toBe('day 1: Utilization 50.0%');
    expect(dayReadout(def, [util], table, -1)).toBe('no day selected');
  });
});

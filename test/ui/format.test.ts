// What the KPI cards, tooltips and tables print: small numbers keep their digits, a change never
// reads as zero, and a range never prints its two different ends the same.
import { describe, expect, it } from 'vitest';
import { changeTickFormat, formatDelta, formatP, formatRange, formatSignedRange, formatValue, formatWithUnit, labelFormat, tickFormat, unitSuffix } from '../../src/ui/lib/format.ts';

describe('formatWithUnit', () => {
  it('is the number and its unit suffix, so a list can write the unit once', () => {
    expect(unitSuffix('jobs/h')).toBe(' jobs/h');
    expect(unitSuffix('share')).toBe('');
    expect(unitSuffix('usd/GPU-h')).toBe('');
    expect(unitSuffix('share per year')).toBe('/year');
    for (const [v, u] of [[120, 'jobs/h'], [0.5, 'share'], [2.5, 'usd'], [0.075, 'share per year'], [3, 'months']] as const) expect(formatWithUnit(v, u)).toBe(formatValue(v, u) + unitSuffix(u));
  });

  it('a payback never reached reads "never" in a sentence, not "∞ months"', () => {
    expect(formatWithUnit(Infinity, 'months')).toBe('never');
    expect(formatWithUnit(Infinity, 'jobs/h')).toBe('∞ jobs/h');
  });

  it('a qualified share reads as a percent with its qualifier, not "7.5% share per year"', () => {
    expect(formatWithUnit(0.075, 'share per year')).toBe('7.5%/year');
    expect(formatWithUnit(0.05, 'share of GMV')).toBe('5.0% of GMV');
    expect(formatWithUnit(0.531, 'share')).toBe('53.1%');
    expect(formatWithUnit(1234, 'GPU-h')).toBe('1,234 GPU-h');
    expect(formatWithUnit(NaN, 'share per year')).toBe('n/a');
  });
});

describe('formatValue', () => {
  it('keeps three significant digits below 1, so a small ratio is not rounded to 0.001 or 0', () => {
    expect(formatValue(0.000873, 'ratio')).toBe('0.000873');
    expect(formatValue(0.0004, 'ratio')).toBe('0.0004');
    expect(formatValue(0.762, 'USD/GPU-h')).toBe('$0.762/GPU-h');
    expect(formatValue(0.5)).toBe('0.5');
  });

  it('shares as percent, money with the sign first, large counts compact', () => {
    expect(formatValue(0.531, 'share')).toBe('53.1%');
    expect(formatValue(-21600, 'USD')).toBe('−$21,600');
    expect(formatValue(-0.05, 'USD/GPU-h')).toBe('−$0.05/GPU-h');
    expect(formatValue(4_213_043)).toBe('4.21M');
    // months to one decimal, as the provider tables and the summary give them
    expect(formatValue(48.4246, 'months')).toBe('48.4');
    expect(formatValue(1534.26, 'months')).toBe('1,534.3');
    expect(formatValue(0.44, 'months')).toBe('0.4');
    expect(formatValue(8, 'months')).toBe('8');
    expect(formatValue(-3.25, 'months')).toBe('−3.3');
    expect(formatValue(Infinity, 'months')).toBe('∞');
    expect(formatValue(NaN)).toBe('n/a');
  });

  it('a share of 1,000% or more stays short enough for a card: separators, then a power of ten', () => {
    expect(formatValue(9.99, 'share')).toBe('999.0%');
    expect(formatValue(72.419, 'share')).toBe('7,242%');
    expect(formatValue(-72.419, 'share')).toBe('−7,242%');
    // a token launched with no supply: the net inflation card once printed 24913474006022.8%
    expect(formatValue(249134740060.228, 'share')).toBe('2.49×10^13%');
    expect(formatValue(249134740060.228, 'share', 4)).toBe('2.49×10^13%');
    expect(tickFormat('share', [0, 2e6, 4e6])(4e6)).toBe('4×10^8%');
    expect(tickFormat('share', [0, 20, 40])(40)).toBe('4,000%');
    expect(tickFormat('share per year', [0, 0.02, 0.04, 0.06, 0.08])(0.08)).toBe('8%'); // net inflation's axis: in percent too
    expect(changeTickFormat('share per year', [0, 0.01])(0.01)).toBe('+1');
  });
});

describe('formatDelta', () => {
  it('a share changes in percentage points; a tiny change keeps two significant digits', () => {
    expect(formatDelta(0.102, 'share')).toBe('▲ +10.2 pp');
    expect(formatDelta(-0.00012, 'share')).toBe('▼ −0.012 pp');
  });

  it('a change too small for the usual digits still shows, with its sign', () => {
    expect(formatDelta(0.00004, 'ratio')).toBe('▲ +0.00004');
    expect(formatDelta(-0.133, 'USD/GPU-h')).toBe('▼ −$0.133');
    expect(formatDelta(0, 'share')).toBe('= no change');
  });
});

describe('changeTickFormat', () => {
  it('signed ticks; a change of shares in pp with the decimals its step needs', () => {
    const pp = changeTickFormat('share', [-0.05, 0, 0.05]);
    expect([-0.05, 0, 0.05].map(pp)).toEqual(['−5', '0', '+5']);
    expect(changeTickFormat('share', [0, 0.005])(0.005)).toBe('+0.5');
    const months = changeTickFormat('months', [-2, 0, 2]);
    expect([-2, 0, 2].map(months)).toEqual(['−2', '0', '+2']);
  });
});

describe('formatSignedRange', () => {
  it('a range of changes with signs, the unit once', () => {
    expect(formatSignedRange(0.004, 0.011, 'share')).toBe('+0.4 to +1.1 pp');
    expect(formatSignedRange(-0.002, 0.003, 'share')).toBe('−0.2 to +0.3 pp');
    expect(formatSignedRange(-0.05, -0.01, 'USD/GPU-h')).toBe('−$0.05 to −$0.01');
    expect(formatSignedRange(0, 2.5, 'months')).toBe('0 to +2.5');
  });
});

describe('formatRange', () => {
  it('adds digits until the two ends differ', () => {
    expect(formatRange(0.0821, 0.0824, 'share')).toBe('8.21% – 8.24%');
    expect(formatRange(1234.5, 1234.6)).toBe('1,234.5 – 1,234.6');
    expect(formatRange(0.60812, 0.65104, 'share')).toBe('60.8% – 65.1%');
  });

  it('equal ends stay as they are', () => {
    expect(formatRange(0.082, 0.082, 'share')).toBe('8.2% – 8.2%');
  });
});

describe('tickFormat', () => {
  it('gives share ticks the decimals their step needs, so no two ticks read the same', () => {
    const ticks = [0.08, 0.085, 0.09, 0.095, 0.1];
    const labels = ticks.map(tickFormat('share', ticks));
    expect(labels).toEqual(['8.0%', '8.5%', '9.0%', '9.5%', '10.0%']);
    expect(new Set(labels).size).toBe(ticks.length);
    expect([0, 0.2, 0.4].map(tickFormat('share', [0, 0.2, 0.4]))).toEqual(['0%', '20%', '40%']);
    // without the ticks: whole percents, as before
    expect(tickFormat('share')(0.5)).toBe('50%');
  });
});

describe('labelFormat', () => {
  it('gives side-by-side share labels the decimals that tell the closest two apart, at most two', () => {
    const cells = [0.54, 0.543, 0.61, 0.7];
    const f = labelFormat('share', cells);
    expect(cells.map(f)).toEqual(['54.0%', '54.3%', '61.0%', '70.0%']);
    expect([0.5, 0.6].map(labelFormat('share', [0.5, 0.6]))).toEqual(['50%', '60%']);
    // nearly equal cells: two decimals, no more
    expect(labelFormat('share', [0.5, 0.500001])(0.5)).toBe('50.00%');
    // NaN cells (not run yet) and a single value change nothing
    expect(labelFormat('share', [NaN, 0.5])(0.5)).toBe('50%');
    expect(labelFormat('USD/GPU-h', [1.234, 1.235])(1.234)).toBe('1.234');
  });
});

describe('p-values in tooltips', () => {
  it('two significant digits, "< 0.001" below that, n/a for no test', () => {
    expect(formatP(0.0224)).toBe('0.022');
    expect(formatP(0.067)).toBe('0.067');
    expect(formatP(0.5)).toBe('0.50');
    expect(formatP(1)).toBe('1.00');
    expect(formatP(0.0004)).toBe('< 0.001');
    expect(formatP(NaN)).toBe('n/a');
  });
});

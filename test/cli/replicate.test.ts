import { describe, expect, it } from 'vitest';
import { parseSeeds } from '../../src/cli/seedList.ts';
import { defaultThreads, runMemoryEstimate, summaryTable } from '../../src/cli/replicate.ts';
import { joinLong } from '../../src/cli/longCsv.ts';
import { meanCi95, t975 } from '../../src/cli/confidence.ts';
import { CliError } from '../../src/cli/errors.ts';

describe('parseSeeds', () => {
  it('takes ranges and lists, in the order given', () => {
    expect(parseSeeds('1-3')).toEqual([1, 2, 3]);
    expect(parseSeeds('5, 1-2,9')).toEqual([5, 1, 2, 9]);
    expect(parseSeeds('0-1')).toEqual([0, 1]);
  });

  it('refuses what is not a list of distinct whole seeds, as bad input naming the problem', () => {
    const cases: [string, RegExp][] = [
      ['3', /at least two seeds/],
      ['3-1', /runs backwards/],
      ['1,2,1', /seed 1 is listed twice/],
      ['1-x', /'1-x' is not a seed/],
      ['-1,2', /is not a seed/],
      ['1.5,2', /is not a seed/],
      ['1-20000', /at most 10000 seeds/],
      ['1,4294967296', /seeds go up to 4294967295/],
    ];
    for (const [spec, re] of cases) {
      expect(() => parseSeeds(spec), spec).toThrow(CliError);
      expect(() => parseSeeds(spec), spec).toThrow(re);
    }
  });
});

describe('the long CSV of replications', () => {
  it("puts the seed in front of each run's rows under one header", () => {
    const csv = (s: number) => `day,x\n1,${s}0\n2,${s}1\n`;
    expect(joinLong('seed', [7, 3].map((s) => ({ prefix: `${s}`, csv: csv(s) })))).toBe('seed,day,x\n7,1,70\n7,2,71\n3,1,30\n3,2,31\n');
  });
});

describe('confidence intervals', () => {
  it("uses Student's t: exact table values up to 30 degrees of freedom, close to the normal beyond", () => {
    expect(t975(1)).toBe(12.706);
    expect(t975(9)).toBe(2.262);
    expect(t975(60)).toBeCloseTo(2.0, 3);
    expect(t975(1e9)).toBeCloseTo(1.96, 3);
    expect(t975(40)).toBeGreaterThan(2.0);
    expect(t975(40)).toBeLessThan(2.042);
  });

  it('mean ± t * s / sqrt(n), leaving out runs without a value', () => {
    const ci = meanCi95([1, 2, 3, 4, 5]);
    expect(ci.mean).toBe(3);
    expect(ci.half).toBeCloseTo((2.776 * Math.sqrt(2.5)) / Math.sqrt(5), 10);
    expect(meanCi95([1, NaN, 3])).toMatchObject({ n: 2, mean: 2 });
    expect(Number.isNaN(meanCi95([4]).half)).toBe(true);
  });

  it('the summary shows each figure with its unit and interval, and says when a run had no value', () => {
    const runs = [
      { utilization: 0.5, fill_rate: 0.8, wait_mean_h: 0.1, price: 0.7, gmv_usd: 5e6 },
      { utilization: 0.52, fill_rate: 0.82, wait_mean_h: 0.12, price: NaN, gmv_usd: 5.2e6 },
      { utilization: 0.54, fill_rate: 0.84, wait_mean_h: 0.14, price: 0.72, gmv_usd: 5.4e6 },
    ];
    const text = summaryTable(runs);
    expect(text).toContain('n = 3');
    expect(text).toMatch(/utilization \(busy \/ online GPU-hours, whole run\)\s+52\.0% ± 5\.0%/); // s = 0.02, t(2) = 4.303: 4.97%
    expect(text).toMatch(/price \(USD billed \/ GPU-hours served, whole run\)\s+\$0\.710\/GPU-h ± \$0\.127\/GPU-h \(2 runs with a value\)/);
    expect(text).toMatch(/GMV \(whole run\)\s+\$5\.20 M ± \$496\.9 k/);
    // no token economy in these runs: its figures are left out, not shown as empty
    expect(text).not.toContain('token price');
  });

  it("adds the token economy's figures when the runs have them", () => {
    const run = (p: number) => ({ utilization: 0.5, fill_rate: 0.8, wait_mean_h: 0.1, price: 0.7, gmv_usd: 2e4, token_price_usd: p, emission_income_share: 0.2, provider_profit_usd: 1e5, providers_exited: 90 });
    const text = summaryTable([run(0.8), run(1.0)]);
    expect(text).toMatch(/token price \(last day\)\s+\$0\.900 ± \$1\.271/);
    expect(text).toMatch(/GMV \(whole run\)\s+\$20\.0 k ± \$0\n/);
    expect(text).toMatch(/providers exited \(whole run\)\s+90 ± 0/);
  });
});

describe('defaultThreads', () => {
  const GB = 2 ** 30;
  it('one per core, at most one per seed', () => {
    expect(defaultThreads(2, 10, 20 * GB, 1)).toEqual({ threads: 2, limitedBy: 'cores' });
    expect(defaultThreads(8, 3, 20 * GB, 1)).toEqual({ threads: 3, limitedBy: 'seeds' });
  });

  it('no more runs than the free memory holds (a container reporting 64 cores with 4 GB free, at 50x)', () => {
    expect(runMemoryEstimate(50) / 2 ** 20).toBe(1028); // the 50x year peaked at 955 MB
    expect(defaultThreads(64, 100, 4 * GB, 50)).toEqual({ threads: 3, limitedBy: 'memory' });
    expect(defaultThreads(64, 100, 0.1 * GB, 50).threads).toBe(1); // always at least one
  });
});

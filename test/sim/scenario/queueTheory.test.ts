// The queueing theory a run is read against: only for a scenario that is exactly an M/M/c queue,
// or one with exponential patience (M/M/c+M, Erlang A).
import { describe, expect, it } from 'vitest';
import { erlangC, mmcOf } from '../../../src/sim/scenario/queueTheory.ts';
import { erlangA } from '../../../src/sim/scenario/erlangA.ts';
import { findPreset } from '../../../src/sim/scenario/presets.ts';
import { applyOverrides } from '../../../src/sim/scenario/overrides.ts';
import { parseScenario } from '../../../src/sim/scenario/validate.ts';

const mmc = (...sets: string[]) => mmcOf(parseScenario(applyOverrides(findPreset('mmc')!.raw, sets)));

describe('M/M/c theory of a scenario', () => {
  it("the mmc preset: c = 100, lambda = 90/h, mean service 1 h, and Erlang C's values its description quotes", () => {
    const t = mmc()!;
    expect([t.c, t.lambdaPerHour, t.meanServiceHours]).toEqual([100, 90, 1]);
    expect(t.rho).toBeCloseTo(0.9, 12);
    expect(t.pWait).toBeCloseTo(0.2169, 4);
    expect(t.meanWaitHours).toBeCloseTo(0.02169, 5);
  });

  it('follows the load and the scale; an overloaded queue has rho >= 1 and no steady-state wait', () => {
    expect(mmc('demand.baseRateJobsPerHour=50')!.rho).toBeCloseTo(0.5, 12);
    const big = mmc('scale=2')!;
    expect([big.c, big.lambdaPerHour]).toEqual([200, 180]);
    expect(big.meanWaitHours).toBeLessThan(mmc()!.meanWaitHours); // pooling: more servers at the same rho wait less
    const over = mmc('demand.baseRateJobsPerHour=120')!;
    expect(over.rho).toBeCloseTo(1.2, 12);
    expect(over.meanWaitHours).toBeNaN();
  });

  it('is null as soon as any one condition of the queue breaks', () => {
    for (const set of [
      'demand.diurnalAmplitude=0.1',
      'demand.trendGrowthPerYear=0.1',
      'demand.burstMeanJobs=2',
      'market.setupHours=0.05',
      'economy.enabled=true',
      'demand.classes.finetune.share=0.1',
      'demand.classes.inference.durationHours={"dist":"lognormal","median":1,"sigma":1}',
      'demand.classes.inference.maxDurationHours=10',
      ['demand.classes.inference.unlimitedPatience=false', 'demand.classes.inference.patienceHours={"dist":"lognormal","median":1,"sigma":1}'],
      ['demand.classes.inference.unlimitedPatience=false', 'demand.classes.inference.patienceHours={"dist":"fixed","value":1}'],
      'demand.classes.inference.cancelShare=0.01',
      'demand.classes.inference.regionLockedShare=0.1',
      'demand.classes.inference.budgetFactorMin=1',
      'demand.classes.inference.gpus={"1":1,"2":1}',
      'demand.classes.inference.minVramGb={"0":1,"141":1}',
      'supply.archetypes.datacenter.gpusPerNodeMax=2',
      'supply.archetypes.datacenter.onlineHoursMin=20',
      ['supply.archetypes.datacenter.reliabilityMean=0.99', 'supply.archetypes.datacenter.meanDownHours=4'],
    ]) {
      const sets = Array.isArray(set) ? set : [set];
      expect(mmc(...sets), sets.join(' ')).toBeNull();
    }
    // a provider that never goes down is never down, whatever its mean down time would be
    expect(mmc('supply.archetypes.datacenter.meanDownHours=4')).not.toBeNull();
    expect(mmcOf(parseScenario(findPreset('baseline')!.raw))).toBeNull();
  });
});

describe('Erlang A (M/M/c+M): exponential patience', () => {
  const ea = (...sets: string[]) => mmcOf(parseScenario(applyOverrides(findPreset('erlang_a')!.raw, sets)));

  it("the erlang_a preset: an overloaded queue (rho = 1.2) that abandonment keeps finite, with the values its description quotes", () => {
    const t = ea()!;
    expect(t.queue).toBe('M/M/c+M');
    expect([t.c, t.lambdaPerHour, t.meanServiceHours, t.meanPatienceHours]).toEqual([100, 120, 1, 0.5]);
    expect(t.rho).toBeCloseTo(1.2, 12);
    expect(t.stable).toBe(true);
    expect(t.fillRate).toBeCloseTo(0.83, 3);
    expect(t.pAbandon).toBeCloseTo(0.17, 3);
    expect(t.utilization).toBeCloseTo(0.996, 3);
    expect(t.meanWaitHours).toBeCloseTo(0.089, 4);
    const d = String(findPreset('erlang_a')!.raw.description);
    for (const quoted of ['83.0%', '17.0%', '99.6%', '0.0890 h']) expect(d).toContain(quoted);
  });

  it('the mmc preset with exponential patience becomes Erlang A; longer patience, fewer leave', () => {
    const impatient = mmc('demand.classes.inference.unlimitedPatience=false', 'demand.classes.inference.patienceHours={"dist":"exponential","mean":0.1}')!;
    const patient = mmc('demand.classes.inference.unlimitedPatience=false', 'demand.classes.inference.patienceHours={"dist":"exponential","mean":10}')!;
    expect(impatient.queue).toBe('M/M/c+M');
    expect(impatient.pAbandon).toBeGreaterThan(patient.pAbandon);
    expect(impatient.meanWaitHours).toBeLessThan(patient.meanWaitHours); // those who stay waited less
    // very long patience: Erlang C again
    const forever = mmc('demand.classes.inference.unlimitedPatience=false', 'demand.classes.inference.patienceHours={"dist":"exponential","mean":1e6}')!;
    expect(forever.pWait).toBeCloseTo(mmc()!.pWait, 5);
    expect(forever.meanWaitHours).toBeCloseTo(mmc()!.meanWaitHours, 6);
  });
});

describe('the Erlang A formulas', () => {
  it('with no abandonment they are Erlang C', () => {
    for (const [c, lambda] of [[1, 0.7], [10, 9], [100, 90], [400, 390]]) {
      const a = erlangA(c, lambda, 1, 0);
      expect(a.pWait).toBeCloseTo(erlangC(c, lambda), 10);
      expect(a.meanWaitServedHours).toBeCloseTo(erlangC(c, lambda) / (c - lambda), 8);
      expect(a.pAbandon).toBe(0);
      expect(a.utilization).toBeCloseTo(lambda / c, 10);
    }
  });

  it('keep the flow balances at any load: abandonment = theta x queue, busy servers = served arrivals x service time', () => {
    for (const [c, lambda, mu, theta] of [[1, 0.7, 1, 1], [10, 12, 1, 2], [100, 150, 1, 2], [100, 120, 1, 0.001], [500, 480, 1, 5]]) {
      const a = erlangA(c, lambda, mu, theta);
      expect(lambda * a.pAbandon, `abandonment flux c=${c}`).toBeCloseTo(theta * a.meanQueue, 6);
      expect(a.utilization * c * mu, `Little on the servers c=${c}`).toBeCloseTo(lambda * (1 - a.pAbandon), 6);
      expect(a.pWait).toBeGreaterThan(0);
      expect(a.pWait).toBeLessThanOrEqual(1 + 1e-12);
    }
  });

  it('M/M/1+M against the chain solved by brute force', () => {
    // states 0..N of the number in system, solved by the balance of each cut (an independent route)
    const lambda = 0.8, mu = 1, theta = 0.5, N = 200;
    const p = [1];
    for (let n = 1; n <= N; n++) p.push((p[n - 1] * lambda) / (mu + (n - 1) * theta));
    const z = p.reduce((x, y) => x + y, 0);
    const q = p.reduce((x, y, n) => x + (n > 1 ? (n - 1) * y : 0), 0) / z;
    const a = erlangA(1, lambda, mu, theta);
    expect(a.utilization).toBeCloseTo(1 - p[0] / z, 12);
    expect(a.meanQueue).toBeCloseTo(q, 12);
  });

  it('many more servers than the load: nobody waits, whatever the abandonment (the weights underflow before c)', () => {
    for (const [c, lambda, theta] of [[500, 6, 2], [2000, 120, 2], [10000, 120, 0], [10000, 120, 2]]) {
      const a = erlangA(c, lambda, 1, theta);
      expect(a.pWait, `c=${c}`).toBe(0);
      expect(a.pAbandon).toBe(0);
      expect(a.meanQueue).toBe(0);
      expect(a.utilization).toBeCloseTo(lambda / c, 12);
    }
    // the erlang_a preset with the dashboard's 2,000 providers: the fill rate is 1, not an error
    const t = mmcOf(parseScenario(applyOverrides(findPreset('erlang_a')!.raw, ['supply.providers=2000'])))!;
    expect([t.c, t.fillRate, t.meanWaitHours]).toEqual([2000, 1, 0]);
    expect(t.utilization).toBeCloseTo(0.06, 12);
  });

  it('refuses what has no answer', () => {
    expect(() => erlangA(0, 1, 1, 1)).toThrow(/c must be/);
    expect(() => erlangA(2.5, 1, 1, 1)).toThrow(/c must be/);
    expect(() => erlangA(10, 10, 1, 0)).toThrow(/unstable/);
    expect(() => erlangA(10, -1, 1, 1)).toThrow(/lambda > 0/);
  });
});

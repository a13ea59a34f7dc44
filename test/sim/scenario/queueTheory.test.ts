// The queueing theory a run is read against: only for a scenario that is exactly an M/M/c queue.
import { describe, expect, it } from 'vitest';
import { mmcOf } from '../../../src/sim/scenario/queueTheory.ts';
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
      'demand.classes.inference.unlimitedPatience=false',
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

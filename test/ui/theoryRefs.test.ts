// Queueing theory on the dashboard: reference lines and KPI values for an M/M/c scenario only.
import { describe, expect, it } from 'vitest';
import { theoryKpi, theoryOf, theoryRefs } from '../../src/ui/lib/theoryRefs.ts';
import { mmcOf } from '../../src/sim/scenario/queueTheory.ts';
import { findPreset } from '../../src/sim/scenario/presets.ts';
import { applyOverrides } from '../../src/sim/scenario/overrides.ts';
import { parseScenario } from '../../src/sim/scenario/validate.ts';
import type { Scenario } from '../../src/sim/scenario/schema.ts';

const theory = (...sets: string[]) => mmcOf(parseScenario(applyOverrides(findPreset('mmc')!.raw, sets)));

describe('queueing theory next to the run', () => {
  it('the mmc preset: rho on the utilization chart, the Erlang C wait on the waits chart, both on their cards', () => {
    const t = theory();
    expect(theoryRefs(t, 'utilization')).toEqual([{ value: 0.9, label: 'M/M/c theory: ρ = 0.900' }]);
    const w = theoryRefs(t, 'waits');
    expect(w[0].value).toBeCloseTo(0.02169, 5);
    expect(w[0].label).toBe('Erlang C mean wait 1.30 min');
    expect(theoryRefs(t, 'prices')).toEqual([]);
    expect(theoryKpi(t, 'utilization')!.text).toBe('theory (M/M/c, c = 100, λ = 90/h, 1/μ = 1 h): 90.0%');
    expect(theoryKpi(t, 'wait')!.value).toBeCloseTo(60 * 0.02169, 3);
    // and who waits (the card's "x% waited"): Erlang C's 21.7%, for 1/(c mu - lambda) = 6 min each
    expect(theoryKpi(t, 'wait')!.text).toBe('theory (Erlang C): 1.30 min; 21.7% wait, 6.00 min on average');
    expect(theoryKpi(t, 'gini')).toBeNull();
  });

  it('an overloaded queue gets no lines, and the utilization card says why', () => {
    const t = theory('demand.baseRateJobsPerHour=110');
    expect(theoryRefs(t, 'utilization')).toEqual([]);
    expect(theoryKpi(t, 'utilization')!.text).toMatch(/ρ = 1\.10 ≥ 1, the queue grows without bound/);
    expect(theoryKpi(t, 'wait')).toBeNull();
  });

  it('the erlang_a preset: utilization and fill rate lines, the Erlang A wait, the share that gives up on the fill-rate card', () => {
    const t = mmcOf(parseScenario(findPreset('erlang_a')!.raw));
    expect(theoryRefs(t, 'utilization').map((r) => r.label)).toEqual(['Erlang A utilization 99.6%', 'Erlang A fill rate 83.0%']);
    expect(theoryRefs(t, 'waits')[0].label).toBe('Erlang A mean wait 5.34 min');
    expect(theoryKpi(t, 'utilization')!.text).toBe('theory (M/M/c+M, c = 100, λ = 120/h, 1/μ = 1 h, patience 0.5 h): 99.6%');
    expect(theoryKpi(t, 'fill-rate')!.text).toBe('theory (Erlang A): 83.0% (17.0% give up waiting)');
    expect(theoryKpi(t, 'fill-rate')!.value).toBeCloseTo(0.83, 3);
    // of the orders served, those that waited: (P(wait) - P(abandon)) / (1 - P(abandon))
    const waited = (t!.pWait - t!.pAbandon) / (1 - t!.pAbandon);
    expect(theoryKpi(t, 'wait')!.text).toBe(`theory (Erlang A): 5.34 min; ${(100 * waited).toFixed(1)}% wait, ${((60 * t!.meanWaitHours) / waited).toPrecision(3)} min on average`);
    expect(waited).toBeGreaterThan(0.5);
    expect(waited).toBeLessThan(t!.pWait);
  });

  it("far more providers than the load (erlang_a with the Providers menu's 2,000): nobody waits, said in words, not NaN", () => {
    const t = mmcOf(parseScenario(applyOverrides(findPreset('erlang_a')!.raw, ['supply.providers=2000'])));
    expect(theoryKpi(t, 'wait')!.text).toBe('theory (Erlang A): 0.00 min; nobody waits');
    expect(theoryKpi(t, 'fill-rate')!.text).toBe('theory (Erlang A): 100.0% (0.0% give up waiting)');
    expect(theoryRefs(t, 'utilization')[0].label).toBe('Erlang A utilization 6.0%');
  });

  it('a fault in the theory is reported and leaves it out, so the run is still shown', () => {
    const errors: string[] = [];
    const broken = { ...parseScenario(findPreset('mmc')!.raw), demand: undefined } as unknown as Scenario;
    expect(theoryOf(broken, (e) => errors.push(e.message))).toBeNull();
    expect(errors).toHaveLength(1);
    // the same scenario whole: its theory
    expect(theoryOf(parseScenario(findPreset('mmc')!.raw), (e) => errors.push(e.message))!.c).toBe(100);
    expect(errors).toHaveLength(1);
  });

  it('a scenario that is not the queue gets nothing', () => {
    expect(theoryRefs(null, 'utilization')).toEqual([]);
    expect(theoryKpi(null, 'utilization')).toBeNull();
  });
});

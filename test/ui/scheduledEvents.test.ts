import { describe, expect, it } from 'vitest';
import { scheduledEvents } from '../../src/ui/lib/scheduledEvents.ts';
import { findPreset } from '../../src/sim/scenario/presets.ts';
import { parseScenario } from '../../src/sim/scenario/validate.ts';
import { applyOverrides } from '../../src/sim/scenario/overrides.ts';

const preset = (name: string, ...sets: string[]) => parseScenario(applyOverrides(findPreset(name)!.raw, sets));

describe('what a scenario schedules, by day', () => {
  it('the baseline schedules nothing', () => {
    expect(scheduledEvents(preset('baseline'))).toEqual([]);
  });

  it('the unlock shock: the cliff, with how much unlocks and what the holders sell', () => {
    const [ev, ...rest] = scheduledEvents(preset('unlock_shock'));
    expect(rest).toEqual([]);
    expect(ev.day).toBe(90);
    expect(ev.label).toBe('unlock');
    expect(ev.detail).toMatch(/^Token unlock on day 90: 37\.5 ?M tokens of the 150 ?M locked/);
    expect(ev.detail).toContain('holders sell 50% of each unlock over 30 days');
  });

  it('demand and token shocks and halvings, in day order; nothing past the horizon or on day 0', () => {
    const evs = scheduledEvents(preset('token_crash', 'economy.emission.schedule=halving', 'economy.emission.halvingDays=60'));
    expect(evs.map((e) => [e.day, e.label])).toEqual([
      [60, 'halving'],
      [90, 'token ×0.3'],
      [120, 'halving'],
    ]);
    const boom = scheduledEvents(preset('demand_boom'));
    expect(boom.length).toBeGreaterThan(0);
    expect(boom[0].label).toMatch(/^demand ×/);
    expect(scheduledEvents(preset('unlock_shock', 'horizonDays=60'))).toEqual([]);
  });

  it('a cloud price cut: the GPUs it moves, and that it lasts to the end of the run; a temporary one ramps back', () => {
    const [ev, ...rest] = scheduledEvents(preset('cloud_price_cut'));
    expect(rest).toEqual([]);
    expect([ev.day, ev.label]).toEqual([90, 'cloud ×0.55']);
    expect(ev.detail).toBe('Cloud price shock from day 90: on-demand prices of datacenter GPUs ×0.55, ramping over 0 days, to the end of the run; jobs arriving meanwhile budget from them');
    const spike = scheduledEvents(preset('baseline', 'demand.cloudPriceShocks=[{"startDay":30,"durationDays":60,"rampDays":10,"multiplier":1.5}]'));
    expect(spike.map((e) => [e.day, e.label])).toEqual([[30, 'cloud ×1.5']]);
    expect(spike[0].detail).toContain('all GPUs ×1.5, ramping over 10 days, 60 days at full, then ramping back');
  });

  it('an electricity price shock: where, how much, and that it ramps back', () => {
    const [ev, ...rest] = scheduledEvents(preset('eu_power_shock'));
    expect(rest).toEqual([]);
    expect([ev.day, ev.label]).toEqual([60, 'power ×2.5']);
    expect(ev.detail).toBe('Electricity price shock from day 60 in eu: ×2.5, ramping over 30 days, 180 days at full, then ramping back; providers there pay it day by day');
    const home = scheduledEvents(preset('baseline', 'supply.electricityShocks=[{"startDay":10,"durationDays":36500,"multiplier":2,"tariffs":["residential"]}]'));
    expect(home[0].detail).toBe('Electricity price shock from day 10 in all regions (residential tariff): ×2, ramping over 0 days, to the end of the run; providers there pay it day by day');
  });

  it('an incentive program: its rate, the GPUs it reaches, who pays and the budget at the run\'s scale, shaded to its last day', () => {
    const [ev, ...rest] = scheduledEvents(preset('incentive_pilot'));
    expect(rest).toEqual([]);
    expect([ev.day, ev.label, ev.endDay]).toEqual([60, 'incentive $0.3/GPU-h', 240]);
    expect(ev.detail).toContain('$0.3 per online GPU-hour (GPUs of 40 GB and more) from a grant of');
    const t = scheduledEvents(preset('incentive_pilot', 'scale=0.5', 'economy.incentivePrograms.0.fundedBy=treasury'))[0];
    expect(t.detail).toContain('from the treasury of');
    expect(t.detail).not.toBe(ev.detail.replace('a grant', 'the treasury')); // half the budget at half the scale
  });

  it('a GPU shortage: demand, cloud price and patience, and the frozen data-centre entry, all on day 90', () => {
    const evs = scheduledEvents(preset('gpu_shortage'));
    expect(evs.map((e) => [e.day, e.label])).toEqual([
      [90, 'demand ×1.5'],
      [90, 'cloud ×1.5'],
      [90, 'entry ×0'],
    ]);
    expect(evs[1].detail).toBe('Cloud price shock from day 90: on-demand prices of datacenter GPUs ×1.5, ramping over 15 days, 180 days at full, then ramping back; jobs arriving meanwhile budget from them and wait ×3 as long for the network');
    expect(evs[2].detail).toBe('From day 90 for 210 days (providers: datacenter): would-be entrants ×0, exit hazard ×0.5, an outside event such as a GPU shortage');
    const exitsOnly = scheduledEvents(preset('baseline', 'economy.participation.participationShocks=[{"startDay":5,"durationDays":5,"exitMultiplier":2}]'));
    expect(exitsOnly.map((e) => e.label)).toEqual(['exits ×2']);
  });

  it('where an event ends, for the charts to shade its days: a shock after its ramp back, a stretch, a rival; a change that holds has none', () => {
    expect(scheduledEvents(preset('eu_power_shock'))[0].endDay).toBe(300); // day 60, 30 days in, 180 at full, 30 back
    expect(scheduledEvents(preset('university_terms', 'horizonDays=800')).map((e) => [e.day, e.endDay])).toEqual([
      [90, 180],
      [455, 545],
    ]);
    expect(scheduledEvents(preset('vampire_attack'))[0].endDay).toBe(150);
    expect(scheduledEvents(preset('eth_merge'))[0].endDay).toBe(90);
    expect(scheduledEvents(preset('fee_switch'))[0].endDay).toBeUndefined();
    expect(scheduledEvents(preset('unlock_shock'))[0].endDay).toBeUndefined();
  });

  it('university terms: a marker at each term inside the run, with who is reached and that it comes back', () => {
    const [ev, ...rest] = scheduledEvents(preset('university_terms'));
    expect(rest).toEqual([]);
    expect([ev.day, ev.label]).toEqual([90, 'uptime ×0.63']);
    expect(ev.detail).toBe('Reliability stretch from day 90 for 90 days (university providers, all regions): online ×0.63 their usual share of the time, in shorter spells between outages; again every 365 days');
    expect(scheduledEvents(preset('university_terms', 'horizonDays=1000')).map((e) => e.day)).toEqual([90, 455, 820]);
    expect(scheduledEvents(preset('baseline', 'supply.reliabilityShocks=[{"startDay":5,"durationDays":0,"multiplier":0.5}]'))).toEqual([]);
  });

  it('a wave of new providers: how many (at the scenario scale), of which type, over how long', () => {
    const [ev, ...rest] = scheduledEvents(preset('eth_merge', 'scale=0.5'));
    expect(rest).toEqual([]);
    expect([ev.day, ev.label]).toEqual([60, '+120 farm']);
    expect(ev.detail).toBe("120 new farm providers join over 30 days from day 60, on top of the economy's own entrants");
  });

  it('a take rate change: the rate and where the fee goes', () => {
    const [ev, ...rest] = scheduledEvents(preset('fee_switch'));
    expect(rest).toEqual([]);
    expect([ev.day, ev.label]).toEqual([90, 'fee 20.0%']);
    expect(ev.detail).toBe('Take rate 20.0% of every payment settled from day 90 on (to the treasury)');
  });

  it('a rival network, from its first day', () => {
    const [ev] = scheduledEvents(preset('vampire_attack'));
    expect([ev.day, ev.label]).toEqual([60, 'rival']);
    expect(ev.detail).toBe('A rival network from day 60 for 90 days: exit hazard ×3, would-be entrants ×0.25 (providers: all)');
  });

  it('a scenario without the token economy has only its demand shocks', () => {
    expect(scheduledEvents(preset('unlock_shock', 'economy.enabled=false'))).toEqual([]);
  });
});

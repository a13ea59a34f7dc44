/**
 * What the scenario schedules to happen, by day: demand shocks, cloud and electricity price shocks, stretches of lower provider reliability, waves of new providers, token price shocks, take rate changes, incentive programs, escrow top-up shocks, a rival
 * network's offer, outside shocks to entry and exit, emission halvings and the token unlock's cliff (research/dashboards.md: "unlock / regime markers"). The
 * charts mark them, so a jump reads against its cause and a run that has not reached a day yet
 * shows what is coming (the forward-looking schedule users ask for).
 */
import type { Scenario } from '../../sim/scenario/schema.ts';
import { formatValue } from './format.ts';

export interface ScheduledEvent {
  day: number;
  /** A word or two, drawn beside the marker. */
  label: string;
  /** One sentence, for the marker's tooltip. */
  detail: string;
  /**
   * The day its effect is over (a shock ramped back, a wave's last newcomer, a stretch's end): the
   * charts shade the days between. None for a change that holds (a take rate, a halving).
   */
  endDay?: number;
}

const times = (m: number) => `×${Number(m.toPrecision(3))}`;

/** How a price shock runs: its ramp, then to the end of the run or for how long before it ramps back. */
const course = (sh: { startDay: number; durationDays: number; rampDays: number }, horizonDays: number) =>
  `ramping over ${sh.rampDays} days${sh.startDay + sh.rampDays + sh.durationDays >= horizonDays ? ', to the end of the run' : `, ${sh.durationDays} days at full, then ramping back`}`;

/** The day a shock with a ramp in and out is over: its ramp, its days at full and its ramp back. */
const courseEnd = (sh: { startDay: number; durationDays: number; rampDays: number }) => sh.startDay + 2 * sh.rampDays + sh.durationDays;

export function scheduledEvents(s: Scenario): ScheduledEvent[] {
  const out: ScheduledEvent[] = [];
  for (const sh of s.demand.shocks) {
    const who = sh.classes?.length ? ` (${sh.classes.join(', ')})` : '';
    out.push({
      day: sh.startDay,
      label: `demand ${times(sh.multiplier)}`,
      detail: `Demand shock from day ${sh.startDay}: arrivals${who} ${times(sh.multiplier)}, ramping over ${sh.rampDays} days, ${sh.durationDays} days at full, then ramping back`,
      endDay: courseEnd(sh),
    });
  }
  for (const sh of s.demand.cloudPriceShocks ?? []) {
    const which = sh.segments?.length ? `${sh.segments.join(', ')} GPUs` : 'all GPUs';
    out.push({
      day: sh.startDay,
      label: `cloud ${times(sh.multiplier)}`,
      detail: `Cloud price shock from day ${sh.startDay}: on-demand prices of ${which} ${times(sh.multiplier)}, ${course(sh, s.horizonDays)}; jobs arriving meanwhile budget from them${
        sh.patienceMultiplier !== undefined && sh.patienceMultiplier !== 1 ? ` and wait ${times(sh.patienceMultiplier)} as long for the network` : ''
      }`,
      endDay: courseEnd(sh),
    });
  }
  for (const w of s.supply.influxes ?? []) {
    const n = Math.round(w.providers * s.scale);
    out.push({
      day: w.startDay,
      label: `+${formatValue(n, 'providers')} ${w.archetype}`,
      detail: `${formatValue(n, 'providers')} new ${w.archetype} providers join ${w.durationDays > 0 ? `over ${w.durationDays} days from day ${w.startDay}` : `on day ${w.startDay}`}, on top of the economy's own entrants`,
      endDay: w.durationDays > 0 ? w.startDay + w.durationDays : undefined,
    });
  }
  for (const sh of s.supply.electricityShocks ?? []) {
    const where = sh.regions?.length ? sh.regions.join(', ') : 'all regions';
    const tariffs = sh.tariffs?.length === 1 ? ` (${sh.tariffs[0]} tariff)` : '';
    out.push({
      day: sh.startDay,
      label: `power ${times(sh.multiplier)}`,
      detail: `Electricity price shock from day ${sh.startDay} in ${where}${tariffs}: ${times(sh.multiplier)}, ${course(sh, s.horizonDays)}; providers there pay it day by day`,
      endDay: courseEnd(sh),
    });
  }
  for (const sh of s.supply.reliabilityShocks ?? []) {
    if (!(sh.durationDays > 0)) continue;
    const who = `${sh.archetypes?.length ? sh.archetypes.join(', ') : 'all'} providers, ${sh.regions?.length ? sh.regions.join(', ') : 'all regions'}`;
    const again = sh.repeatEveryDays !== undefined ? `; again every ${sh.repeatEveryDays} days` : '';
    // each stretch of a recurring one gets its marker (a university term each year)
    for (let d = sh.startDay; d < s.horizonDays; d += sh.repeatEveryDays ?? Infinity) {
      out.push({
        day: d,
        label: `uptime ${times(sh.multiplier)}`,
        detail: `Reliability stretch from day ${d} for ${sh.durationDays} days (${who}): online ${times(sh.multiplier)} their usual share of the time, in shorter spells between outages${again}`,
        endDay: d + sh.durationDays,
      });
      if (sh.repeatEveryDays === undefined) break;
    }
  }
  const esc = s.market.escrow;
  for (const sh of esc?.topUpShocks ?? []) {
    const to = Math.min(1, esc!.topUpProbability * sh.multiplier);
    out.push({
      day: sh.startDay,
      label: `top-ups ${times(sh.multiplier)}`,
      detail: `Escrow top-up shock from day ${sh.startDay}: tenants whose deposit runs out top it up with probability ${formatValue(to, 'share')} instead of ${formatValue(esc!.topUpProbability, 'share')}, ${course(sh, s.horizonDays)}; the others' leases close for insufficient funds`,
      endDay: courseEnd(sh),
    });
  }
  const e = s.economy;
  if (e.enabled) {
    for (const sh of e.price.shocks) {
      out.push({
        day: sh.startDay,
        label: `token ${times(sh.multiplier)}`,
        detail: `Token price shock from day ${sh.startDay}: the exogenous price path moves ${times(sh.multiplier)} over ${sh.durationDays} days, for good`,
        endDay: sh.durationDays > 0 ? sh.startDay + sh.durationDays : undefined,
      });
    }
    for (const c of e.takeRateChanges ?? []) {
      out.push({
        day: c.startDay,
        label: `fee ${formatValue(c.takeRate, 'share')}`,
        detail: `Take rate ${formatValue(c.takeRate, 'share')} of every payment settled from day ${c.startDay} on (to the ${e.takeFate === 'burn' ? 'buy-back and burn' : e.takeFate})`,
      });
    }
    for (const g of e.incentivePrograms ?? []) {
      const who = [g.minVramGb > 0 ? `GPUs of ${g.minVramGb} GB and more` : 'all GPUs', g.archetypes?.length ? g.archetypes.join(', ') : '', g.regions?.length ? g.regions.join(', ') : ''].filter(Boolean).join('; ');
      out.push({
        day: g.startDay,
        label: `incentive $${Number(g.usdPerGpuHour.toPrecision(3))}/GPU-h`,
        detail: `Incentive program from day ${g.startDay} for up to ${g.durationDays} days: $${g.usdPerGpuHour} per online GPU-hour (${who}) from ${g.fundedBy === 'treasury' ? 'the treasury' : 'a grant'} of ${formatValue(g.budgetUsd * s.scale, 'USD')}, until it runs out`,
        endDay: g.startDay + g.durationDays,
      });
    }
    for (const c of e.participation.competitors) {
      const who = c.archetypes?.length ? c.archetypes.join(', ') : 'all';
      out.push({
        day: c.startDay,
        label: 'rival',
        detail: `A rival network from day ${c.startDay} for ${c.durationDays} days: exit hazard ${times(c.exitMultiplier)}, would-be entrants ${times(c.entryMultiplier)} (providers: ${who})`,
        endDay: c.startDay + c.durationDays,
      });
    }
    for (const c of e.participation.participationShocks ?? []) {
      const who = c.archetypes?.length ? c.archetypes.join(', ') : 'all';
      const moves = [c.entryMultiplier !== 1 ? `entry ${times(c.entryMultiplier)}` : '', c.exitMultiplier !== 1 ? `exits ${times(c.exitMultiplier)}` : ''].filter(Boolean);
      out.push({
        day: c.startDay,
        label: moves[0] ?? 'supply',
        detail: `From day ${c.startDay} for ${c.durationDays} days (providers: ${who}): would-be entrants ${times(c.entryMultiplier)}, exit hazard ${times(c.exitMultiplier)}, an outside event such as a GPU shortage`,
        endDay: c.startDay + c.durationDays,
      });
    }
    if (e.emission.schedule === 'halving') {
      for (let d = e.emission.halvingDays; d < s.horizonDays; d += e.emission.halvingDays) {
        out.push({ day: d, label: 'halving', detail: `Emission halves on day ${d} (every ${e.emission.halvingDays} days)` });
      }
    }
    const v = e.vesting;
    if (v.lockedShare > 0) {
      const locked = v.lockedShare * e.token.initialSupply * s.scale;
      out.push({
        day: v.cliffDays,
        label: 'unlock',
        detail: `Token unlock on day ${v.cliffDays}: ${formatValue(v.cliffShare * locked, 'tokens')} tokens of the ${formatValue(locked, 'tokens')} locked for the team and investors, the rest over ${v.vestingDays} days; holders sell ${Math.round(v.sellShare * 100)}% of each unlock over ${v.sellDays} days`,
      });
    }
  }
  return out.filter((ev) => ev.day > 0 && ev.day < s.horizonDays).sort((a, b) => a.day - b.day);
}

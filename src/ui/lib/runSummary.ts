/**
 * The run in a few plain sentences (research/dashboards.md §4: "plain language over formula", and a
 * text summary beside the charts for those who do not read charts): what the KPI cards say over the
 * selected window, each number as its card prints it, set against the reference points the cards'
 * definitions name (utilization of live networks, payback thresholds, burn-to-mint of 1), and,
 * with a pinned baseline, what changed most against it. Facts about the run only: no advice.
 */
import { KPIS, whoWaitedText, type KpiDef, type WindowedTable } from './chartDefs/kpiDefs.ts';
import { formatCount, formatSigned, formatValue, formatWithUnit } from './format.ts';
import { marketDryNotice } from '../../sim/metrics/marketDryNotice.ts';
import { incentiveOutcome } from '../../sim/metrics/incentiveOutcome.ts';
import { spotOutcome } from '../../sim/metrics/spotOutcome.ts';
import { reservedOutcome } from '../../sim/metrics/reservedOutcome.ts';
import { bmeOutcome } from '../../sim/metrics/bmeOutcome.ts';
import { formatWait } from '../../sim/metrics/kindWaits.ts';

export interface SummarySentence {
  /** What the sentence is about (a test and the page can find it by this). */
  id: 'window' | 'utilization' | 'tenants' | 'failures' | 'providers' | 'token' | 'market' | 'security' | 'incentives' | 'escrow' | 'spot' | 'reserved' | 'bme' | 'population' | 'baseline';
  text: string;
}

export interface SummaryBaseline {
  /** Who the baseline is, as the sentence names it: "the pinned baseline (baseline, seed 1)". */
  label: string;
  table: WindowedTable;
  /** A KPI's verdict seed by seed against the baseline, when both ran shared seeds ('clear', 'within noise', 'too few seeds'). */
  verdict?: (kpiId: string) => string | null;
}

const kpi = (id: string): KpiDef => KPIS.find((k) => k.id === id)!;
const value = (id: string, t: WindowedTable) => (kpi(id).needs.every((n) => !!t.data[n]) ? kpi(id).compute(t) : NaN);
const show = (id: string, t: WindowedTable) => formatValue(value(id, t), kpi(id).unit);

/** Live networks' GPU utilization (Akash 2024, research/depin_mechanisms.md §8 #30). */
const LIVE_UTILIZATION: [number, number] = [0.5, 0.7];

/** The sentences, in reading order; a sentence whose figures the run does not have is left out. */
export function runSummary(t: WindowedTable, span: { from: number; to: number; whole: boolean; done: boolean }, base: SummaryBaseline | null = null): SummarySentence[] {
  const out: SummarySentence[] = [];
  const days = Math.round(span.to - span.from);
  out.push({ id: 'window', text: span.whole ? `${span.done ? 'Over the' : 'So far, over the first'} ${days} days of the run:` : `Over days ${Math.round(span.from)}–${Math.round(span.to)} (the selected window):` });

  const u = value('utilization', t);
  if (Number.isFinite(u)) {
    const where =
      u < LIVE_UTILIZATION[0] ? 'below the 50–70% live networks report (Akash, 2024): much of the capacity idles'
      : u <= LIVE_UTILIZATION[1] ? 'within the 50–70% live networks report (Akash, 2024)'
      : u < 0.9 ? 'above the 50–70% live networks report (Akash, 2024): a busy network'
      : 'near saturation: orders queue for GPUs';
    out.push({ id: 'utilization', text: `GPUs were busy ${show('utilization', t)} of the hours they were online, ${where}.` });
  }

  const price = value('buyer-price', t);
  if (Number.isFinite(price)) {
    const ofCloud = kpi('buyer-price').detail?.(t);
    const fill = value('fill-rate', t);
    const wait = value('wait', t);
    const parts = [`Tenants paid ${formatValue(price, 'USD')} per GPU-hour${ofCloud ? `, ${ofCloud.replace(' of cloud (', ' of what the cloud charges for the same GPUs (')}` : ''}`];
    if (Number.isFinite(fill)) parts.push(`${show('fill-rate', t)} of orders found a GPU before their patience ran out`);
    if (Number.isFinite(wait)) {
      // most orders find a GPU at once: the mean is a few long waits spread over all, so say who waited (0.22.0)
      const waited = whoWaitedText(t, 'of the orders waited at all');
      parts.push(`the mean wait for a match was ${formatWithUnit(wait, 'min')}${waited ? ` (${waited})` : ''}`);
    }
    out.push({ id: 'tenants', text: `${parts.join('; ')}.` });
  }

  const failed = value('failures', t);
  if (Number.isFinite(failed)) {
    out.push({ id: 'failures', text: failed === 0 ? 'No lease failed.' : `${show('failures', t)} of leases failed (${kpi('failures').detail?.(t)}): their provider stayed down past the outage grace or was caught cheating, and their remaining work was ordered again.` });
  }

  const earn = value('provider-earnings', t);
  if (Number.isFinite(earn)) {
    const funded = kpi('provider-earnings').detail?.(t);
    const pay = value('payback', t);
    const payText =
      pay === Infinity ? 'the median provider does not pay back its hardware at these earnings'
      : !Number.isFinite(pay) ? ''
      : `the median provider pays back its hardware in ${show('payback', t)} months (${pay < 12 ? 'healthy: under 12' : pay <= 24 ? 'slow: 12 to 24' : 'critical: above 24'})`;
    out.push({ id: 'providers', text: `Providers earned ${formatValue(earn, 'USD')} per GPU-hour served${funded ? `, ${funded.replace(' funded by emissions', ' of it from token emissions').replace(' by incentive programs', ' from incentive programs')}` : ''}${payText ? `; ${payText}` : ''}.` });
  }

  const infl = value('inflation', t);
  const bm = value('burn-mint', t);
  if (Number.isFinite(infl) && Number.isFinite(bm)) {
    const dir = infl > 0 ? `grew ${show('inflation', t)} a year` : infl < 0 ? `shrank ${formatValue(-infl, 'share')} a year` : 'held steady';
    const burn = bm >= 1 ? 'more tokens were burned than minted' : `${show('burn-mint', t)} tokens were burned per token minted, so emissions outpace burns`;
    out.push({ id: 'token', text: `The token supply ${dir} (annualized): ${burn}.` });
  }

  // a market that ran dry: the run is valid, but its stake and token figures mean something else
  const dry = marketDryNotice(t.data, t.lo, t.hi + 1);
  if (dry) out.push({ id: 'market', text: dry });

  // the security budget: what the stake is worth at the window's two ends
  const stake = t.data.stake_value_usd;
  if (stake && t.hi > t.lo && Number.isFinite(stake[t.lo]) && Number.isFinite(stake[t.hi]) && stake[t.lo] > 0) {
    const a = stake[t.lo];
    const b = stake[t.hi];
    const move = Math.abs(b / a - 1) < 0.005 ? 'about the same as' : `${b > a ? 'up' : 'down'} ${formatValue(Math.abs(b / a - 1), 'share')} from`;
    out.push({ id: 'security', text: `The providers' stake, the network's security budget, was worth ${formatValue(b, 'USD')} at the end, ${move} ${formatValue(a, 'USD')} at the start.` });
  }

  const incentives = incentiveSentence(t);
  if (incentives) out.push({ id: 'incentives', text: incentives });
  const escrow = escrowSentence(t);
  if (escrow) out.push({ id: 'escrow', text: escrow });
  const spot = spotSentence(t);
  if (spot) out.push({ id: 'spot', text: spot });
  const reserved = reservedSentence(t);
  if (reserved) out.push({ id: 'reserved', text: reserved });
  const bme = bmeSentence(t);
  if (bme) out.push({ id: 'bme', text: bme });

  // who came and went, and why they left (each exit on the hazard has one cause, drawn with its part of the hazard)
  const exited = t.data.providers_exited;
  const active = t.data.providers_active;
  if (exited && active && t.data.providers_joined) {
    const total = (c: Float64Array | undefined) => windowTotal(t, c);
    const left = total(exited);
    const causes = (
      [
        ['churn', 'the usual churn'],
        ['losses', 'losses'],
        ['rival', "a rival's offer"],
        ['banned', 'banned for cheating'],
      ] as const
    )
      .map(([c, words]) => ({ words, n: total(t.data[`providers_exited_${c}`]) }))
      .filter((c) => c.n >= 0.5);
    const why = left > 0 && causes.length ? ` (${causes.map((c) => `${formatValue(c.n / left, 'share')} ${c.words}`).join(', ')})` : '';
    const count = formatCount;
    out.push({ id: 'population', text: `${count(left)} providers left${why} and ${count(total(t.data.providers_joined))} joined; ${count(active[t.hi])} were in at the end.` });
  }

  if (base) {
    const changes = KPIS.filter((k) => k.better !== 'neither')
      .map((k) => {
        const a = value(k.id, base.table);
        const b = value(k.id, t);
        const rel = Number.isFinite(a) && Number.isFinite(b) && a !== b ? Math.abs(b - a) / Math.max(Math.abs(a), 1e-12) : 0;
        return { k, d: b - a, rel };
      })
      .filter((c) => c.rel > 0.005 && Number.isFinite(c.d))
      .sort((p, q) => q.rel - p.rel)
      .slice(0, 4);
    const text = changes.length
      ? `Against ${base.label}: ${changes
          .map(({ k, d }) => {
            const word = base.verdict?.(k.id);
            const good = (d > 0) === (k.better === 'up') ? 'better' : 'worse';
            const unit = k.unit === 'months' || k.unit === 'min' ? ` ${k.unit}` : '';
            return `${k.title.toLowerCase()} ${formatSigned(d, k.unit)}${unit} (${good}${word ? `, ${word} seed by seed` : ''})`;
          })
          .join(', ')}.`
      : `Against ${base.label}: no KPI moved by more than half a percent.`;
    out.push({ id: 'baseline', text });
  }
  return out;
}

/** A column's finite values summed over the window (0 for a column the run does not have). */
function windowTotal(t: WindowedTable, c: Float64Array | undefined): number {
  let s = 0;
  if (c) for (let i = t.lo; i <= t.hi; i++) if (Number.isFinite(c[i])) s += c[i];
  return s;
}

/** Leases closed for insufficient funds in the window and what their providers served unpaid (null when none was, or the run has no such columns). */
function escrowSentence(t: WindowedTable): string | null {
  const total = (c: Float64Array | undefined) => windowTotal(t, c);
  const closed = total(t.data.leases_overdrawn);
  if (!(closed > 0)) return null;
  const started = total(t.data.jobs_started);
  const share = started > 0 ? ` (${formatValue(closed / started, 'share')} as many as leases started)` : '';
  return `${formatCount(closed)} leases were closed for insufficient funds, their tenants' escrow run dry without a top-up${share}; their providers served ${formatWithUnit(total(t.data.gpu_hours_unpaid), 'GPU-h')} unpaid before noticing (${formatValue(total(t.data.unpaid_usd), 'USD')}).`;
}

/** Spot leases' share of the GPU-hours served in the window, their price against on-demand's, and how many were preempted (null when no spot lease ran, or the run has no such columns). */
function spotSentence(t: WindowedTable): string | null {
  const o = spotOutcome(t.data, t.lo, t.hi);
  if (!o) return null;
  return `Spot leases ${ranAgainstOnDemand(o.share, o.spotUsdPerGpuHour, o.onDemandUsdPerGpuHour)}; on-demand orders preempted ${formatCount(o.preempted)} of them.${waitedBeside('Spot', o.spotWaitH, o.onDemandWaitH)}`;
}

/** Reservations' share of the GPU-hours served in the window, their price against on-demand's, the jobs run inside them and the reservation leases started (null when no reservation ran, or the run has no such columns). */
function reservedSentence(t: WindowedTable): string | null {
  const o = reservedOutcome(t.data, t.lo, t.hi);
  if (!o) return null;
  return `Reservations ${ranAgainstOnDemand(o.share, o.reservedUsdPerGpuHour, o.onDemandUsdPerGpuHour)}; ${formatCount(o.takenOver)} jobs ran inside their tenants' reservations instead of being ordered, and ${formatCount(o.started)} reservation leases started (re-orders after provider failures included).${waitedBeside('Reservation', o.reservedWaitH, o.onDemandWaitH)}`;
}

/** How long the burn-and-mint breaker halted new leases in the window (null when it never did, or the run has no such columns). */
function bmeSentence(t: WindowedTable): string | null {
  const o = bmeOutcome(t.data, t.lo, t.hi);
  if (!o || !(o.haltedHours > 0)) return null;
  const lowest = Number.isFinite(o.lowestRatio) ? `; the collateral ratio fell to ${formatValue(o.lowestRatio, 'ratio')} at a day's end` : '';
  return `The burn-and-mint circuit breaker halted new leases for ${formatWithUnit(o.haltedHours / 24, 'days')} (${formatCount(o.trips)} ${o.trips === 1 ? 'trip' : 'trips'}): with the vault's tokens worth too little for the credits outstanding, no credits were minted, so no order was matched${lowest}.`;
}

/** " Spot orders waited 1.8 min for a match on a mean day, on-demand orders 2.5 min." (empty for a run from before 0.14.0, which has no waits by kind). */
function waitedBeside(kind: string, waitH: number, onDemandWaitH: number): string {
  if (!Number.isFinite(waitH) || !Number.isFinite(onDemandWaitH)) return '';
  return ` ${kind} orders waited ${formatWait(waitH)} for a match on a mean day, on-demand orders ${formatWait(onDemandWaitH)}.`;
}

/** A kind of lease's share of the GPU-hours served and its price beside on-demand's (spot leases, reservations): "ran 25.0% of the GPU-hours served at $0.5/GPU-h against $0.833/GPU-h on-demand". */
function ranAgainstOnDemand(share: number, usdPerGpuHour: number, onDemandUsdPerGpuHour: number): string {
  const against = Number.isFinite(onDemandUsdPerGpuHour) ? `against ${formatWithUnit(onDemandUsdPerGpuHour, 'USD/GPU-h')} on-demand` : 'while no on-demand lease ran';
  return `ran ${formatValue(share, 'share')} of the GPU-hours served at ${formatWithUnit(usdPerGpuHour, 'USD/GPU-h')} ${against}`;
}

/** What the incentive programs paid in the window, their share of the providers' income, and how they stopped (null when they paid nothing in it). */
function incentiveSentence(t: WindowedTable): string | null {
  const o = incentiveOutcome(t.data, t.lo, t.hi);
  if (!o) return null;
  const share = Number.isFinite(o.shareOfIncome) ? ` (${formatValue(o.shareOfIncome, 'share')} of their income)` : '';
  const how =
    o.how === 'paying'
      ? `still paying at the end, ${formatValue(o.leftUsd, 'USD')} left: ${formatCount(o.runwayDays)} days at the day's spend`
      : o.how === 'dry'
        ? `their budget ran dry on day ${o.lastDay}`
        : `they ended as scheduled on day ${o.lastDay} with ${formatCount(o.runwayDays)} days of budget unspent`;
  return `Incentive programs paid providers ${formatValue(o.paidUsd, 'USD')}${share}; ${how}.`;
}

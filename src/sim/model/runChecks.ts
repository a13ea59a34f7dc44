/**
 * Identities a finished run must satisfy whatever its parameters, checked on the run itself and
 * shown to the user (the CLI's last lines, the dashboard's "Model checks"), so a result can be
 * trusted without reading the code:
 *
 * - Little's law as bookkeeping: the time-average number of orders waiting (the CSV's
 *   queue_len_mean) times the hours of the run equals the hours every order spent waiting, matched,
 *   expired, cancelled or still waiting. An order lost from the queue, or counted twice, breaks it.
 * - Every order accounted for (0.20.0): the orders placed (new jobs, re-orders of failed or preempted
 *   leases' remaining work, jobs running at t = 0) were matched, expired or are still waiting; the
 *   matched ones completed, were cancelled, failed or were preempted, or are still live; those that
 *   ended are the lease export's rows. Counts, so exact: an order lost, or an outcome counted in no
 *   CSV column or in two, breaks it (model/orderFlow.ts).
 * - Token supply: the supply at the end equals the genesis supply plus everything minted minus
 *   everything burned, in the ledger's integer base units (1e-4 token): exactly.
 * - The ledger: every asset's balances sum to zero (double entry), so no USD, token or credit was
 *   created or lost by a payment, escrow, refund, fee, reward or slash.
 * - Capacity: in every period, busy GPUs never exceed online ones (utilization at most 100%).
 * - GPU-hours served (0.19.0): the CSV's gpu_hours_served, summed over the periods (integrated from
 *   the busy-GPU counts), equals the GPU-hours the leases ran, as their rows in the lease export
 *   say (GPUs x run hours, the live leases' to the horizon): the two exports tell one story.
 * - GMV (0.19.0): the same for the USD billed, gmv_usd against each lease's price x GPU-hours
 *   (hours served unpaid after a tenant's escrow ran dry included on both sides).
 * - Escrow (0.19.0): the escrow account holds exactly what the live leases' tenants deposited and
 *   have not yet paid out (in USD, or in the tokens or credits the deposits bought); every ended
 *   lease left nothing in it (asserted per lease as it ends: model/leaseOutcomes.ts).
 *
 * The core already stops a run whose ledger or supply breaks (economy/conservation.ts, every day);
 * these are the same identities with their figures, plus those the core does not assert.
 */
import type { MetricTable } from '../metrics/table.ts';
import { UNITS_PER } from '../economy/ledger.ts';
import { log } from '../core/detMath.ts';
import type { MarketModel } from './marketModel.ts';
import type { LeaseRunTotals } from './leaseTotals.ts';
import type { OrderFlowSides } from './orderFlow.ts';

export type RunCheckId = 'little' | 'orders' | 'served' | 'gmv' | 'capacity' | 'escrow' | 'supply' | 'ledger';

export interface RunCheck {
  id: RunCheckId;
  /** What is checked, as it reads inside a sentence or list ("token supply"; capitalize it to head a line). */
  title: string;
  holds: boolean;
  /** The figures on both sides, with their units, in a sentence. */
  detail: string;
  /** The gist in a few words, for a one-line summary of checks that hold. */
  short: string;
}

/** What the escrow account holds and what the live leases' escrow should (escrowSides()). */
export interface EscrowSides {
  /** The asset the escrow is held in: USD (payment 'stablecoin', or no economy), tokens ('token') or compute credits ('burnMint'). */
  asset: 'usd' | 'token' | 'credit';
  /** The escrow account's balance, base units. */
  heldUnits: number;
  /** The live leases' deposits less what they have paid out, base units. */
  owedUnits: number;
  /** Live leases holding a deposit (matched, running or stalled). */
  leases: number;
  /** USD left in the escrow account when deposits are turned into tokens or credits (must be 0). */
  strayUsdUnits: number;
}

/** Relative tolerance of Little's law: both sides are sums of the same hours in another order (measured 1e-15 to 3e-15 on every preset). */
export const LITTLE_TOLERANCE = 1e-9;

const num = (v: number, digits = 1) => v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });

/**
 * Whether two sums of the same quantities, added in another order, agree within relative `tolerance`
 * of `b`; `words`: how closely ("exactly equal", "equal to 14 significant digits") or how far apart.
 */
function agreement(a: number, b: number, tolerance: number): { holds: boolean; words: string } {
  const gap = Math.abs(a - b);
  const holds = Number.isFinite(gap) && gap <= tolerance * Math.max(1, b);
  const rel = b > 0 ? gap / b : gap;
  // (equal but for the last digits' rounding)
  const words = !holds ? `${(rel * 100).toPrecision(3)}% apart` : gap === 0 ? 'exactly equal' : `equal to ${Math.floor(-log(rel) / Math.LN10)} significant digits`;
  return { holds, words };
}

/** Little's law on the queue: `queueHours`, the time-average queue times the hours; `waitedHours`, every order's wait. */
export function littleCheck(queueHours: number, waitedHours: number): RunCheck {
  const { holds, words } = agreement(queueHours, waitedHours, LITTLE_TOLERANCE);
  return {
    id: 'little',
    title: "Little's law on the order queue",
    holds,
    detail: `time-average orders waiting × hours: ${num(queueHours)} order-hours; hours every order waited: ${num(waitedHours)} order-hours; ${words}`,
    short: `${num(waitedHours)} order-hours both ways`,
  };
}

/** Where every order went (orderFlowSides): four sums of counts that must agree exactly. */
export function ordersCheck(f: OrderFlowSides): RunCheck {
  const n = (v: number) => num(v, 0);
  const placedBy = f.arrived + f.reorders + f.warm;
  const matched = f.matched + f.warm;
  const settled = matched + f.expired + f.waiting;
  const live = f.matchedLive + f.running + f.stalled;
  const outcomes = f.completed + f.cancelled + f.failed + f.preempted + live;
  const ended = f.completed + f.expired + f.cancelled + f.failed + f.preempted;
  const gaps: string[] = [];
  if (placedBy !== f.placed) gaps.push(`new jobs, re-orders and day-0 jobs add up to ${n(placedBy)}, not the ${n(f.placed)} orders the model placed`);
  if (settled !== f.placed) gaps.push(`matched, expired and waiting add up to ${n(settled)}, not the ${n(f.placed)} placed`);
  if (outcomes !== matched) gaps.push(`the outcomes of the matched and the live add up to ${n(outcomes)}, not the ${n(matched)} matched`);
  if (ended !== f.exportRows) gaps.push(`the lease export has ${n(f.exportRows)} rows, not the ${n(ended)} that ended`);
  return {
    id: 'orders',
    title: 'every order accounted for',
    holds: gaps.length === 0,
    detail:
      `${n(f.placed)} orders placed: ${n(f.arrived)} new jobs (jobs_arrived) + ${n(f.reorders)} re-orders of failed or preempted leases' remaining work + ${n(f.warm)} jobs running at day 0; ` +
      `${n(matched)} matched (orders_matched + the day-0 jobs), ${n(f.expired)} expired (jobs_expired), ${n(f.waiting)} still waiting; ` +
      `of the matched, ${n(f.completed)} completed, ${n(f.cancelled)} cancelled, ${n(f.failed)} failed, ${n(f.preempted)} preempted (jobs_completed, jobs_cancelled, leases_failed, leases_preempted) ` +
      `and ${n(live)} live (${n(f.matchedLive)} matched, ${n(f.running)} running, ${n(f.stalled)} stalled); the ${n(ended)} that ended are the lease export's ${n(f.exportRows)} rows; ` +
      (gaps.length === 0 ? 'every count exact' : `but ${gaps.join('; ')}`),
    short: `${n(f.placed)} orders, each ended once or live`,
  };
}

/**
 * Relative tolerance of the served GPU-hours and the GMV: one side integrates busy GPUs (and their
 * billing rates) over time, the other adds the leases' run hours (measured: equal to 13 to 15
 * significant digits on every preset).
 */
export const LEASE_SUM_TOLERANCE = 1e-9;

/** The CSV's GPU-hours served (summed over the periods) against the leases' GPU-hours run. */
export function servedCheck(csvGpuHours: number, leases: LeaseRunTotals): RunCheck {
  const total = leases.ended + leases.live;
  const { holds, words } = agreement(csvGpuHours, total, LEASE_SUM_TOLERANCE);
  return {
    id: 'served',
    title: 'GPU-hours served in metrics and leases alike',
    holds,
    detail:
      `gpu_hours_served over all periods: ${num(csvGpuHours)} GPU-h; GPUs × hours run by the leases: ${num(leases.ended)} GPU-h by the ${num(leases.endedLeases, 0)} ended ` +
      `(the lease export's gpu_hours) + ${num(leases.live)} GPU-h by the ${num(leases.liveLeases, 0)} still running or stalled = ${num(total)} GPU-h; ${words}`,
    short: `${num(total, 0)} GPU-h both ways`,
  };
}

/** The CSV's GMV (summed over the periods) against the leases' price x GPU-hours. */
export function gmvCheck(csvUsd: number, leases: LeaseRunTotals): RunCheck {
  const total = leases.endedUsd + leases.liveUsd;
  const { holds, words } = agreement(csvUsd, total, LEASE_SUM_TOLERANCE);
  const usd = (v: number) => `$${num(v, 2)}`;
  return {
    id: 'gmv',
    title: 'GMV in metrics and leases alike',
    holds,
    detail:
      `gmv_usd over all periods: ${usd(csvUsd)}; each lease's price × GPU-hours: ${usd(leases.endedUsd)} by the ended (the lease export's price_usd_per_gpu_h × gpu_hours) ` +
      `+ ${usd(leases.liveUsd)} by those still running or stalled = ${usd(total)}; ${words}`,
    short: `${usd(total)} both ways`,
  };
}

/** Each escrow asset's name for an amount ("12 tokens"), and for its ledger unit ("0.0001 token"). */
const ASSET_NAME: Record<EscrowSides['asset'], [plural: string, unit: string]> = { usd: ['USD', 'USD'], token: ['tokens', 'token'], credit: ['credits', 'credit'] };

/**
 * What the model's escrow account holds and what the live leases' escrow should hold, in base units
 * of the asset it is held in: USD, or tokens (payment 'token': bought at each deposit) or compute
 * credits (payment 'burnMint'), with any USD left in the account although every deposit was turned
 * into tokens or credits.
 */
export function escrowSides(model: MarketModel): EscrowSides {
  const payment = model.economy ? model.s.economy.payment : 'stablecoin';
  const L = model.ledger;
  const escrow = model.acct.escrow;
  let owed = 0;
  let leases = 0;
  for (const l of model.leases.values()) {
    if (l.escrowUnits <= 0) continue;
    leases++;
    owed += l.escrowUnits - model.paidUnits(l);
  }
  if (payment === 'token') {
    const e = model.economy!;
    return { asset: 'token', heldUnits: L.balanceUnits('token', e.a.escrowTokens), owedUnits: e.tokenEscrowUnits(), leases, strayUsdUnits: L.balanceUnits('usd', escrow) };
  }
  if (payment === 'burnMint') return { asset: 'credit', heldUnits: L.balanceUnits('credit', escrow), owedUnits: owed, leases, strayUsdUnits: L.balanceUnits('usd', escrow) };
  return { asset: 'usd', heldUnits: L.balanceUnits('usd', escrow), owedUnits: owed, leases, strayUsdUnits: 0 };
}

/** The escrow account holds what the live leases deposited and have not paid out, in base units. */
export function escrowCheck(e: EscrowSides): RunCheck {
  const holds = e.heldUnits === e.owedUnits && e.strayUsdUnits === 0;
  const [a, unit] = ASSET_NAME[e.asset];
  const v = (u: number) => num(u / UNITS_PER, e.asset === 'token' ? 4 : 2);
  const stray = e.asset === 'usd' ? '' : e.strayUsdUnits === 0 ? `; no USD left in it (every deposit bought its ${a})` : `; but ${num(e.strayUsdUnits / UNITS_PER, 2)} USD left in it`;
  return {
    id: 'escrow',
    title: 'escrow held for the live leases',
    holds,
    detail:
      `the escrow account holds ${v(e.heldUnits)} ${a}; the ${num(e.leases, 0)} live leases' deposits less what they paid out: ${v(e.owedUnits)} ${a}` +
      (e.heldUnits === e.owedUnits ? `; exact, to the ledger's unit of 0.0001 ${unit}${stray}` : `; off by ${v(e.heldUnits - e.owedUnits)} ${a}${stray}`),
    short: `${v(e.heldUnits)} ${a}, exact`,
  };
}

/** Token supply = genesis + minted - burned, in base units (integers). */
export function supplyCheck(genesisUnits: number, mintedUnits: number, burnedUnits: number, supplyUnits: number): RunCheck {
  const expected = genesisUnits + mintedUnits - burnedUnits;
  const holds = supplyUnits === expected;
  const t = (u: number) => num(u / UNITS_PER, 4);
  return {
    id: 'supply',
    title: 'token supply',
    holds,
    detail: `genesis ${t(genesisUnits)} + minted ${t(mintedUnits)} − burned ${t(burnedUnits)} = ${t(expected)} tokens; supply at the end: ${t(supplyUnits)} tokens; ${holds ? 'exact, to the ledger\'s unit of 0.0001 token' : `off by ${t(supplyUnits - expected)} tokens`}`,
    short: 'exact',
  };
}

/** The ledger's balances sum to zero in every asset; `error`: what assertBalanced() said, null when it held. */
export function ledgerCheck(entries: number, error: string | null): RunCheck {
  return {
    id: 'ledger',
    title: 'double-entry ledger',
    holds: error === null,
    detail: error === null ? `${num(entries, 0)} entries; every asset's balances (USD, tokens, credits) sum to exactly 0` : error,
    short: `${num(entries, 0)} entries balanced`,
  };
}

/** In every period, busy GPUs at most online ones; reports the busiest period. */
export function capacityCheck(t: MetricTable): RunCheck {
  const busy = t.data.gpus_busy;
  const online = t.data.gpus_online;
  const util = t.data.utilization;
  const day = t.data.day;
  let worst = -1;
  let maxUtil = -Infinity;
  let over = 0;
  for (let i = 0; i < t.rows; i++) {
    if (busy[i] > online[i] + 1e-9 || util[i] > 1 + 1e-12) over++;
    // (a period with nothing online has no utilization: NaN, skipped)
    if (util[i] > maxUtil) (maxUtil = util[i]), (worst = i);
  }
  const holds = over === 0;
  return {
    id: 'capacity',
    title: 'busy GPUs within online GPUs',
    holds,
    detail: holds
      ? worst < 0
        ? `no period had GPUs online (${t.rows} periods)`
        : `in all ${num(t.rows, 0)} periods; the busiest, day ${num(day[worst], 2)}, at ${(maxUtil * 100).toFixed(1)}% utilization`
      : `busy GPUs above online ones in ${over} of ${t.rows} periods`,
    short: `all ${num(t.rows, 0)} periods`,
  };
}

/**
 * The checks of a run that has reached its horizon. Each row's time-average queue is over its own
 * period, from the row before's day to its own: metrics.periodHours, except a last period cut short
 * by a horizon that is not a whole number of periods (before 0.19.0 it was counted as a whole one,
 * so such a run failed Little's law).
 */
export function runChecks(model: MarketModel, table: MetricTable): RunCheck[] {
  const q = table.data.queue_len_mean;
  const day = table.data.day;
  let queueHours = 0;
  for (let i = 0; i < table.rows; i++) queueHours += q[i] * (day[i] - (i === 0 ? 0 : day[i - 1])) * 24;
  const total = (column: string) => table.data[column].reduce((a, b) => a + b, 0);
  const leases = model.leaseRunTotals();
  const checks = [
    littleCheck(queueHours, model.orderHoursWaited()),
    ordersCheck(model.orderFlow(table)),
    servedCheck(total('gpu_hours_served'), leases),
    gmvCheck(total('gmv_usd'), leases),
    capacityCheck(table),
    escrowCheck(escrowSides(model)),
  ];
  const e = model.economy;
  if (e) checks.push(supplyCheck(e.genesisUnits, e.mintedUnits, e.burnedUnits, e.supplyUnits()));
  let error: string | null = null;
  try {
    model.ledger.assertBalanced();
  } catch (err) {
    error = err instanceof Error ? err.message : String(err);
  }
  checks.push(ledgerCheck(model.ledger.entries, error));
  return checks;
}

/**
 * Identities a finished run must satisfy whatever its parameters, checked on the run itself and
 * shown to the user (the CLI's last lines, the dashboard's "Model checks"), so a result can be
 * trusted without reading the code:
 *
 * - Little's law as bookkeeping: the time-average number of orders waiting (the CSV's
 *   queue_len_mean) times the hours of the run equals the hours every order spent waiting, matched,
 *   expired, cancelled or still waiting. An order lost from the queue, or counted twice, breaks it.
 * - Token supply: the supply at the end equals the genesis supply plus everything minted minus
 *   everything burned, in the ledger's integer base units (1e-4 token): exactly.
 * - The ledger: every asset's balances sum to zero (double entry), so no USD, token or credit was
 *   created or lost by a payment, escrow, refund, fee, reward or slash.
 * - Capacity: in every period, busy GPUs never exceed online ones (utilization at most 100%).
 *
 * The core already stops a run whose ledger or supply breaks (economy/conservation.ts, every day);
 * these are the same identities with their figures, plus the two the core does not assert.
 */
import type { MetricTable } from '../metrics/table.ts';
import { UNITS_PER } from '../economy/ledger.ts';
import { log } from '../core/detMath.ts';
import type { MarketModel } from './marketModel.ts';

export type RunCheckId = 'little' | 'supply' | 'ledger' | 'capacity';

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

/** Relative tolerance of Little's law: both sides are sums of the same hours in another order (measured 1e-15 to 3e-15 on every preset). */
export const LITTLE_TOLERANCE = 1e-9;

const num = (v: number, digits = 1) => v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });

/** Little's law on the queue: `queueHours`, the time-average queue times the hours; `waitedHours`, every order's wait. */
export function littleCheck(queueHours: number, waitedHours: number): RunCheck {
  const gap = Math.abs(queueHours - waitedHours);
  const holds = Number.isFinite(gap) && gap <= LITTLE_TOLERANCE * Math.max(1, waitedHours);
  const rel = waitedHours > 0 ? gap / waitedHours : gap;
  // (the two sums add the same hours in another order: equal but for the last digits' rounding)
  const equal = gap === 0 ? 'exactly equal' : `equal to ${Math.floor(-log(rel) / Math.LN10)} significant digits`;
  return {
    id: 'little',
    title: "Little's law on the order queue",
    holds,
    detail: `time-average orders waiting × hours: ${num(queueHours)} order-hours; hours every order waited: ${num(waitedHours)} order-hours; ${holds ? equal : `${(rel * 100).toPrecision(3)}% apart`}`,
    short: `${num(waitedHours)} order-hours both ways`,
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

/** The checks of a run that has reached its horizon (the queue's time-average comes from complete periods only). */
export function runChecks(model: MarketModel, table: MetricTable, periodHours: number): RunCheck[] {
  const q = table.data.queue_len_mean;
  let queueHours = 0;
  for (let i = 0; i < table.rows; i++) queueHours += q[i] * periodHours;
  const checks = [littleCheck(queueHours, model.orderHoursWaited())];
  const e = model.economy;
  if (e) checks.push(supplyCheck(e.genesisUnits, e.mintedUnits, e.burnedUnits, e.supplyUnits()));
  let error: string | null = null;
  try {
    model.ledger.assertBalanced();
  } catch (err) {
    error = err instanceof Error ? err.message : String(err);
  }
  checks.push(ledgerCheck(model.ledger.entries, error));
  checks.push(capacityCheck(table));
  return checks;
}

/**
 * Where every order went: the sides of the run check that no order was lost or counted twice
 * (runChecks.ts, ordersCheck). The model counts the orders it places by where they come from (a new
 * job, the remaining work of a failed or preempted lease, a job already running at t = 0); the
 * metrics count how they end, period by period (the CSV's columns); the live table holds the rest.
 * The check adds them up both ways: a lease dropped without a transition, an outcome counted in no
 * column or in two, or a period's count lost at its reset breaks it.
 *
 * Why the model keeps its own count of orders placed: every other figure here comes from the CSV or
 * the live table, so the count of what went in must come from neither.
 */
import type { IntMap } from '../core/intMap.ts';
import type { MetricTable } from '../metrics/table.ts';
import type { Lease } from './types.ts';

/** The model's count of the orders it placed, by origin. */
export class OrderTally {
  /** Every order placed (each a lease record with its own id). */
  placed = 0;
  /** Of them, the re-orders of a failed or preempted lease's remaining work (attempt > 0). */
  reorders = 0;
  /** Of them, the warm start's jobs running at t = 0, less those it withdrew (no provider was free). */
  warm = 0;

  /** An order is placed; `warm`: by the warm start. */
  order(attempt: number, warm: boolean): void {
    this.placed++;
    if (attempt > 0) this.reorders++;
    else if (warm) this.warm++;
  }

  /** The warm start took back an order it could not place: it was never in the market. */
  withdrawn(): void {
    this.placed--;
    this.warm--;
  }
}

/** Every figure of the order check, as counts of orders (leases). */
export interface OrderFlowSides {
  /** The model's count of orders placed. */
  placed: number;
  /** Re-orders of failed or preempted leases' remaining work (the model's count). */
  reorders: number;
  /** Jobs running at t = 0, placed by the warm start (the model's count; in no CSV column). */
  warm: number;
  /** Σ jobs_arrived: new jobs' first orders. */
  arrived: number;
  /** Σ orders_matched (the warm start's leases are not in it). */
  matched: number;
  /** Σ jobs_expired. */
  expired: number;
  /** Σ jobs_completed. */
  completed: number;
  /** Σ jobs_cancelled (closed early by the tenant, or for insufficient funds). */
  cancelled: number;
  /** Σ leases_failed. */
  failed: number;
  /** Σ leases_preempted. */
  preempted: number;
  /** Live at the horizon, by state. */
  waiting: number;
  matchedLive: number;
  running: number;
  stalled: number;
  /** Rows the lease export wrote (one per lease as it ended). */
  exportRows: number;
}

/** The sides of the order check for a run that reached its horizon. */
export function orderFlowSides(tally: OrderTally, table: MetricTable, live: IntMap<Lease>, exportRows: number): OrderFlowSides {
  const sum = (column: string) => {
    const c = table.data[column];
    let s = 0;
    for (let i = 0; i < table.rows; i++) s += c[i];
    return s;
  };
  let waiting = 0;
  let matchedLive = 0;
  let running = 0;
  let stalled = 0;
  for (const l of live.values()) {
    if (l.state === 'ordered') waiting++;
    else if (l.state === 'matched') matchedLive++;
    else if (l.state === 'active') running++;
    else if (l.state === 'stalled') stalled++;
  }
  return {
    placed: tally.placed,
    reorders: tally.reorders,
    warm: tally.warm,
    arrived: sum('jobs_arrived'),
    matched: sum('orders_matched'),
    expired: sum('jobs_expired'),
    completed: sum('jobs_completed'),
    cancelled: sum('jobs_cancelled'),
    failed: sum('leases_failed'),
    preempted: sum('leases_preempted'),
    waiting,
    matchedLive,
    running,
    stalled,
    exportRows,
  };
}

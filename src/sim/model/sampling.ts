/**
 * The end of each metrics period (metrics.periodHours, and the horizon): running leases settle, as
 * providers withdraw on Akash (model/settlement.ts), then the period's row of every metric is taken,
 * in the order of run.ts' columnsFor, and handed to the run's column store. The model registers the
 * 'sample' event and calls onSample; this keeps the periods' clock and fills the model's row.
 *
 * The row is one array, overwritten every period: the column store copies its values out at once
 * (metrics/table.ts), so a run of years of periods allocates no row per period.
 */
import type { Engine } from '../core/engine.ts';
import type { IntMap } from '../core/intMap.ts';
import type { Economy } from '../economy/economy.ts';
import type { Ledger } from '../economy/ledger.ts';
import type { EscrowRunway } from '../lease/escrowRunway.ts';
import type { MarketMetrics } from '../metrics/marketMetrics.ts';
import type { Settlement } from './settlement.ts';
import type { Lease } from './types.ts';

/**
 * Same-time ordering: market events (priority 0) first, so a period ends after what happened at its
 * last instant; then this; then the daily repricing (PRIO_REPRICE, model/repricing.ts).
 */
const PRIO_SAMPLE = 900;

/** Where the row goes: the model's public lastRow, and its onRow hook (set by run.ts after construction). */
export interface RowSink {
  readonly lastRow: number[];
  readonly onRow: ((row: number[]) => void) | null;
}

export class PeriodSampler {
  /** Periods ended so far: the next ends at (index + 1) x periodHours, or at the horizon. */
  private index = 0;
  private lastAt = 0;

  constructor(
    private engine: Engine,
    /** The engine's event kind for the end of a period (registered by the model). */
    private kind: number,
    private horizonHours: number,
    private periodHours: number,
    private metrics: MarketMetrics,
    private economy: Economy | null,
    private settlement: Settlement,
    /** The live leases, of which the running ones settle. */
    private leases: IntMap<Lease>,
    private ledger: Ledger,
    private escrowRunway: EscrowRunway | null,
    private out: RowSink,
  ) {}

  /** Schedules the end of the period under way at `now`, unless the horizon came first. */
  schedule(now: number): void {
    const next = Math.min(this.horizonHours, (this.index + 1) * this.periodHours);
    if (next > now) this.engine.at(next, this.kind, 0, 0, PRIO_SAMPLE);
  }

  /** A period ended: settle, take the row, hand it over, schedule the next. */
  onSample(): void {
    const now = this.engine.now;
    // Leases settle every period, as providers withdraw on Akash (research §1.3; model/settlement.ts).
    this.settlement.settleRunning(now, this.leases);
    // DESIGN rule 6, where the economy's daily conservation check does not run (economy off): the
    // USD ledger still balances, every period
    if (!this.economy) this.ledger.assertBalanced();
    const period = now - this.lastAt;
    this.lastAt = now;
    const row = this.out.lastRow;
    row.length = 0;
    // the columns in run.ts' columnsFor order: market, economy, market by type, economy by type, market by region, the token's float, income concentration, incentive programs, the new jobs' fill rate, escrow, spot, reservations, orders by kind, the breaker, orders matched by kind, the new jobs' first orders, who waited
    let o = this.metrics.sample(now, period, row, 0);
    if (this.economy) o = this.economy.sample(period, row, o);
    o = this.metrics.sampleTypes(period, row, o);
    if (this.economy) o = this.economy.sampleTypes(row, o);
    o = this.metrics.sampleRegions(period, row, o);
    if (this.economy) o = this.economy.sampleIncentives(row, this.economy.sampleProviderIncome(row, this.economy.sampleFloat(row, o)));
    o = this.metrics.sampleNewJobs(row, o);
    o = this.metrics.sampleEscrow(row, o, this.escrowRunway ? this.escrowRunway.topUpProbability(this.engine.now) : NaN);
    o = this.metrics.sampleSpot(row, o);
    o = this.metrics.sampleReserved(row, o);
    o = this.metrics.sampleOrderKinds(period, row, o);
    if (this.economy) o = this.economy.sampleBme(row, o);
    o = this.metrics.sampleOrderMatches(row, o);
    o = this.metrics.sampleFirstOrders(row, o);
    o = this.metrics.sampleWaited(row, o);
    this.out.onRow?.(row);
    this.index++;
    if (now < this.horizonHours) this.schedule(now);
  }
}

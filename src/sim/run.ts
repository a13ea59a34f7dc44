/**
 * runScenario / createRun: the one entry point used by the worker, the CLI and the tests.
 * A Run advances in slices (advance(t) processes every event up to t); slices of any size give
 * byte-identical results to a whole run, because the metrics period ends are events too.
 */
import { createStreams } from './rng/streams.ts';
import type { Scenario } from './scenario/schema.ts';
import { scenarioHash } from './scenario/hash.ts';
import { MarketModel, type ModelHooks } from './model/marketModel.ts';
import type { LeaseRow } from './model/leaseRow.ts';
import { ColumnStore, type MetricTable } from './metrics/table.ts';
import { ESCROW_COLUMNS, FIRST_ORDER_COLUMNS, WAITED_COLUMNS, MARKET_COLUMNS, NEW_JOB_COLUMNS, ORDER_KIND_COLUMNS, ORDER_MATCH_COLUMNS, REGION_MARKET_COLUMNS, RESERVED_COLUMNS, SPOT_COLUMNS, TYPE_MARKET_COLUMNS } from './metrics/marketMetrics.ts';
import { TYPE_ECONOMY_COLUMNS } from './economy/typeBooks.ts';
import { PROVIDER_INCOME_COLUMNS, ECONOMY_COLUMNS, TOKEN_FLOAT_COLUMNS, INCENTIVE_COLUMNS, BME_COLUMNS } from './metrics/economyMetrics.ts';
import type { ColumnDef } from './metrics/table.ts';
import { VERSION } from './version.ts';
import { runChecks, type RunCheck } from './model/runChecks.ts';
import { LedgerRangeError, UNITS_PER } from './economy/ledger.ts';
import { tokenOutOfRange, type TokenState } from './economy/tokenOutOfRange.ts';

export type { MetricTable } from './metrics/table.ts';
export type { LeaseRow } from './model/leaseRow.ts';
export type { RunCheck } from './model/runChecks.ts';

export interface RunOptions {
  /** Receives each lease as it ends (for the --leases export); nothing is kept in memory. */
  onLease?: (row: LeaseRow) => void;
  /** Reports the building of the initial network (see ModelHooks.onSetup); throwing stops the set-up. */
  onSetup?: ModelHooks['onSetup'];
}

export interface RunMeta {
  scenarioName: string;
  scenarioHash: string;
  seed: number;
  version: string;
  days: number;
}

export interface Run {
  readonly horizonHours: number;
  readonly periodHours: number;
  readonly meta: RunMeta;
  /** Simulated time reached, hours. */
  now(): number;
  /** Processes events up to `untilHours` (clamped to the horizon), at most `maxEvents` of them; true when it got there. */
  advance(untilHours: number, maxEvents?: number): boolean;
  done(): boolean;
  table(fromRow?: number): MetricTable;
  eventsProcessed(): number;
  /** Identities the run must satisfy, with their figures (model/runChecks.ts); meaningful once done(). */
  checks(): RunCheck[];
  /** The model, for tests and tools that inspect state (not for the UI: it is not cloneable). */
  readonly model: MarketModel;
}

/**
 * The run's CSV columns: the market's, the economy's when it is enabled, then the same by provider
 * type (appended in 0.3.0, so the columns before them kept their places), the market by region
 * (0.5.0), the token market's float (0.6.0), the providers' income concentration (0.7.0) and the
 * incentive programs (0.10.0), the last three with the economy, then the new jobs' fill rate
 * (0.10.0), escrow runways (0.11.0), spot leases (0.12.0), reservations (0.13.0) and orders by kind
 * (0.14.0), with or without it; then the burn-and-mint breaker's (0.15.0, with it), the orders
 * matched by kind (0.16.0) and the new jobs' first orders (0.17.0), with or without it.
 */
export function columnsFor(scenario: Scenario): ColumnDef[] {
  return scenario.economy.enabled
    ? [...MARKET_COLUMNS, ...ECONOMY_COLUMNS, ...TYPE_MARKET_COLUMNS, ...TYPE_ECONOMY_COLUMNS, ...REGION_MARKET_COLUMNS, ...TOKEN_FLOAT_COLUMNS, ...PROVIDER_INCOME_COLUMNS, ...INCENTIVE_COLUMNS, ...NEW_JOB_COLUMNS, ...ESCROW_COLUMNS, ...SPOT_COLUMNS, ...RESERVED_COLUMNS, ...ORDER_KIND_COLUMNS, ...BME_COLUMNS, ...ORDER_MATCH_COLUMNS, ...FIRST_ORDER_COLUMNS, ...WAITED_COLUMNS]
    : [...MARKET_COLUMNS, ...TYPE_MARKET_COLUMNS, ...REGION_MARKET_COLUMNS, ...NEW_JOB_COLUMNS, ...ESCROW_COLUMNS, ...SPOT_COLUMNS, ...RESERVED_COLUMNS, ...ORDER_KIND_COLUMNS, ...ORDER_MATCH_COLUMNS, ...FIRST_ORDER_COLUMNS, ...WAITED_COLUMNS];
}

/**
 * The columns only a run with the token economy has: a scenario with economy.enabled false leaves
 * them out for good (the dashboard says so rather than that they are still to come).
 */
export const ECONOMY_ONLY_COLUMNS: ReadonlySet<string> = new Set(
  [...ECONOMY_COLUMNS, ...TYPE_ECONOMY_COLUMNS, ...TOKEN_FLOAT_COLUMNS, ...PROVIDER_INCOME_COLUMNS, ...INCENTIVE_COLUMNS, ...BME_COLUMNS].map((c) => c.name),
);

/** The token's state now, for the message of a run that left the ledger's range. */
function tokenState(s: Scenario, model: MarketModel, rows: number): TokenState {
  const e = model.economy!;
  return {
    day: model.engine.now / 24,
    daysDone: Math.floor((rows * s.metrics.periodHours) / 24),
    priceUsd: e.price.price,
    initialPriceUsd: s.economy.token.initialPriceUsd,
    supplyTokens: e.supplyUnits() / UNITS_PER,
    mintsSettlements: s.economy.payment === 'burnMint' && s.economy.bmeProviderPay === 'mint',
    hasBreaker: !!s.economy.bmeBreaker,
  };
}

export function createRun(scenario: Scenario, seed: number, options: RunOptions = {}): Run {
  const model = new MarketModel(scenario, createStreams(seed), { onLease: options.onLease, onSetup: options.onSetup });
  const store = new ColumnStore(columnsFor(scenario), Math.ceil((scenario.horizonDays * 24) / scenario.metrics.periodHours) + 1);
  model.onRow = (row) => store.push(row);
  model.init();
  const horizon = model.horizonHours;
  const meta: RunMeta = { scenarioName: scenario.name, scenarioHash: scenarioHash(scenario), seed, version: VERSION, days: scenario.horizonDays };
  return {
    horizonHours: horizon,
    periodHours: scenario.metrics.periodHours,
    meta,
    model,
    now: () => model.engine.now,
    advance(untilHours, maxEvents = Infinity) {
      const t = Math.min(horizon, untilHours);
      // t == now still runs what is due at now (a budget may have stopped inside that instant)
      if (t < model.engine.now) return true;
      try {
        return model.engine.runUntil(t, maxEvents);
      } catch (e) {
        // a random price path took the token past the ledger's range: said in the economy's terms
        if (e instanceof LedgerRangeError && model.economy) throw tokenOutOfRange(e, tokenState(scenario, model, store.rows));
        throw e;
      }
    },
    // Done when the clock is at the horizon and nothing due by then is left (the last period's sample).
    done: () => model.engine.now >= horizon && !(model.engine.peek() <= horizon),
    table: (fromRow = 0) => store.table(fromRow),
    eventsProcessed: () => model.engine.eventsProcessed,
    checks: () => runChecks(model, store.table()),
  };
}

export interface RunResult {
  meta: RunMeta;
  table: MetricTable;
  events: number;
}

/** Runs a scenario to its horizon in one go. */
export function runScenario(scenario: Scenario, seed: number, options: RunOptions = {}): RunResult {
  const run = createRun(scenario, seed, options);
  run.advance(run.horizonHours);
  return { meta: run.meta, table: run.table(), events: run.eventsProcessed() };
}

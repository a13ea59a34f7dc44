/**
 * The token economy, wired into the market model's engine: the handlers that move tokens and keep
 * the providers' books. The market model calls in at the seams (a provider joins, escrow, a payment,
 * a refund, a provider goes down or comes back, a metrics sample); everything per provider runs once
 * a day, in the epoch event, never per market event.
 *
 * Every movement of tokens, USD or compute credits is one ledger entry; minting and burning go
 * through mint() and burn() only, and each epoch asserts that the ledger balances and that the supply
 * (minus the mint account's balance, minus what the burn account holds) equals the genesis supply
 * plus everything minted minus everything burned.
 *
 * Daily epoch (at the end of each day, before the metrics sample of the same instant):
 *   1. pending entrants come online; stake released from cooldown goes back to exited providers, who sell it
 *   2. per provider: the day's online and busy GPU-hours -> costs; uptime gate -> availability weight;
 *      USD billed -> work weight
 *   3. emission of the day (schedule, cap) minted: availability pool, work pool, treasury, ecosystem
 *   4. per provider: rewards, P&L and trailing margins; sells its share of token income; tops up
 *      stake; cheaters face spot checks; exit hazard drawn
 *   5. fee buy-back and burn, staker fee shares; exits applied
 *   6. token price steps on the day's net buying; latent providers decide whether to join
 *
 * Randomness: 'token' (price path), 'cheat' (who cheats, spot checks), 'exit' (exit hazards),
 * 'entry' (latent providers and their draws): one stream per concern.
 */
import { LedgerError, UNITS_PER, type Ledger } from './ledger.ts';
import { capped, emissionOnDay } from './emissions.ts';
import { initialPrice, stepPrice, type PriceState } from './tokenPrice.ts';
import { EconomyCounters, concentration, gini, median, sampleEconomy, ECONOMY_COLUMNS, TOKEN_FLOAT_COLUMNS } from '../metrics/economyMetrics.ts';
import type { Engine } from '../core/engine.ts';
import type { ProviderIndex } from '../market/providerIndex.ts';
import type { MarketMetrics } from '../metrics/marketMetrics.ts';
import { isOnline, type Lease, type Provider } from '../model/types.ts';
import { BUSY_TOTAL, ONLINE_TOTAL, type ProviderUsage } from '../model/usage.ts';
import { poisson } from '../rng/distributions.ts';
import type { Rng, Streams } from '../rng/streams.ts';
import { ARCHETYPES, type Scenario } from '../scenario/schema.ts';
import type { EconomyParams } from '../scenario/economySchema.ts';
import { GPU_CATALOGUE } from '../supply/catalogue.ts';
import { createProviderFactory, type ProviderFactory } from '../supply/population.ts';
import { pow } from '../core/detMath.ts';
import { TypeBooks, type TypeBookSource } from './typeBooks.ts';
import { UnlockSales, unlockedBy } from './vesting.ts';
import { participationFactor } from './participationWindows.ts';
import { EXIT_CHURN, EXIT_LOSSES, exitCause } from './exitCause.ts';
import { ReconnectCooldown } from './reconnectCooldown.ts';
import { grown } from '../core/grown.ts';
import { takeRateSchedule } from './takeRate.ts';
import { IncentivePrograms } from './incentivePrograms.ts';

export { ECONOMY_COLUMNS, TOKEN_FLOAT_COLUMNS };

/** What the economy needs from the market model (implemented by MarketModel). */
export interface EconomyHost {
  readonly engine: Engine;
  readonly providers: Provider[];
  readonly leases: { get(id: number): Lease | undefined };
  readonly ledger: Ledger;
  readonly index: ProviderIndex;
  readonly metrics: MarketMetrics;
  readonly acct: { tenants: number; escrow: number; treasury: number };
  /** Providers' GPU-hour integrals (current after accrue(p)). */
  readonly usage: ProviderUsage;
  accrue(p: Provider): void;
  /** Removes a provider from the network now: its leases fail with `reason`. */
  removeProvider(p: Provider, reason: string): void;
  /** Adds a provider drawn elsewhere (an entrant) to the network now. */
  addProvider(now: number, archetype?: number, draft?: Provider): Provider;
  /** Ids of the leases holding GPUs on p (matched or active). */
  leasesOn(p: Provider): readonly number[];
  /** Fails a live lease (matched or active) with `reason`: its remaining work is re-ordered. */
  failLease(id: number, reason: string): void;
  /** Refreshes the matcher's copy of p's stake, slashes and reputation (when the model keeps one). */
  syncSignals?(p: Provider): void;
  /** Re-lists p in the matcher's index after p.canServe changed, and lets it serve waiting orders. */
  relist(p: Provider): void;
}

/** A provider's economic record, kept beside the provider (same id). Plain data. */
export interface ProviderBook {
  id: number;
  cheater: boolean;
  caught: boolean;
  exiting: boolean;
  stakeUnits: number;
  requiredUnits: number;
  rewardsTokens: number;
  rewardsUsd: number;
  /** USD paid by incentive programs (economy.incentivePrograms). */
  incentiveUsd: number;
  energyUsd: number;
  opsUsd: number;
  capexUsd: number;
  stakeCostUsd: number;
  stakeBoughtUsd: number;
  slashedTokens: number;
  /** Hardware bought to join, USD (price x GPUs). */
  hardwareUsd: number;
  /** Snapshots of the provider's cumulative GPU-hours at the last epoch. */
  busySeen: number;
  onlineSeen: number;
  /** Since the last epoch. */
  dayTokenUnits: number;
  /** Trailing (EWMA) daily income, running cost (energy + ops + stake opportunity cost: what staying costs, the hardware being sunk) and cash profit, USD per day. */
  trailIncome: number;
  trailCost: number;
  trailCash: number;
  trailDays: number;
  downSince: number;
  downGpus: number;
  exitedDay: number;
}

interface PendingJoin {
  at: number;
  draft: Provider;
}
interface Unbonding {
  at: number;
  pid: number;
  units: number;
}
interface TokenEscrow {
  /** Token units held for the lease, and the token units per USD unit fixed at the match. */
  held: number;
  rate: number;
}

const PRIO_EPOCH = 890; // before the metrics sample (900) and the daily repricing (910) of the same instant

/**
 * Lease income per provider, one row of INCOME_ROW doubles by provider id, USD: every lease payment
 * adds to these, so they sit together in a typed array rather than in the provider's book (where each
 * number is a separate heap cell: a payment would touch four places in memory instead of one).
 */
const INCOME_ROW = 4;
const BILLED_DAY = 0; // billed since the last epoch (work rewards are pro rata to it)
const REVENUE = 1; // cumulative income (tokens valued at the price when received)
const REVENUE_DAY = 2; // income since the last epoch
const INCOME_PERIOD = 3; // income since the last metrics sample

export class Economy {
  readonly e: EconomyParams;
  /** The take rate at a time (economy.takeRate and its scheduled changes). */
  private takeRate: (t: number) => number;
  readonly books: ProviderBook[] = [];
  private incomeRows = new Float64Array(0);
  readonly counters = new EconomyCounters();
  price: PriceState;
  /** Accounts. */
  readonly a: {
    mint: number;
    burn: number;
    market: number;
    capital: number;
    stake: number;
    unbonding: number;
    rewards: number;
    ecosystem: number;
    stakerPool: number;
    buyback: number;
    tenantTokens: number;
    escrowTokens: number;
    credits: number;
    locked: number;
    unlocked: number;
  };
  /** Exact running totals in base units (asserted against the ledger each epoch). */
  genesisUnits = 0;
  mintedUnits = 0;
  burnedUnits = 0;
  private supplyAtSampleUnits = 0;
  private netBuyUsd = 0;
  private day = 0;
  /** Availability reward per (multiplier x GPU-hour) of the last epoch, tokens: the liveness slash rate. */
  livenessRate = 0;
  private cheatGpus = 0;
  private pending: PendingJoin[] = [];
  private unbonding: Unbonding[] = [];
  private tokenEscrow = new Map<number, TokenEscrow>();
  private entryFactory: ProviderFactory;
  private initialCount: number[];
  private readonly scale: number;
  private readonly kEpoch: number;
  /** Incentive programs and their accounts (the grants' issuer, the day's pot); null when the scenario has none. */
  private programs: IncentivePrograms | null = null;
  private programAcct = { grants: -1, pot: -1 };
  private rngToken: Rng;
  private rngCheat: Rng;
  private rngExit: Rng;
  /** Spheron's reconnect cooldown on availability rewards; null when it is 0 h. */
  private cooldown: ReconnectCooldown | null;
  private rngEntry: Rng;
  private genesis = true;
  // per (archetype, model) trailing per-GPU-day stats for entrants' expectations
  private cells: Float64Array;
  private readonly nModels = GPU_CATALOGUE.length;
  // scratch, per provider id
  private wAvail = new Float64Array(256);
  private dayCost = new Float64Array(256);
  private dayCash = new Float64Array(256);
  private dayRun = new Float64Array(256);
  private dayOn = new Float64Array(256);
  private dayBusy = new Float64Array(256);

  constructor(
    private host: EconomyHost,
    private s: Scenario,
    streams: Streams,
  ) {
    this.e = s.economy;
    this.takeRate = takeRateSchedule(s.economy);
    this.scale = s.scale;
    const L = host.ledger;
    this.a = {
      mint: L.account('token mint', ['token']),
      burn: L.account('token burn'),
      market: L.account('token market', ['usd']),
      capital: L.account('provider capital', ['usd']),
      stake: L.account('stake pool'),
      unbonding: L.account('unstaking'),
      rewards: L.account('reward pool'),
      ecosystem: L.account('ecosystem'),
      stakerPool: L.account('staker fee pool'),
      buyback: L.account('fee buy-back'),
      tenantTokens: L.account('tenant tokens'),
      escrowTokens: L.account('escrow tokens'),
      credits: L.account('compute credit issuer', ['credit']),
      locked: L.account('locked for team and investors'),
      unlocked: L.account('unlocked holders'),
    };
    this.price = initialPrice(this.e.token.initialPriceUsd);
    // only with programs: a scenario without them keeps its ledger's accounts as they were
    if (this.e.incentivePrograms?.length) {
      this.programs = new IncentivePrograms(this.e.incentivePrograms, s.scale);
      this.programAcct = { grants: L.account('incentive grants', ['usd']), pot: L.account('incentive programs') };
    }
    this.rngToken = streams.get('token');
    this.rngCheat = streams.get('cheat');
    this.rngExit = streams.get('exit');
    this.cooldown = s.economy.emission.reconnectCooldownHours > 0 ? new ReconnectCooldown(s.economy.emission.reconnectCooldownHours) : null;
    this.rngEntry = streams.get('entry');
    this.entryFactory = createProviderFactory(s, this.rngEntry);
    const shares = ARCHETYPES.map((n) => s.supply.archetypes[n].share);
    const tot = shares.reduce((x, y) => x + y, 0);
    this.initialCount = shares.map((sh) => (tot > 0 ? (s.supply.providers * s.scale * sh) / tot : 0));
    this.cells = new Float64Array(ARCHETYPES.length * this.nModels * 4);
    this.kEpoch = host.engine.register('epoch', () => this.onEpoch());
    // Genesis: the initial supply is held by the market (outside holders).
    this.mint(this.a.market, Math.round(this.e.token.initialSupply * this.scale * UNITS_PER), 'genesis');
    // ... less what is locked for the team and investors, released on the vesting schedule
    this.lockedUnits = Math.floor(this.e.vesting.lockedShare * this.mintedUnits);
    if (this.lockedUnits > 0) L.transferUnits('token', this.a.market, this.a.locked, this.lockedUnits, 'locked at genesis');
    this.unlockSales = new UnlockSales(this.e.vesting);
    this.genesisUnits = this.mintedUnits;
    this.mintedUnits = 0;
    this.counters.mintedUnits = 0;
  }

  /** Schedules the first epoch and sets the liveness-slash rate from the initial population. Call after the initial providers joined. */
  init(horizonHours: number): void {
    this.genesis = false;
    this.supplyAtSampleUnits = this.supplyUnits();
    let w = 0;
    for (const p of this.host.providers) w += GPU_CATALOGUE[p.model].rewardMultiplier * p.gpus * p.windowHours * p.reliability;
    const A = emissionOnDay(this.e.emission, 0) * this.scale * this.e.emission.availabilityShare;
    this.livenessRate = w > 0 ? A / w : 0;
    if (horizonHours >= 24) this.host.engine.at(24, this.kEpoch, 0, 0, PRIO_EPOCH);
  }

  get tokenPrice(): number {
    return this.price.price;
  }

  supplyUnits(): number {
    const L = this.host.ledger;
    // 0 - ...: a supply of nothing is 0, not -0 (a token launched with no supply and no emission)
    return 0 - L.balanceUnits('token', this.a.mint) - L.balanceUnits('token', this.a.burn);
  }

  // ---------------------------------------------------------------- ledger helpers

  private mint(to: number, units: number, memo: string): number {
    if (units <= 0) return 0;
    this.host.ledger.transferUnits('token', this.a.mint, to, units, memo);
    this.mintedUnits += units;
    this.counters.mintedUnits += units;
    return units;
  }

  private burn(from: number, units: number, memo: string): void {
    if (units <= 0) return;
    this.host.ledger.transferUnits('token', from, this.a.burn, units, memo);
    this.burnedUnits += units;
    this.counters.burnedUnits += units;
  }

  /**
   * Tokens for sale: the market's balance (the outside holders' float: the genesis supply not locked,
   * plus everything sold to it, less everything bought). No purchase takes more than this.
   */
  private forSale(): number {
    return this.host.ledger.balanceUnits('token', this.a.market);
  }

  /** Tokens asked of the market in the current metrics period that it did not hold. */
  private shortfallUnits = 0;

  /** Tokens `want` asked of the market, of which it held only `got`: counted for the period's shortfall column. */
  private shortOf(want: number, got: number): void {
    if (got < want) this.shortfallUnits += want - got;
  }

  /** The period's income concentration and share under water, computed by sample() and written by sampleProviderIncome(). */
  private incomeConcentration = { hhi: NaN, nakamoto: NaN };
  private underWaterShare = NaN;

  /** Writes the period's PROVIDER_INCOME_COLUMNS from `offset` (after sample() at the same instant); returns the next offset. */
  sampleProviderIncome(out: number[], offset: number): number {
    out[offset] = this.incomeConcentration.hhi;
    out[offset + 1] = this.incomeConcentration.nakamoto;
    out[offset + 2] = this.underWaterShare;
    return offset + 3;
  }

  /** Writes the period's TOKEN_FLOAT_COLUMNS from `offset` (after sample() at the same instant); returns the next offset. */
  sampleFloat(out: number[], offset: number): number {
    out[offset] = this.forSale() / UNITS_PER;
    out[offset + 1] = this.shortfallUnits / UNITS_PER;
    this.shortfallUnits = 0;
    return offset + 2;
  }

  /**
   * Buys tokens for `usdUnits` at the current price: USD from `payer` to the market, tokens to `to`.
   * Returns the token units. When the market holds fewer tokens than the USD buys at the price, the
   * buyer pays the USD and gets every token for sale (the slippage of a dried-up market; its USD
   * still counts as buying pressure, so the price climbs).
   */
  private buy(payer: number, to: number, usdUnits: number, memo: string, pressure = true): number {
    if (usdUnits <= 0) return 0;
    const L = this.host.ledger;
    const want = Math.round(usdUnits / this.price.price);
    const tok = Math.min(want, this.forSale());
    this.shortOf(want, tok);
    L.transferUnits('usd', payer, this.a.market, usdUnits, memo);
    L.transferUnits('token', this.a.market, to, tok, memo);
    if (pressure) {
      this.netBuyUsd += usdUnits / UNITS_PER;
      this.counters.buyUsd += usdUnits / UNITS_PER;
    }
    return tok;
  }

  /** Buys exactly `tokUnits` tokens; returns the USD units paid. */
  private buyTokens(payer: number, to: number, tokUnits: number, memo: string, pressure = true): number {
    if (tokUnits <= 0) return 0;
    const L = this.host.ledger;
    const usd = Math.round(tokUnits * this.price.price);
    L.transferUnits('usd', payer, this.a.market, usd, memo);
    L.transferUnits('token', this.a.market, to, tokUnits, memo);
    if (pressure) {
      this.netBuyUsd += usd / UNITS_PER;
      this.counters.buyUsd += usd / UNITS_PER;
    }
    return usd;
  }

  /** Tokens locked at genesis (economy.vesting), and the holders' sales of what unlocks. */
  private lockedUnits = 0;
  private unlockSales: UnlockSales;

  /** End of day `day`: releases what the schedule unlocks by then, and sells today's share of the unlocks. */
  private vest(day: number): void {
    if (this.lockedUnits <= 0) return;
    const L = this.host.ledger;
    const released = this.lockedUnits - L.balanceUnits('token', this.a.locked);
    const due = unlockedBy(this.e.vesting, this.lockedUnits, day) - released;
    if (due > 0) {
      L.transferUnits('token', this.a.locked, this.a.unlocked, due, 'unlocked');
      this.counters.unlockedUnits += due;
      this.unlockSales.unlocked(due);
    }
    const sell = Math.min(this.unlockSales.today(), L.balanceUnits('token', this.a.unlocked));
    if (sell > 0) this.counters.unlockSellUsd += this.sell(this.a.unlocked, this.a.unlocked, sell, 'unlocked tokens sold') / UNITS_PER;
  }

  /** Sells `tokUnits` from `from` at the current price, USD to `usdTo`. Returns the USD units. */
  private sell(from: number, usdTo: number, tokUnits: number, memo: string): number {
    if (tokUnits <= 0) return 0;
    const L = this.host.ledger;
    const usd = Math.round(tokUnits * this.price.price);
    L.transferUnits('token', from, this.a.market, tokUnits, memo);
    L.transferUnits('usd', this.a.market, usdTo, usd, memo);
    this.netBuyUsd -= usd / UNITS_PER;
    this.counters.sellUsd += usd / UNITS_PER;
    return usd;
  }

  // ---------------------------------------------------------------- providers

  private required(p: Provider): number {
    return Math.round(this.e.staking.baseTokensPerGpu * Math.max(1, GPU_CATALOGUE[p.model].rewardMultiplier) * p.gpus * UNITS_PER);
  }

  /** A provider joins (initial population or entrant): its book, cheat flag and stake. Sets p.canServe. */
  onJoin(p: Provider): void {
    const b: ProviderBook = {
      id: p.id,
      cheater: this.e.slashing.cheatShare > 0 && this.rngCheat() < this.e.slashing.cheatShare,
      caught: false,
      exiting: false,
      stakeUnits: 0,
      requiredUnits: this.required(p),
      rewardsTokens: 0,
      rewardsUsd: 0,
      incentiveUsd: 0,
      energyUsd: 0,
      opsUsd: 0,
      capexUsd: 0,
      stakeCostUsd: 0,
      stakeBoughtUsd: 0,
      slashedTokens: 0,
      hardwareUsd: p.purchasePriceUsd * p.gpus,
      busySeen: this.host.usage.get(p.id, BUSY_TOTAL),
      onlineSeen: this.host.usage.get(p.id, ONLINE_TOTAL),
      dayTokenUnits: 0,
      trailIncome: 0,
      trailCost: 0,
      trailCash: 0,
      trailDays: 0,
      downSince: NaN,
      downGpus: 0,
      exitedDay: NaN,
    };
    this.books[p.id] = b;
    this.growIncome(p.id + 1);
    if (b.cheater) this.cheatGpus += p.gpus;
    if (!this.genesis) this.counters.joined++;
    this.topUp(p, b, !this.genesis);
    p.canServe = b.stakeUnits >= b.requiredUnits;
    this.host.syncSignals?.(p);
  }

  /**
   * Buys the provider's missing stake. A market without enough tokens for sale sells what it has:
   * the provider cannot serve until its stake is whole, and tries again at each day's end.
   */
  private topUp(p: Provider, b: ProviderBook, pressure: boolean): void {
    const need = b.requiredUnits - b.stakeUnits;
    if (need <= 0) return;
    const got = Math.min(need, this.forSale());
    this.shortOf(need, got);
    if (got <= 0) return;
    const usd = this.buyTokens(this.a.capital, this.a.stake, got, 'stake purchase', pressure);
    b.stakeBoughtUsd += usd / UNITS_PER;
    b.stakeUnits += got;
    p.stakeTokens = b.stakeUnits / UNITS_PER;
    this.host.syncSignals?.(p);
  }

  private setServe(p: Provider, b: ProviderBook): void {
    const can = !b.exiting && b.stakeUnits >= b.requiredUnits;
    if (can === p.canServe) return;
    p.canServe = can;
    this.host.relist(p);
  }

  /** Slashes stake from a provider; the tokens go where the scenario says. */
  private slash(p: Provider, b: ProviderBook, units: number, memo: string): void {
    const u = Math.min(b.stakeUnits, Math.round(units));
    if (u <= 0) return;
    b.stakeUnits -= u;
    p.stakeTokens = b.stakeUnits / UNITS_PER;
    p.slashes++;
    b.slashedTokens += u / UNITS_PER;
    this.counters.slashedUnits += u;
    this.counters.slashes++;
    switch (this.e.slashing.fate) {
      case 'burn':
        this.burn(this.a.stake, u, memo);
        break;
      case 'treasury':
        this.host.ledger.transferUnits('token', this.a.stake, this.host.acct.treasury, u, memo);
        break;
      case 'tenant':
        // the harmed tenants receive the tokens and sell them
        this.host.ledger.transferUnits('token', this.a.stake, this.a.tenantTokens, u, memo);
        this.sell(this.a.tenantTokens, this.host.acct.tenants, u, 'slash compensation sold');
        break;
    }
    this.host.syncSignals?.(p);
    this.setServe(p, b);
  }

  /** Cumulative lease income of provider pid, USD (tokens valued at the price when received). */
  revenueUsd(pid: number): number {
    return this.incomeRows[pid * INCOME_ROW + REVENUE];
  }

  private growIncome(n: number): void {
    if (n * INCOME_ROW <= this.incomeRows.length) return;
    const rows = new Float64Array(Math.max(n, 1024, (2 * this.incomeRows.length) / INCOME_ROW) * INCOME_ROW);
    rows.set(this.incomeRows);
    this.incomeRows = rows;
  }

  /** The provider goes offline while leased GPUs are running (called before its leases fail). */
  downtimeStart(p: Provider): void {
    this.cooldown?.disconnect(p.id, this.host.engine.now);
    const mode = this.e.slashing.downtime;
    if (mode === 'none' || p.busyGpus === 0) return;
    const b = this.books[p.id];
    if (mode === 'stakeShare') {
      this.slash(p, b, b.stakeUnits * this.e.slashing.downtimeStakeShare, 'downtime slash');
      return;
    }
    if (Number.isNaN(b.downSince)) {
      b.downSince = this.host.engine.now;
      b.downGpus = p.busyGpus;
    }
  }

  /** The provider is back online: a liveness slash for the downtime that interrupted leases. */
  downtimeEnd(p: Provider): void {
    this.cooldown?.reconnect(p.id, this.host.engine.now);
    const b = this.books[p.id];
    if (Number.isNaN(b.downSince)) return;
    const hours = this.host.engine.now - b.downSince;
    b.downSince = NaN;
    const tokens = this.livenessRate * GPU_CATALOGUE[p.model].rewardMultiplier * b.downGpus * hours;
    this.slash(p, b, tokens * UNITS_PER, 'downtime slash');
  }

  // ---------------------------------------------------------------- payments

  /**
   * The warm start's leases were ordered before day 0, so their escrow (tokens bought, or bought and
   * burned for credits) belongs to the network's past, not to the run's first day: between these two
   * calls purchases move no price and count in no flow, and the tokens burned come off the genesis
   * supply instead of counting as the run's burns. (Counted on day 1, the baseline's 7 k running
   * leases burned 2 M tokens at once under burn-and-mint and pushed the price up a fifth.)
   */
  private prehistory = false;
  private burnedBefore = 0;
  beginPrehistory(): void {
    this.prehistory = true;
    this.burnedBefore = this.burnedUnits;
  }
  endPrehistory(): void {
    this.prehistory = false;
    const x = this.burnedUnits - this.burnedBefore;
    this.genesisUnits -= x;
    this.burnedUnits -= x;
    this.counters.burnedUnits -= x;
    this.counters.bmeBurnedUnits -= x;
    this.supplyAtSampleUnits = this.supplyUnits();
  }

  /** The tenant's USD has been escrowed for lease l (core transfer tenants -> escrow done). */
  escrowed(l: Lease): void {
    const mode = this.e.payment;
    if (mode === 'stablecoin' || l.escrowUnits <= 0) return;
    const L = this.host.ledger;
    const pressure = !this.prehistory;
    if (mode === 'token') {
      const tok = this.buy(this.host.acct.escrow, this.a.escrowTokens, l.escrowUnits, 'tenant buys tokens for escrow', pressure);
      this.tokenEscrow.set(l.id, { held: tok, rate: tok / l.escrowUnits });
    } else {
      // burn-and-mint top-up: buy and burn tokens, receive USD-pegged compute credits
      const tok = this.buy(this.host.acct.escrow, this.a.tenantTokens, l.escrowUnits, 'tenant buys tokens to burn', pressure);
      this.burn(this.a.tenantTokens, tok, 'burn for credits');
      this.counters.bmeBurnedUnits += tok;
      L.transferUnits('credit', this.a.credits, this.host.acct.escrow, l.escrowUnits, 'credits minted');
    }
  }

  /**
   * Pays `payUnits` (USD base units billed) to provider p, less the protocol fee: for lease l, or for
   * a batch of p's leases (l null; not when leases are paid in tokens, whose escrow is per lease).
   */
  pay(l: Lease | null, p: Provider, payUnits: number): void {
    const L = this.host.ledger;
    const b = this.books[p.id];
    const P = this.price.price;
    const k = this.takeRate(this.host.engine.now);
    const fate = this.e.takeFate;
    const r = p.id * INCOME_ROW;
    this.incomeRows[r + BILLED_DAY] += payUnits / UNITS_PER;
    const mode = this.e.payment;
    if (mode === 'stablecoin') {
      const fee = Math.round(payUnits * k);
      L.transferUnits('usd', this.host.acct.escrow, p.account, payUnits - fee, 'lease payment');
      this.income(r, (payUnits - fee) / UNITS_PER);
      if (fee > 0) {
        const to = fate === 'treasury' ? this.host.acct.treasury : fate === 'burn' ? this.a.buyback : this.a.stakerPool;
        L.transferUnits('usd', this.host.acct.escrow, to, fee, 'protocol fee');
        this.counters.feesUsd += fee / UNITS_PER;
      }
    } else if (mode === 'token') {
      if (!l) throw new Error('token payments settle per lease: pay() needs the lease');
      const te = this.tokenEscrow.get(l.id)!;
      const tok = Math.min(te.held, Math.round(payUnits * te.rate));
      te.held -= tok;
      const fee = Math.round(tok * k);
      L.transferUnits('token', this.a.escrowTokens, p.account, tok - fee, 'lease payment');
      b.dayTokenUnits += tok - fee;
      this.income(r, ((tok - fee) / UNITS_PER) * P);
      if (fee > 0) {
        if (fate === 'burn') this.burn(this.a.escrowTokens, fee, 'protocol fee burned');
        else L.transferUnits('token', this.a.escrowTokens, fate === 'treasury' ? this.host.acct.treasury : this.a.stakerPool, fee, 'protocol fee');
        this.counters.feesUsd += (fee / UNITS_PER) * P;
      }
    } else {
      L.transferUnits('credit', this.host.acct.escrow, this.a.credits, payUnits, 'credits spent');
      const fee = Math.round(payUnits * k);
      if (this.e.bmeProviderPay === 'mint') {
        const tok = this.mint(p.account, Math.round((payUnits - fee) / P), 'settlement mint');
        this.counters.bmeMintedUnits += tok;
        b.dayTokenUnits += tok;
        this.income(r, (tok / UNITS_PER) * P);
      }
      if (fee > 0) {
        if (fate !== 'burn') this.counters.bmeMintedUnits += this.mint(fate === 'treasury' ? this.host.acct.treasury : this.a.stakerPool, Math.round(fee / P), 'protocol fee minted');
        this.counters.feesUsd += fee / UNITS_PER;
      }
    }
  }

  /** Lease income of `usd` to the provider whose income row starts at r. */
  private income(r: number, usd: number): void {
    const I = this.incomeRows;
    I[r + REVENUE] += usd;
    I[r + REVENUE_DAY] += usd;
    I[r + INCOME_PERIOD] += usd;
    this.counters.revenueUsd += usd;
  }

  /** Final settlement: what the escrow holds beyond the run goes back to the tenant. */
  refund(l: Lease, units: number): void {
    const L = this.host.ledger;
    const mode = this.e.payment;
    if (mode === 'stablecoin') {
      L.transferUnits('usd', this.host.acct.escrow, this.host.acct.tenants, units, 'escrow refund');
    } else if (mode === 'token') {
      const te = this.tokenEscrow.get(l.id);
      if (!te) return;
      this.tokenEscrow.delete(l.id);
      if (te.held > 0) {
        L.transferUnits('token', this.a.escrowTokens, this.a.tenantTokens, te.held, 'escrow refund');
        this.sell(this.a.tenantTokens, this.host.acct.tenants, te.held, 'tenant sells refund');
      }
    } else if (units > 0) {
      // unused credits are redeemed: burned, and tokens minted at the current price (AEP-76 [V])
      L.transferUnits('credit', this.host.acct.escrow, this.a.credits, units, 'credits redeemed');
      const tok = this.mint(this.a.tenantTokens, Math.round(units / this.price.price), 'credit redemption mint');
      this.counters.bmeMintedUnits += tok;
      this.sell(this.a.tenantTokens, this.host.acct.tenants, tok, 'tenant sells redemption');
    }
  }

  // ---------------------------------------------------------------- epoch

  private grow(n: number): void {
    if (n <= this.wAvail.length) return;
    const m = Math.max(n, this.wAvail.length * 2);
    const g = (a: Float64Array<ArrayBuffer>) => grown(a, m);
    this.wAvail = g(this.wAvail);
    this.dayCost = g(this.dayCost);
    this.dayCash = g(this.dayCash);
    this.dayRun = g(this.dayRun);
    this.dayOn = g(this.dayOn);
    this.dayBusy = g(this.dayBusy);
  }

  private onEpoch(): void {
    const host = this.host;
    const now = host.engine.now;
    const L = host.ledger;
    const e = this.e;
    const P = this.price.price;
    const day = this.day;

    // 1. entrants whose lag is over; stake coming out of cooldown
    if (this.pending.length) {
      const due = this.pending.filter((j) => j.at <= now);
      this.pending = this.pending.filter((j) => j.at > now);
      for (const j of due) this.join(j.draft, now);
    }
    if (this.unbonding.length) {
      const keep: Unbonding[] = [];
      for (const u of this.unbonding) {
        if (u.at > now) {
          keep.push(u);
          continue;
        }
        const p = host.providers[u.pid];
        L.transferUnits('token', this.a.unbonding, p.account, u.units, 'unstaked');
        this.sell(p.account, p.account, L.balanceUnits('token', p.account), 'exited provider sells');
      }
      this.unbonding = keep;
    }

    // 2. the day's hours, costs and reward weights
    const P_ = host.providers;
    const usage = host.usage;
    this.grow(P_.length);
    const gate = e.emission.uptimeGate;
    const oppPerDay = e.staking.opportunityCostPerYear / 365;
    let availW = 0;
    let workW = 0;
    const programs = this.programs;
    programs?.beginDay();
    for (let i = 0; i < P_.length; i++) {
      const p = P_[i];
      if (!p.active) continue;
      host.accrue(p);
      const b = this.books[i];
      const busyTotal = usage.get(i, BUSY_TOTAL);
      const onlineTotal = usage.get(i, ONLINE_TOTAL);
      const busyH = busyTotal - b.busySeen;
      const onH = onlineTotal - b.onlineSeen;
      b.busySeen = busyTotal;
      b.onlineSeen = onlineTotal;
      const frac = Math.min(1, (now - p.joinedAt) / 24);
      const busyKw = b.cheater ? p.idleKwPerGpu : p.busyKwPerGpu;
      const energy = p.electricityUsdPerKwh * (p.idleKwPerGpu * Math.max(0, onH - busyH) + busyKw * busyH);
      const ops = p.opsUsdPerGpuHour * busyH;
      const capex = p.capexUsdPerGpuHour * p.gpus * 24 * frac;
      const opp = (b.stakeUnits / UNITS_PER) * P * oppPerDay * frac;
      b.energyUsd += energy;
      b.opsUsd += ops;
      b.capexUsd += capex;
      b.stakeCostUsd += opp;
      this.dayCost[i] = energy + ops + capex + opp;
      this.dayCash[i] = -(energy + ops);
      this.dayRun[i] = energy + ops + opp;
      this.dayOn[i] = onH;
      this.dayBusy[i] = busyH;
      programs?.claim(p, onH, day + 1);
      const scheduled = p.gpus * p.windowHours * frac;
      // the gate counts every hour online; the reward, only those past a reconnect's cooldown
      const rewardOnH = this.cooldown ? Math.max(0, onH - p.gpus * this.cooldown.take(i, now)) : onH;
      const w = scheduled > 0 && onH >= gate * scheduled - 1e-9 && rewardOnH > 0 ? GPU_CATALOGUE[p.model].rewardMultiplier * rewardOnH : 0;
      this.wAvail[i] = w;
      availW += w;
      workW += this.incomeRows[i * INCOME_ROW + BILLED_DAY];
    }

    // 3. the day's emission
    const cap = e.token.maxSupply * this.scale * UNITS_PER;
    const E = capped(Math.round(emissionOnDay(e.emission, day) * this.scale * UNITS_PER), this.supplyUnits(), cap);
    const A = availW > 0 ? Math.floor(E * e.emission.availabilityShare) : 0;
    const W = workW > 0 ? Math.floor(E * e.emission.workShare) : 0;
    const T = Math.floor(E * e.emission.treasuryShare);
    const O = Math.max(0, Math.floor(E * (1 - e.emission.availabilityShare - e.emission.workShare - e.emission.treasuryShare)));
    this.mint(this.a.rewards, A + W, 'emission: provider rewards');
    this.mint(host.acct.treasury, T, 'emission: treasury');
    this.mint(this.a.ecosystem, O, 'emission: ecosystem');
    if (availW > 0) this.livenessRate = A / UNITS_PER / availW;
    if (programs) this.fundPrograms(programs, day + 1);

    // 4. per provider: rewards, books, sales, stake, spot checks, exit hazard
    const alpha = 1 / e.participation.trailingDays;
    const exits: Provider[] = [];
    /** Per exit, its cause (exitCause.ts). */
    const exitWhy: number[] = [];
    const caught: Provider[] = [];
    const cells = this.cells;
    const cellDay = new Float64Array(cells.length);
    let paidA = 0;
    let paidW = 0;
    const sell = e.participation.sellShare;
    const churn = e.participation.baseChurnPerMonth;
    // a rival's offer and an outside shock (a GPU shortage), per provider type (1 outside their days);
    // the shock's factor scales churn and losses alike, so their shares of an exit's cause stay
    const rival = ARCHETYPES.map((a) => participationFactor(e.participation.competitors, a, day + 1, 'exitMultiplier'));
    const shocked = ARCHETYPES.map((a) => participationFactor(e.participation.participationShocks ?? [], a, day + 1, 'exitMultiplier'));
    const sens = e.participation.exitSensitivity;
    const q = e.slashing.detectionProb;
    for (let i = 0; i < P_.length; i++) {
      const p = P_[i];
      if (!p.active) continue;
      const b = this.books[i];
      const ra = A > 0 && this.wAvail[i] > 0 ? Math.floor((A * this.wAvail[i]) / availW) : 0;
      const ir = p.id * INCOME_ROW;
      const billed = this.incomeRows[ir + BILLED_DAY];
      const rw = W > 0 && billed > 0 ? Math.floor((W * billed) / workW) : 0;
      const r = ra + rw;
      if (r > 0) {
        L.transferUnits('token', this.a.rewards, p.account, r, 'rewards');
        paidA += ra;
        paidW += rw;
        b.rewardsTokens += r / UNITS_PER;
        const usd = (r / UNITS_PER) * P;
        b.rewardsUsd += usd;
        this.incomeRows[ir + INCOME_PERIOD] += usd;
        b.dayTokenUnits += r;
        this.counters.rewardsUsd += usd;
      }
      const rewardUsd = (r / UNITS_PER) * P;
      const incentiveUsd = programs && this.dayOn[i] > 0 ? this.payIncentive(programs, p, b, this.dayOn[i], day + 1) : 0;
      // the subsidy a provider counts on when pricing: trailing reward (and incentive pay) per online GPU-hour
      if (this.dayOn[i] > 0) {
        const c = (rewardUsd + incentiveUsd) / this.dayOn[i];
        p.rewardCreditUsdPerGpuHour = b.trailDays === 0 ? c : p.rewardCreditUsdPerGpuHour + alpha * (c - p.rewardCreditUsdPerGpuHour);
      }
      const income = this.incomeRows[ir + REVENUE_DAY] + rewardUsd + incentiveUsd;
      const cost = this.dayRun[i];
      const cash = income + this.dayCash[i];
      this.counters.costsUsd += this.dayCost[i];
      if (b.trailDays === 0) {
        b.trailIncome = income;
        b.trailCost = cost;
        b.trailCash = cash;
      } else {
        b.trailIncome += alpha * (income - b.trailIncome);
        b.trailCost += alpha * (cost - b.trailCost);
        b.trailCash += alpha * (cash - b.trailCash);
      }
      b.trailDays++;
      // cell stats for entrants (full days only): revenue USD, reward tokens, online and busy hours per GPU
      if (now - p.joinedAt >= 24) {
        const c = (p.archetype * this.nModels + p.model) * 4;
        cellDay[c] += this.incomeRows[ir + REVENUE_DAY];
        cellDay[c + 1] += r / UNITS_PER;
        cellDay[c + 2] += this.dayOn[i];
        cellDay[c + 3] += this.dayBusy[i];
      }
      // sell the archetype's share of the day's token income
      const arch = ARCHETYPES[p.archetype];
      const sellUnits = Math.floor(b.dayTokenUnits * sell[arch]);
      if (sellUnits > 0) this.sell(p.account, p.account, sellUnits, 'provider sells token income');
      b.dayTokenUnits = 0;
      this.incomeRows[ir + REVENUE_DAY] = 0;
      this.incomeRows[ir + BILLED_DAY] = 0;
      // stake back to the requirement after a slash
      if (b.stakeUnits < b.requiredUnits && !b.exiting) {
        this.topUp(p, b, true);
        this.setServe(p, b);
      }
      // spot checks of a cheater's work
      if (b.cheater && this.dayBusy[i] > 0 && q > 0) {
        const checks = (e.slashing.checksPerGpuDay * this.dayBusy[i]) / 24;
        if (this.rngCheat() < 1 - pow(1 - q, checks)) caught.push(p);
      }
      // exit hazard on the trailing running margin (after a full trailing window): the hardware is
      // sunk, so a provider stays while income covers what staying costs (short-run shutdown rule)
      const base = churn[arch] / 30;
      if (base > 0 || sens > 0) {
        const margin = b.trailDays >= e.participation.trailingDays && b.trailCost > 0 ? b.trailIncome / b.trailCost - 1 : 0;
        const losses = sens * Math.max(0, -margin);
        const h = base * (1 + losses) * rival[p.archetype] * shocked[p.archetype];
        if (h > 0) {
          const u = this.rngExit();
          if (u < h) {
            exits.push(p);
            exitWhy.push(exitCause(u, h, losses, rival[p.archetype]));
          }
        }
      }
    }
    // provider pools: any rounding remainder stays in the reward pool for tomorrow
    this.counters.availRewardUnits += paidA;
    this.counters.workRewardUnits += paidW;
    for (let c = 0; c < cells.length; c += 4) {
      // per GPU-day: divide by GPU-days, approximated by online hours / 24 for the hours and revenue
      if (cellDay[c + 2] <= 0) continue;
      const [rev, tok, on, busy] = [cellDay[c], cellDay[c + 1], cellDay[c + 2], cellDay[c + 3]];
      // store per online hour, so an entrant scales by its own online hours
      const v = [rev / on, tok / on, busy / on];
      if (cells[c + 3] === 0) {
        cells[c] = v[0];
        cells[c + 1] = v[1];
        cells[c + 2] = v[2];
        cells[c + 3] = 1;
      } else {
        cells[c] += alpha * (v[0] - cells[c]);
        cells[c + 1] += alpha * (v[1] - cells[c + 1]);
        cells[c + 2] += alpha * (v[2] - cells[c + 2]);
      }
    }

    // 5. fees: buy back and burn; staker shares. Caught cheaters and exits.
    const bb = L.balanceUnits('usd', this.a.buyback);
    if (bb > 0) {
      const tok = this.buy(this.a.buyback, this.a.tenantTokens, bb, 'fee buy-back');
      this.burn(this.a.tenantTokens, tok, 'fee buy-back burned');
    }
    this.payStakers();
    for (const p of caught) this.caughtCheating(p);
    exits.forEach((p, k) => {
      if (!p.active) return;
      this.exit(p, 'provider exit');
      const why = exitWhy[k];
      if (why === EXIT_CHURN) this.counters.exitedChurn++;
      else if (why === EXIT_LOSSES) this.counters.exitedLosses++;
      else this.counters.exitedRival++;
    });

    // 6. unlocks and what their holders sell, then price, entry
    this.vest(day + 1);
    const supply = this.supplyUnits() / UNITS_PER;
    this.price = stepPrice(this.price, e.price, day, this.netBuyUsd, supply, this.rngToken);
    this.netBuyUsd = 0;
    if (e.participation.entry) this.considerEntrants(now);

    this.checkConservation();
    this.day++;
    if (now + 24 <= this.s.horizonDays * 24) host.engine.at(now + 24, this.kEpoch, 0, 0, PRIO_EPOCH);
  }

  /**
   * Raises the USD the incentive programs pay today, after settling their claims: grants from
   * outside, treasury programs from the treasury's USD first, then its tokens sold at the day's price
   * (selling pressure on tomorrow's price, as any sale).
   */
  private fundPrograms(programs: IncentivePrograms, day: number): void {
    const L = this.host.ledger;
    const treasury = this.host.acct.treasury;
    const P = this.price.price;
    const tUsd = L.balanceUnits('usd', treasury);
    const tTok = L.balanceUnits('token', treasury);
    const need = programs.settle(day, this.treasuryUsdValue());
    const pot = this.programAcct.pot;
    const grant = Math.round(need.grantUsd * UNITS_PER);
    if (grant > 0) L.transferUnits('usd', this.programAcct.grants, pot, grant, 'incentive program grant');
    let fromTreasury = Math.round(need.treasuryUsd * UNITS_PER);
    const cash = Math.min(fromTreasury, tUsd);
    if (cash > 0) L.transferUnits('usd', treasury, pot, cash, 'treasury funds incentives');
    fromTreasury -= cash;
    if (fromTreasury > 0) this.sell(treasury, pot, Math.min(tTok, Math.ceil(fromTreasury / P)), 'treasury sells for incentives');
  }

  /** Pays provider p its incentive for `onlineGpuHours` today from the day's pot; returns the USD. */
  private payIncentive(programs: IncentivePrograms, p: Provider, b: ProviderBook, onlineGpuHours: number, day: number): number {
    const rate = programs.rateFor(p, day);
    if (!(rate > 0)) return 0;
    const L = this.host.ledger;
    const pot = this.programAcct.pot;
    const units = Math.min(Math.floor(rate * onlineGpuHours * UNITS_PER), L.balanceUnits('usd', pot));
    if (units <= 0) return 0;
    L.transferUnits('usd', pot, p.account, units, 'incentive program pay');
    const usd = units / UNITS_PER;
    b.incentiveUsd += usd;
    this.incomeRows[p.id * INCOME_ROW + INCOME_PERIOD] += usd;
    this.counters.incentiveUsd += usd;
    this.periodIncentiveUsd += usd;
    return usd;
  }

  /** What the treasury could raise now, USD: its USD and its tokens at the current price. */
  private treasuryUsdValue(): number {
    const L = this.host.ledger;
    const t = this.host.acct.treasury;
    return (L.balanceUnits('usd', t) + L.balanceUnits('token', t) * this.price.price) / UNITS_PER;
  }

  /** USD the programs paid since the last metrics sample (the counters are reset by sample(), which runs first). */
  private periodIncentiveUsd = 0;

  /** Writes the period's INCENTIVE_COLUMNS from `offset` (after sample() at the same instant); returns the next offset. */
  sampleIncentives(out: number[], offset: number): number {
    const g = this.programs;
    out[offset] = this.periodIncentiveUsd;
    out[offset + 1] = g ? g.budgetLeft(this.day) : 0;
    out[offset + 2] = g ? g.runwayDays(this.day, this.treasuryUsdValue()) : NaN;
    this.periodIncentiveUsd = 0;
    return offset + 3;
  }

  private payStakers(): void {
    const L = this.host.ledger;
    const usd = L.balanceUnits('usd', this.a.stakerPool);
    const tok = L.balanceUnits('token', this.a.stakerPool);
    if (usd <= 0 && tok <= 0) return;
    let total = 0;
    for (const p of this.host.providers) if (p.active) total += this.books[p.id].stakeUnits;
    if (total <= 0) return;
    const P = this.price.price;
    for (const p of this.host.providers) {
      if (!p.active) continue;
      const b = this.books[p.id];
      if (b.stakeUnits <= 0) continue;
      const u = Math.floor((usd * b.stakeUnits) / total);
      const t = Math.floor((tok * b.stakeUnits) / total);
      if (u > 0) L.transferUnits('usd', this.a.stakerPool, p.account, u, 'staker fee share');
      if (t > 0) {
        L.transferUnits('token', this.a.stakerPool, p.account, t, 'staker fee share');
        this.sell(p.account, p.account, Math.floor(t * this.e.participation.sellShare[ARCHETYPES[p.archetype]]), 'provider sells fee share');
      }
      const v = u / UNITS_PER + (t / UNITS_PER) * P;
      this.incomeRows[p.id * INCOME_ROW + REVENUE] += v;
      this.incomeRows[p.id * INCOME_ROW + INCOME_PERIOD] += v;
      b.trailIncome += v / this.e.participation.trailingDays;
      this.counters.revenueUsd += v;
    }
  }

  private caughtCheating(p: Provider): void {
    if (!p.active) return;
    const b = this.books[p.id];
    b.caught = true;
    this.counters.caught++;
    this.slash(p, b, b.stakeUnits * this.e.slashing.cheatSlashShare, 'misconduct slash');
    // the reputation is lost
    p.leasesFailed += p.leasesCompleted + 1;
    p.leasesCompleted = 0;
    this.host.syncSignals?.(p);
    this.cheatGpus -= p.gpus;
    b.cheater = false;
    if (this.e.slashing.banOnCatch) {
      this.exit(p, 'caught cheating');
      this.counters.exitedBanned++;
    } else {
      for (const id of this.host.leasesOn(p)) {
        const l = this.host.leases.get(id);
        // (a lease stalled by an outage fails too: what ran was not the work)
        if (l && (l.state === 'active' || l.state === 'stalled')) this.host.failLease(id, 'caught cheating');
      }
    }
  }

  /** A provider leaves: unlisted, leases failed, stake into cooldown. */
  private exit(p: Provider, reason: string): void {
    const b = this.books[p.id];
    b.exiting = true;
    p.canServe = false;
    this.host.index.update(p, false);
    this.host.removeProvider(p, reason);
    if (b.cheater) this.cheatGpus -= p.gpus;
    b.exitedDay = this.host.engine.now / 24;
    this.counters.exited++;
    if (b.stakeUnits > 0) {
      this.host.ledger.transferUnits('token', this.a.stake, this.a.unbonding, b.stakeUnits, 'unstake');
      this.unbonding.push({ at: this.host.engine.now + this.e.staking.cooldownDays * 24, pid: p.id, units: b.stakeUnits });
      b.stakeUnits = 0;
      p.stakeTokens = 0;
    }
  }

  /** Adds an entrant whose lag is over. */
  private join(draft: Provider, now: number): void {
    draft.id = this.host.providers.length;
    draft.joinedAt = now;
    this.host.addProvider(now, draft.archetype, draft);
  }

  /** Expected margin of a would-be provider from the trailing stats of its (archetype, model). */
  expectedMargin(d: Provider): number {
    const c = (d.archetype * this.nModels + d.model) * 4;
    const cells = this.cells;
    if (cells[c + 3] === 0) return NaN;
    const P = this.price.price;
    const on = Math.min(24, d.windowHours) * d.reliability;
    const busy = cells[c + 2] * on;
    const lag = this.e.participation.entryLagDays[ARCHETYPES[d.archetype]];
    const incentive = this.programs ? this.programs.expectedRate(d, this.day + 1, lag) : 0;
    const income = (cells[c] + cells[c + 1] * P + incentive) * on;
    const stakeTok = this.e.staking.baseTokensPerGpu * Math.max(1, GPU_CATALOGUE[d.model].rewardMultiplier);
    const cost =
      d.electricityUsdPerKwh * (d.idleKwPerGpu * (on - busy) + d.busyKwPerGpu * busy) +
      d.opsUsdPerGpuHour * busy +
      d.capexUsdPerGpuHour * 24 * (1 - this.e.participation.hardwareSunk[ARCHETYPES[d.archetype]]) +
      (stakeTok * P * this.e.staking.opportunityCostPerYear) / 365;
    return cost > 0 ? income / cost - 1 : NaN;
  }

  private considerEntrants(now: number): void {
    const pp = this.e.participation;
    for (let a = 0; a < ARCHETYPES.length; a++) {
      const lambda =
        ((pp.entryCandidatesPerMonth[ARCHETYPES[a]] * this.initialCount[a]) / 30) *
        participationFactor(pp.competitors, ARCHETYPES[a], this.day + 1, 'entryMultiplier') *
        participationFactor(pp.participationShocks ?? [], ARCHETYPES[a], this.day + 1, 'entryMultiplier');
      if (!(lambda > 0)) continue;
      const n = poisson(this.rngEntry, lambda)();
      for (let k = 0; k < n; k++) {
        const d = this.entryFactory.make(-1, now, a);
        const m = this.expectedMargin(d);
        if (m > pp.entryHurdle) this.pending.push({ at: now + pp.entryLagDays[ARCHETYPES[a]] * 24, draft: d });
      }
    }
  }

  /** Invariants: the ledger balances and supply = genesis + minted - burned, exactly. */
  checkConservation(): void {
    const L = this.host.ledger;
    L.assertBalanced();
    const s = this.supplyUnits();
    if (s !== this.genesisUnits + this.mintedUnits - this.burnedUnits) {
      throw new LedgerError(`token supply ${s / UNITS_PER} != genesis + minted - burned (${(this.genesisUnits + this.mintedUnits - this.burnedUnits) / UNITS_PER})`, {
        seq: L.entries,
        asset: 'token',
        from: 'token mint',
        to: 'token burn',
        amount: 0,
        memo: 'conservation check',
      });
    }
  }

  // ---------------------------------------------------------------- metrics

  /** Sums the providers' books by type for the per-type columns (typeBooks.ts). */
  private typeBooks = new TypeBooks();
  private bookSource: TypeBookSource = {
    revenueUsd: (p) => this.revenueUsd(p.id),
    rewardsUsd: (p) => this.books[p.id].rewardsUsd,
    costsUsd: (p) => {
      const b = this.books[p.id];
      return b.energyUsd + b.opsUsd + b.capexUsd + b.stakeCostUsd;
    },
    paybackMonths: (p) => paybackMonths(this.books[p.id]),
  };

  /** The period's providers' economics by type (TYPE_ECONOMY_COLUMNS) into `out` from `offset`; returns the next offset. */
  sampleTypes(out: number[], offset: number): number {
    return this.typeBooks.sample(this.host.providers, this.bookSource, out, offset);
  }

  /** Appends the economy's columns for the period ending now. */
  sample(periodHours: number, out: number[], offset: number): number {
    const host = this.host;
    const L = host.ledger;
    let n = 0;
    for (const p of host.providers) if (p.active) n++;
    const inc = new Float64Array(n);
    const pay = new Float64Array(n);
    let k = 0;
    let withHistory = 0;
    let underWater = 0;
    for (const p of host.providers) {
      if (!p.active) continue;
      const b = this.books[p.id];
      inc[k] = Math.max(0, this.incomeRows[p.id * INCOME_ROW + INCOME_PERIOD]);
      this.incomeRows[p.id * INCOME_ROW + INCOME_PERIOD] = 0;
      pay[k] = paybackMonths(b);
      // a newcomer without a day behind it is not under water, only unknown
      if (b.trailDays > 0) {
        withHistory++;
        if (!(b.trailCash > 0)) underWater++;
      }
      k++;
    }
    this.underWaterShare = withHistory > 0 ? underWater / withHistory : NaN;
    for (const p of host.providers) if (!p.active) this.incomeRows[p.id * INCOME_ROW + INCOME_PERIOD] = 0;
    const supply = this.supplyUnits();
    const incomeGini = gini(inc); // sorts inc, as concentration() needs
    this.incomeConcentration = concentration(inc);
    const o = sampleEconomy(
      this.counters,
      {
        price: this.price.price,
        supplyUnits: supply,
        supplyStartUnits: this.supplyAtSampleUnits,
        stakedUnits: L.balanceUnits('token', this.a.stake),
        treasuryUnits: L.balanceUnits('token', host.acct.treasury),
        treasuryUsdUnits: L.balanceUnits('usd', host.acct.treasury),
        paybackMedian: median(pay),
        gini: incomeGini,
        cheaterShare: host.metrics.gpusTotal > 0 ? this.cheatGpus / host.metrics.gpusTotal : NaN,
        lockedUnits: L.balanceUnits('token', this.a.locked),
      },
      periodHours,
      UNITS_PER,
      out,
      offset,
    );
    this.supplyAtSampleUnits = supply;
    this.counters.reset();
    return o;
  }
}

/** Months to recover the hardware and the stake from the trailing cash profit; Infinity if it never does. */
export function paybackMonths(b: ProviderBook): number {
  if (b.trailDays === 0 || !(b.trailCash > 0)) return Infinity;
  return (b.hardwareUsd + b.stakeBoughtUsd) / (b.trailCash * 30.4375);
}

/** True when p is online; re-exported for the report. */
export { isOnline };

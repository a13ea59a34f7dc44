/**
 * The token economy, wired into the market model's engine: the handlers that move tokens and keep
 * the providers' books. The market model calls in at the seams (a provider joins, escrow, a payment,
 * a refund, a provider goes down or comes back, a metrics sample); everything per provider runs once
 * a day, in the epoch event (epoch.ts), never per market event.
 *
 * Every movement of tokens, USD or compute credits is one ledger entry; minting and burning go
 * through mint() and burn() only (tokenMarket.ts), and each epoch asserts that the ledger balances
 * and that the supply (minus the mint account's balance, minus what the burn account holds) equals
 * the genesis supply plus everything minted minus everything burned (conservation.ts).
 *
 * This file holds the Economy's state and what runs per lease or per market event: escrow, payments
 * and refunds in each payment mode, the providers' lease income, and the downtime that can cost a
 * provider stake; the token trades they make at the current price are its base class's
 * (tokenMarket.ts). The rest has files of its own, as free functions or helpers that take the
 * Economy: the daily epoch (epoch.ts, providerDay.ts, protocolFees.ts), stake, slashes and exits
 * (providerStake.ts), entry (entrants.ts), the incentive programs' money (incentiveFunding.ts) and
 * the metric columns (economySampling.ts). Members marked @internal are there for those files, not
 * for the market model.
 *
 * Randomness: 'token' (price path), 'cheat' (who cheats, spot checks), 'exit' (exit hazards),
 * 'entry' (latent providers and their draws): one stream per concern.
 */
import { UNITS_PER } from './ledger.ts';
import { emissionOnDay } from './emissions.ts';
import { ECONOMY_COLUMNS, TOKEN_FLOAT_COLUMNS } from '../metrics/economyMetrics.ts';
import { isOnline, type Lease, type Provider } from '../model/types.ts';
import type { Rng, Streams } from '../rng/streams.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { EconomyParams } from '../scenario/economySchema.ts';
import { GPU_CATALOGUE } from '../supply/catalogue.ts';
import { UnlockSales } from './vesting.ts';
import { ReconnectCooldown } from './reconnectCooldown.ts';
import { takeRateSchedule } from './takeRate.ts';
import type { IncentivePrograms } from './incentivePrograms.ts';
import type { EconomyHost } from './economyHost.ts';
import { TokenMarket } from './tokenMarket.ts';
import { openBook, paybackMonths, type ProviderBook } from './providerBook.ts';
import { requiredStakeUnits, slash, topUp, type Unbonding } from './providerStake.ts';
import { DailyEpoch } from './epoch.ts';
import { Entrants } from './entrants.ts';
import { IncentiveFunding } from './incentiveFunding.ts';
import { EconomySampler } from './economySampling.ts';
import { assertConserved } from './conservation.ts';
import { BmeBreaker } from './bmeBreaker.ts';

export { ECONOMY_COLUMNS, TOKEN_FLOAT_COLUMNS, paybackMonths };
export type { EconomyHost, ProviderBook };

interface TokenEscrow {
  /** Token units held for the lease, and the token units per USD unit fixed at the match. */
  held: number;
  rate: number;
}

/**
 * Lease income per provider, one row of INCOME_ROW doubles by provider id, USD: every lease payment
 * adds to these, so they sit together in a typed array rather than in the provider's book (where each
 * number is a separate heap cell: a payment would touch four places in memory instead of one). The
 * layout is known only in this file (the other files go through the methods below pay()): V8 folds a
 * module's own constants, not those it imports, and pay() runs per lease.
 */
const INCOME_ROW = 4;
const BILLED_DAY = 0; // billed since the last epoch (work rewards are pro rata to it)
const REVENUE = 1; // cumulative income (tokens valued at the price when received)
const REVENUE_DAY = 2; // income since the last epoch
const INCOME_PERIOD = 3; // income since the last metrics sample

export class Economy extends TokenMarket {
  readonly e: EconomyParams;
  /** The take rate at a time (economy.takeRate and its scheduled changes). */
  private takeRate: (t: number) => number;
  readonly books: ProviderBook[] = [];
  private incomeRows = new Float64Array(0);
  /** Availability reward per (multiplier x GPU-hour) of the last epoch, tokens: the liveness slash rate. */
  livenessRate = 0;

  /** @internal The scenario's scale (the initial supply, emissions and programs' budgets are multiplied by it). */
  readonly scale: number;
  /** @internal Epochs done: the next one ends day `day + 1`. */
  day = 0;
  /** @internal GPUs of the cheaters not yet caught (the cheater share column). */
  cheatGpus = 0;
  /** @internal Exited providers' stake in its cooldown (providerStake.ts). */
  unbonding: Unbonding[] = [];
  /** @internal Tokens locked at genesis (economy.vesting), and the holders' sales of what unlocks. */
  readonly lockedUnits: number;
  readonly unlockSales: UnlockSales;
  /** @internal Spheron's reconnect cooldown on availability rewards; null when it is 0 h. */
  readonly cooldown: ReconnectCooldown | null;
  /** @internal Incentive programs and their accounts; null when the scenario has none. */
  readonly funding: IncentiveFunding | null = null;
  /** @internal Would-be providers and what they expect to earn. */
  readonly entrants: Entrants;
  /** @internal Random streams (see the file's header). */
  readonly rngToken: Rng;
  readonly rngCheat: Rng;
  readonly rngExit: Rng;

  /**
   * The burn-and-mint vault, its collateral ratio and the circuit breaker (bmeBreaker.ts): with
   * payment burnMint and settlement mints only (its threshold economy.bmeBreaker.haltRatio; without
   * it the ratio is kept for the columns and never halts); else null.
   */
  readonly bme: BmeBreaker | null;

  private tokenEscrow = new Map<number, TokenEscrow>();
  private genesis = true;
  private readonly epoch: DailyEpoch;
  private readonly sampler = new EconomySampler(this);

  constructor(host: EconomyHost, s: Scenario, streams: Streams) {
    // the token's accounts open first, and its price starts
    super(host, s.economy.token.initialPriceUsd);
    this.e = s.economy;
    this.takeRate = takeRateSchedule(s.economy);
    this.bme = s.economy.payment === 'burnMint' && s.economy.bmeProviderPay === 'mint' ? new BmeBreaker(s.economy.bmeBreaker?.haltRatio ?? 0) : null;
    this.scale = s.scale;
    const L = host.ledger;
    // only with programs: a scenario without them keeps its ledger's accounts as they were
    if (this.e.incentivePrograms?.length) this.funding = new IncentiveFunding(this.e.incentivePrograms, s.scale, L);
    this.rngToken = streams.get('token');
    this.rngCheat = streams.get('cheat');
    this.rngExit = streams.get('exit');
    this.cooldown = s.economy.emission.reconnectCooldownHours > 0 ? new ReconnectCooldown(s.economy.emission.reconnectCooldownHours) : null;
    this.entrants = new Entrants(s, streams.get('entry'));
    this.epoch = new DailyEpoch(this, s.horizonDays);
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
    this.sampler.supplyAtSampleUnits = this.supplyUnits();
    let w = 0;
    for (const p of this.host.providers) w += GPU_CATALOGUE[p.model].rewardMultiplier * p.gpus * p.windowHours * p.reliability;
    const A = emissionOnDay(this.e.emission, 0) * this.scale * this.e.emission.availabilityShare;
    this.livenessRate = w > 0 ? A / w : 0;
    if (horizonHours >= 24) this.epoch.schedule(24);
  }

  /** @internal The incentive programs, or null when the scenario has none. */
  get programs(): IncentivePrograms | null {
    return this.funding ? this.funding.programs : null;
  }

  // ---------------------------------------------------------------- providers

  /** A provider joins (initial population or entrant): its book, cheat flag and stake. Sets p.canServe. */
  onJoin(p: Provider): void {
    const cheater = this.e.slashing.cheatShare > 0 && this.rngCheat() < this.e.slashing.cheatShare;
    const b = openBook(p, cheater, requiredStakeUnits(this.e, p), this.host.usage);
    this.books[p.id] = b;
    this.growIncome(p.id + 1);
    if (b.cheater) this.cheatGpus += p.gpus;
    if (!this.genesis) this.counters.joined++;
    topUp(this, p, b, !this.genesis);
    p.canServe = b.stakeUnits >= b.requiredUnits;
    this.host.syncSignals?.(p);
  }

  /** The provider goes offline while leased GPUs are running (called before its leases fail). */
  downtimeStart(p: Provider): void {
    this.cooldown?.disconnect(p.id, this.host.engine.now);
    const mode = this.e.slashing.downtime;
    if (mode === 'none' || p.busyGpus === 0) return;
    const b = this.books[p.id];
    if (mode === 'stakeShare') {
      slash(this, p, b, b.stakeUnits * this.e.slashing.downtimeStakeShare, 'downtime slash');
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
    slash(this, p, b, tokens * UNITS_PER, 'downtime slash');
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
    this.sampler.supplyAtSampleUnits = this.supplyUnits();
  }

  /** Token base units held in escrow for the live leases (payment 'token'; 0 otherwise): what the escrow account should hold. */
  tokenEscrowUnits(): number {
    let u = 0;
    for (const te of this.tokenEscrow.values()) u += te.held;
    return u;
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
      this.bme?.minted(tok, l.escrowUnits, this.host.engine.now, this.price.price);
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
      // tokens minted for these credits: out of the burn-and-mint vault first (bmeBreaker.ts)
      let reminted = 0;
      if (this.e.bmeProviderPay === 'mint') {
        const tok = this.mint(p.account, Math.round((payUnits - fee) / P), 'settlement mint');
        this.counters.bmeMintedUnits += tok;
        reminted += tok;
        b.dayTokenUnits += tok;
        this.income(r, (tok / UNITS_PER) * P);
      }
      if (fee > 0) {
        if (fate !== 'burn') {
          const tok = this.mint(fate === 'treasury' ? this.host.acct.treasury : this.a.stakerPool, Math.round(fee / P), 'protocol fee minted');
          this.counters.bmeMintedUnits += tok;
          reminted += tok;
        }
        this.counters.feesUsd += fee / UNITS_PER;
      }
      this.bme?.spent(payUnits, reminted, this.host.engine.now, P);
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
      this.bme?.spent(units, tok, this.host.engine.now, this.price.price);
      this.sell(this.a.tenantTokens, this.host.acct.tenants, tok, 'tenant sells redemption');
    }
  }

  // ---------------------------------------------------------------- income rows

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

  /** @internal USD billed to provider pid since the last epoch (its work reward is pro rata to it). */
  billedToday(pid: number): number {
    return this.incomeRows[pid * INCOME_ROW + BILLED_DAY];
  }

  /** @internal Lease income of provider pid since the last epoch, USD. */
  leaseIncomeToday(pid: number): number {
    return this.incomeRows[pid * INCOME_ROW + REVENUE_DAY];
  }

  /** @internal The epoch is done with provider pid's day: its lease income and billing since the last epoch start again from 0. */
  closeIncomeDay(pid: number): void {
    this.incomeRows[pid * INCOME_ROW + REVENUE_DAY] = 0;
    this.incomeRows[pid * INCOME_ROW + BILLED_DAY] = 0;
  }

  /** @internal Income to provider pid other than leases and fee shares (rewards, incentive pay), USD: counts in the period's income only. */
  addPeriodIncome(pid: number, usd: number): void {
    this.incomeRows[pid * INCOME_ROW + INCOME_PERIOD] += usd;
  }

  /** @internal A staker fee share to provider pid, USD: counts in its revenue and in the period's income. */
  addRevenue(pid: number, usd: number): void {
    this.incomeRows[pid * INCOME_ROW + REVENUE] += usd;
    this.incomeRows[pid * INCOME_ROW + INCOME_PERIOD] += usd;
  }

  /** @internal Provider pid's income since the last metrics sample, USD; its next period starts from 0. */
  takePeriodIncome(pid: number): number {
    const i = pid * INCOME_ROW + INCOME_PERIOD;
    const usd = this.incomeRows[i];
    this.incomeRows[i] = 0;
    return usd;
  }

  // ---------------------------------------------------------------- entry, conservation, metrics

  /** Expected margin of a would-be provider from the trailing stats of its (archetype, model). */
  expectedMargin(d: Provider): number {
    return this.entrants.expectedMargin(d, this.price.price, this.day, this.programs);
  }

  /** Invariants: the ledger balances and supply = genesis + minted - burned, exactly. */
  checkConservation(): void {
    assertConserved(this.host.ledger, this.supplyUnits(), this.genesisUnits, this.mintedUnits, this.burnedUnits);
  }

  /** Appends the economy's columns for the period ending now. */
  sample(periodHours: number, out: number[], offset: number): number {
    return this.sampler.sample(periodHours, out, offset);
  }

  /** The period's providers' economics by type (TYPE_ECONOMY_COLUMNS) into `out` from `offset`; returns the next offset. */
  sampleTypes(out: number[], offset: number): number {
    return this.sampler.sampleTypes(out, offset);
  }

  /** Writes the period's TOKEN_FLOAT_COLUMNS from `offset` (after sample() at the same instant); returns the next offset. */
  sampleFloat(out: number[], offset: number): number {
    return this.sampler.sampleFloat(out, offset);
  }

  /** Writes the period's PROVIDER_INCOME_COLUMNS from `offset` (after sample() at the same instant); returns the next offset. */
  sampleProviderIncome(out: number[], offset: number): number {
    return this.sampler.sampleProviderIncome(out, offset);
  }

  /** Writes the period's BME_COLUMNS from `offset` (empty without burn-and-mint settlement mints); returns the next offset. */
  sampleBme(out: number[], offset: number): number {
    if (this.bme) return this.bme.sample(this.host.engine.now, this.price.price, out, offset);
    for (let i = 0; i < 4; i++) out[offset + i] = NaN;
    return offset + 4;
  }

  /** Writes the period's INCENTIVE_COLUMNS from `offset` (after sample() at the same instant); returns the next offset. */
  sampleIncentives(out: number[], offset: number): number {
    if (this.funding) return this.funding.sample(this, out, offset);
    // no programs: nothing paid, no budget, no runway
    out[offset] = 0;
    out[offset + 1] = 0;
    out[offset + 2] = NaN;
    return offset + 3;
  }
}

/** True when p is online; re-exported for the report. */
export { isOnline };

/**
 * Economy metrics: the token, the fees and the providers' economics, one row per metrics period,
 * appended after the market columns. Flows (minted, burned, fees...) are sums over the period;
 * levels (price, supply, staked...) are values at the end of the period. Definitions in the README's
 * CSV reference and in ASSUMPTIONS.md ("## Economy").
 */
import type { ColumnDef } from './table.ts';

export const ECONOMY_COLUMNS: ColumnDef[] = [
  { name: 'token_price_usd', unit: 'USD/token', description: 'Token price at the end of the period' },
  { name: 'market_cap_usd', unit: 'USD', description: 'Token price x supply at the end of the period' },
  { name: 'supply_tokens', unit: 'tokens', description: 'Total token supply at the end of the period (everything minted minus everything burned, incl. staked and treasury tokens); its change over a period equals minted_tokens - burned_tokens' },
  { name: 'minted_tokens', unit: 'tokens', description: 'Tokens minted in the period (emissions, burn-and-mint settlements and redemptions)' },
  { name: 'burned_tokens', unit: 'tokens', description: 'Tokens burned in the period (burn-and-mint top-ups, fee buy-backs, slashes)' },
  { name: 'net_inflation_annual', unit: 'share per year', description: '(minted - burned) / supply at the start of the period, annualized (x 365 days / period)' },
  { name: 'burn_mint_ratio', unit: 'ratio', description: 'burned_tokens / minted_tokens in the period (1 = burn-and-mint equilibrium); empty when nothing was minted' },
  { name: 'staked_tokens', unit: 'tokens', description: 'Tokens staked by providers at the end of the period (not counting stake in its unstaking cooldown)' },
  { name: 'stake_value_usd', unit: 'USD', description: 'staked_tokens x token price at the end of the period' },
  { name: 'slashed_tokens', unit: 'tokens', description: 'Stake slashed in the period (downtime during leases and caught cheating)' },
  { name: 'slashes', unit: 'slashes', description: 'Slashing events in the period' },
  { name: 'treasury_tokens', unit: 'tokens', description: 'Tokens held by the treasury at the end of the period' },
  { name: 'treasury_usd', unit: 'USD', description: 'USD held by the treasury at the end of the period (stablecoin fees kept)' },
  { name: 'rewards_tokens', unit: 'tokens', description: 'Emission rewards paid to providers in the period (availability + work)' },
  { name: 'availability_rewards_tokens', unit: 'tokens', description: 'Availability (liveness) rewards paid in the period' },
  { name: 'work_rewards_tokens', unit: 'tokens', description: 'Work rewards (pro rata to USD billed) paid in the period' },
  { name: 'fees_usd', unit: 'USD', description: 'Protocol fees (take rate) on lease payments settled in the period, valued at the price when taken' },
  { name: 'provider_revenue_usd', unit: 'USD', description: 'Lease income of providers in the period, net of fees, valued in USD when received (plus staker fee shares)' },
  { name: 'provider_rewards_usd', unit: 'USD', description: 'Emission rewards of providers in the period, valued at the price of the day they were paid' },
  { name: 'provider_costs_usd', unit: 'USD', description: 'Provider costs in the period: energy (idle and busy), operations, hardware amortization and the opportunity cost of stake' },
  { name: 'provider_profit_usd', unit: 'USD', description: 'provider_revenue_usd + provider_rewards_usd + incentive_paid_usd - provider_costs_usd (incentive programs paid nothing before 0.10.0)' },
  { name: 'emission_income_share', unit: 'share', description: 'Share of provider income funded by emissions: rewards / (revenue + rewards), in USD' },
  { name: 'providers_joined', unit: 'providers', description: 'Providers that joined in the period (not counting the initial population)' },
  { name: 'providers_exited', unit: 'providers', description: 'Providers that left in the period (churn, losses, banned cheaters)' },
  { name: 'payback_months_median', unit: 'months', description: 'Median over active providers of (hardware price + stake bought) / trailing monthly cash profit (income - energy - ops); inf when the median provider does not pay back' },
  { name: 'revenue_gini', unit: 'Gini', description: 'Gini coefficient of provider income (lease revenue + rewards, USD) over the period across active providers' },
  { name: 'cheater_share', unit: 'share of GPUs', description: 'Share of the network\'s GPUs held by cheating providers at the end of the period' },
  { name: 'cheaters_caught', unit: 'providers', description: 'Cheating providers caught by spot checks in the period (each slashed if it has stake, and banned or failed its leases)' },
  { name: 'token_buy_usd', unit: 'USD', description: 'USD of tokens bought in the period (tenants, stake purchases, fee buy-backs)' },
  { name: 'token_sell_usd', unit: 'USD', description: 'USD of tokens sold in the period (providers\' token income, unstaked tokens, tenants\' redemptions, unlocked tokens)' },
  { name: 'locked_tokens', unit: 'tokens', description: 'Tokens still locked for the team and investors at the end of the period (economy.vesting; part of the supply, not circulating)' },
  { name: 'unlocked_tokens', unit: 'tokens', description: 'Tokens released from the lock in the period (the cliff, then linear vesting)' },
  { name: 'unlock_sell_usd', unit: 'USD', description: 'USD of unlocked tokens their holders sold in the period (included in token_sell_usd)' },
  { name: 'providers_exited_churn', unit: 'providers', description: 'Exits in the period caused by the base churn: each exit on the hazard has one cause, drawn with that cause\'s share of its hazard (competing risks), so the four causes sum to providers_exited' },
  { name: 'providers_exited_losses', unit: 'providers', description: 'Exits caused by losses: the part of the hazard from trailing losses (economy.participation.exitSensitivity)' },
  { name: 'providers_exited_rival', unit: 'providers', description: 'Exits caused by a rival network\'s offer: the part of the hazard from economy.participation.competitors' },
  { name: 'providers_exited_banned', unit: 'providers', description: 'Cheating providers caught and banned in the period (economy.slashing.banOnCatch)' },
  { name: 'bme_burned_tokens', unit: 'tokens', description: 'Tokens tenants burned for compute credits in the period (economy.payment burnMint; 0 otherwise): the USD of each lease\'s escrow at the price when it was matched (part of burned_tokens)' },
  {
    name: 'bme_minted_tokens',
    unit: 'tokens',
    description:
      'Tokens minted for spent and unused credits in the period (burnMint: settlements to providers and fees at the price when settled, redemptions at lease end; 0 otherwise; part of minted_tokens). bme_burned_tokens - bme_minted_tokens is the burn-and-mint net burn: positive while the price rises between a lease\'s match and its settlement (AEP-76)',
  },
];

/**
 * The market's float (0.6.0), after the last column of 0.5.0 (the market by region), so every
 * earlier column keeps its place; only with the token economy.
 */
/**
 * Akash's burn-and-mint collateral ratio and its circuit breaker (economy.bmeBreaker, 0.15.0), after
 * every other column, with the economy only; empty unless leases are paid by burn-and-mint with
 * settlement mints (economy.payment burnMint, bmeProviderPay mint). See economy/bmeBreaker.ts.
 */
export const BME_COLUMNS: ColumnDef[] = [
  { name: 'bme_collateral_ratio', unit: 'ratio', description: 'At the end of the period: the USD value, at the token price then, of the tokens burned for compute credits and not yet reminted (the AEP-76 vault), over the credits outstanding in escrow; 1 while the price holds, below it when the price fell between escrow and settlement. Empty without burnMint and settlement mints, or when no credits are outstanding' },
  { name: 'bme_mint_halted_h', unit: 'h', description: 'Hours of the period in which the ratio was below economy.bmeBreaker.haltRatio: no new credits minted, so no order matched. 0 without the breaker; empty without burnMint and settlement mints' },
  { name: 'bme_breaker_trips', unit: 'count', description: 'Times in the period the ratio fell below economy.bmeBreaker.haltRatio; empty without burnMint and settlement mints' },
  { name: 'bme_credits_outstanding_usd', unit: 'USD', description: 'Compute credits in escrow at the end of the period (minted for leases, not yet spent or redeemed): what the vault backs; empty without burnMint and settlement mints' },
];

export const TOKEN_FLOAT_COLUMNS: ColumnDef[] = [
  {
    name: 'token_for_sale_tokens',
    unit: 'tokens',
    description:
      'Tokens for sale on the market at the end of the period: the outside holders\' float (the genesis supply not locked, plus every token sold to the market, less every token bought from it). No purchase takes more',
  },
  {
    name: 'token_buy_shortfall_tokens',
    unit: 'tokens',
    description:
      'Tokens buyers asked the market for in the period that it did not hold (0 unless the float ran out): a stake purchase gets what is for sale and its provider takes no leases until its stake is whole (it asks again at each day\'s end, counted again); a buy for an amount of USD (tenants, fee buy-backs) pays it all and gets every token left',
  },
];

/**
 * How the providers' income is spread (0.7.0): how concentrated, beside revenue_gini
 * (research/dashboards.md §6.2 #10: "Gini / HHI / Nakamoto over time"), and how many earn less than
 * they spend (§6.2 #8: "the % of providers under water"); after the float's columns, so every
 * earlier column keeps its place; only with the token economy.
 */
export const PROVIDER_INCOME_COLUMNS: ColumnDef[] = [
  {
    name: 'income_hhi',
    unit: 'HHI (0-1)',
    description:
      'Herfindahl-Hirschman index of provider income (lease revenue + rewards, USD) in the period across active providers: the sum of their squared shares, from 1/n (all equal) to 1 (one provider earns everything); x 10,000 for the antitrust scale (above 2,500: highly concentrated). Empty when no provider earned',
  },
  {
    name: 'income_nakamoto',
    unit: 'providers',
    description:
      'Nakamoto coefficient of provider income in the period: the fewest active providers who together earned more than half of it (the highest earners first). Empty when no provider earned',
  },
  {
    name: 'providers_under_water_share',
    unit: 'share',
    description:
      'Share of the active providers with a day or more of history whose trailing cash profit (income + rewards - energy - operations, the exponentially weighted daily figure payback_months_median divides by) is at or below 0 at the end of the period: they do not earn back their running costs, let alone the hardware',
  },
];

/**
 * Incentive programs (0.10.0: economy.incentivePrograms), after the income concentration's columns,
 * so every earlier column keeps its place; only with the token economy. 0 and empty without programs.
 */
export const INCENTIVE_COLUMNS: ColumnDef[] = [
  {
    name: 'incentive_paid_usd',
    unit: 'USD',
    description: 'USD incentive programs paid providers in the period (a rate per online GPU-hour, from a grant or the treasury); part of provider_profit_usd, not of provider_revenue_usd or provider_rewards_usd',
  },
  {
    name: 'incentive_budget_usd',
    unit: 'USD',
    description: 'USD left at the end of the period in the budgets of incentive programs not over yet (paying, or still to start); a program run dry counts 0',
  },
  {
    name: 'incentive_runway_days',
    unit: 'days',
    description:
      'Days the budgets of the programs that paid on the period\'s last day last at that day\'s spend (budget left / USD paid that day; a treasury program\'s budget no more than the treasury holds, its USD and its tokens at the day\'s price); it may exceed the days a program has left. Empty when no program paid that day',
  },
];

/** HHI and Nakamoto coefficient of incomes sorted ascending (gini() leaves them so); NaN for both when the total is not positive. */
export function concentration(sortedAsc: Float64Array): { hhi: number; nakamoto: number } {
  let total = 0;
  for (let i = 0; i < sortedAsc.length; i++) total += sortedAsc[i];
  if (!(total > 0)) return { hhi: NaN, nakamoto: NaN };
  let hhi = 0;
  for (let i = 0; i < sortedAsc.length; i++) hhi += (sortedAsc[i] / total) ** 2;
  let top = 0;
  let k = 0;
  for (let i = sortedAsc.length - 1; i >= 0 && top <= total / 2; i--) {
    top += sortedAsc[i];
    k++;
  }
  return { hhi, nakamoto: k };
}

/** Period counters of the economy, in tokens or USD (floats for reporting; the ledger keeps the exact units). */
export class EconomyCounters {
  mintedUnits = 0;
  burnedUnits = 0;
  slashedUnits = 0;
  slashes = 0;
  availRewardUnits = 0;
  workRewardUnits = 0;
  feesUsd = 0;
  revenueUsd = 0;
  rewardsUsd = 0;
  costsUsd = 0;
  joined = 0;
  exited = 0;
  caught = 0;
  buyUsd = 0;
  sellUsd = 0;
  unlockedUnits = 0;
  unlockSellUsd = 0;
  /** Exits by cause (fractional: an exit on the hazard is shared out by the parts of its hazard). */
  exitedChurn = 0;
  exitedLosses = 0;
  exitedRival = 0;
  exitedBanned = 0;
  /** Burn-and-mint flows: tokens burned for credits, tokens minted for credits spent or redeemed. */
  bmeBurnedUnits = 0;
  bmeMintedUnits = 0;
  /** USD paid to providers by incentive programs (part of their profit). */
  incentiveUsd = 0;

  reset(): void {
    this.mintedUnits = this.burnedUnits = this.slashedUnits = this.slashes = 0;
    this.availRewardUnits = this.workRewardUnits = 0;
    this.feesUsd = this.revenueUsd = this.rewardsUsd = this.costsUsd = 0;
    this.joined = this.exited = this.caught = 0;
    this.buyUsd = this.sellUsd = 0;
    this.unlockedUnits = this.unlockSellUsd = 0;
    this.exitedChurn = this.exitedLosses = this.exitedRival = this.exitedBanned = 0;
    this.bmeBurnedUnits = this.bmeMintedUnits = 0;
    this.incentiveUsd = 0;
  }
}

export interface EconomyLevels {
  price: number;
  supplyUnits: number;
  supplyStartUnits: number;
  stakedUnits: number;
  treasuryUnits: number;
  treasuryUsdUnits: number;
  paybackMedian: number;
  gini: number;
  cheaterShare: number;
  lockedUnits: number;
}

/** Writes the economy's part of a row from `offset`; returns the next offset. */
export function sampleEconomy(c: EconomyCounters, v: EconomyLevels, periodHours: number, U: number, out: number[], offset: number): number {
  let o = offset;
  const supply = v.supplyUnits / U;
  const minted = c.mintedUnits / U;
  const burned = c.burnedUnits / U;
  out[o++] = v.price;
  out[o++] = v.price * supply;
  out[o++] = supply;
  out[o++] = minted;
  out[o++] = burned;
  out[o++] = v.supplyStartUnits > 0 ? ((c.mintedUnits - c.burnedUnits) / v.supplyStartUnits) * ((365 * 24) / periodHours) : NaN;
  out[o++] = c.mintedUnits > 0 ? c.burnedUnits / c.mintedUnits : NaN;
  out[o++] = v.stakedUnits / U;
  out[o++] = (v.stakedUnits / U) * v.price;
  out[o++] = c.slashedUnits / U;
  out[o++] = c.slashes;
  out[o++] = v.treasuryUnits / U;
  out[o++] = v.treasuryUsdUnits / U;
  out[o++] = (c.availRewardUnits + c.workRewardUnits) / U;
  out[o++] = c.availRewardUnits / U;
  out[o++] = c.workRewardUnits / U;
  out[o++] = c.feesUsd;
  out[o++] = c.revenueUsd;
  out[o++] = c.rewardsUsd;
  out[o++] = c.costsUsd;
  out[o++] = c.revenueUsd + c.rewardsUsd + c.incentiveUsd - c.costsUsd;
  out[o++] = c.revenueUsd + c.rewardsUsd > 0 ? c.rewardsUsd / (c.revenueUsd + c.rewardsUsd) : NaN;
  out[o++] = c.joined;
  out[o++] = c.exited;
  out[o++] = v.paybackMedian;
  out[o++] = v.gini;
  out[o++] = v.cheaterShare;
  out[o++] = c.caught;
  out[o++] = c.buyUsd;
  out[o++] = c.sellUsd;
  out[o++] = v.lockedUnits / U;
  out[o++] = c.unlockedUnits / U;
  out[o++] = c.unlockSellUsd;
  out[o++] = c.exitedChurn;
  out[o++] = c.exitedLosses;
  out[o++] = c.exitedRival;
  out[o++] = c.exitedBanned;
  out[o++] = c.bmeBurnedUnits / U;
  out[o++] = c.bmeMintedUnits / U;
  return o;
}

/** Gini coefficient of non-negative values (sorted in place); NaN for none or an all-zero set. */
export function gini(x: Float64Array): number {
  const n = x.length;
  if (n === 0) return NaN;
  x.sort();
  let s = 0;
  let w = 0;
  for (let i = 0; i < n; i++) {
    s += x[i];
    w += (i + 1) * x[i];
  }
  if (!(s > 0)) return NaN;
  return (2 * w) / (n * s) - (n + 1) / n;
}

/** Median (sorts in place; Infinity sorts last). */
export function median(x: Float64Array): number {
  const n = x.length;
  if (n === 0) return NaN;
  x.sort();
  return n % 2 ? x[(n - 1) >> 1] : (x[n / 2 - 1] + x[n / 2]) / 2;
}

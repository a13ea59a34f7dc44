/**
 * A provider's stake over its life: what it must hold to serve, bought at join and topped up after
 * slashes (a provider short of stake is unlisted until it is whole), slashed for downtime and for
 * cheating, and at exit put into the unstaking cooldown, at whose end the provider gets it back and
 * sells it. Free functions on the Economy: joins, slashes and exits are rare events and the daily
 * epoch, never the per-lease path.
 */
import { UNITS_PER } from './ledger.ts';
import type { Provider } from '../model/types.ts';
import type { EconomyParams } from '../scenario/economySchema.ts';
import { GPU_CATALOGUE } from '../supply/catalogue.ts';
import type { Economy } from './economy.ts';
import type { ProviderBook } from './providerBook.ts';

/** An exited provider's stake in its cooldown: released to provider `pid` at hour `at`. */
export interface Unbonding {
  at: number;
  pid: number;
  units: number;
}

/** Stake provider p must hold to serve, token units: per GPU, more for the GPUs that earn more reward. */
export function requiredStakeUnits(e: EconomyParams, p: Provider): number {
  return Math.round(e.staking.baseTokensPerGpu * Math.max(1, GPU_CATALOGUE[p.model].rewardMultiplier) * p.gpus * UNITS_PER);
}

/**
 * Buys the provider's missing stake. A market without enough tokens for sale sells what it has:
 * the provider cannot serve until its stake is whole, and tries again at each day's end.
 */
export function topUp(eco: Economy, p: Provider, b: ProviderBook, pressure: boolean): void {
  const need = b.requiredUnits - b.stakeUnits;
  if (need <= 0) return;
  const got = Math.min(need, eco.forSale());
  eco.shortOf(need, got);
  if (got <= 0) return;
  const usd = eco.buyTokens(eco.a.capital, eco.a.stake, got, 'stake purchase', pressure);
  b.stakeBoughtUsd += usd / UNITS_PER;
  b.stakeUnits += got;
  p.stakeTokens = b.stakeUnits / UNITS_PER;
  eco.host.syncSignals?.(p);
}

/** Lists or unlists p as it may serve: not exiting, and its stake whole. */
export function setServe(eco: Economy, p: Provider, b: ProviderBook): void {
  const can = !b.exiting && b.stakeUnits >= b.requiredUnits;
  if (can === p.canServe) return;
  p.canServe = can;
  eco.host.relist(p);
}

/** Slashes stake from a provider; the tokens go where the scenario says. */
export function slash(eco: Economy, p: Provider, b: ProviderBook, units: number, memo: string): void {
  const u = Math.min(b.stakeUnits, Math.round(units));
  if (u <= 0) return;
  b.stakeUnits -= u;
  p.stakeTokens = b.stakeUnits / UNITS_PER;
  p.slashes++;
  b.slashedTokens += u / UNITS_PER;
  eco.counters.slashedUnits += u;
  eco.counters.slashes++;
  switch (eco.e.slashing.fate) {
    case 'burn':
      eco.burn(eco.a.stake, u, memo);
      break;
    case 'treasury':
      eco.host.ledger.transferUnits('token', eco.a.stake, eco.host.acct.treasury, u, memo);
      break;
    case 'tenant':
      // the harmed tenants receive the tokens and sell them
      eco.host.ledger.transferUnits('token', eco.a.stake, eco.a.tenantTokens, u, memo);
      eco.sell(eco.a.tenantTokens, eco.host.acct.tenants, u, 'slash compensation sold');
      break;
  }
  eco.host.syncSignals?.(p);
  setServe(eco, p, b);
}

/** A spot check caught p cheating: slashed, its reputation lost, then banned or its leases failed. */
export function caughtCheating(eco: Economy, p: Provider): void {
  if (!p.active) return;
  const b = eco.books[p.id];
  b.caught = true;
  eco.counters.caught++;
  slash(eco, p, b, b.stakeUnits * eco.e.slashing.cheatSlashShare, 'misconduct slash');
  // the reputation is lost
  p.leasesFailed += p.leasesCompleted + 1;
  p.leasesCompleted = 0;
  eco.host.syncSignals?.(p);
  eco.cheatGpus -= p.gpus;
  b.cheater = false;
  if (eco.e.slashing.banOnCatch) {
    exitProvider(eco, p, 'caught cheating');
    eco.counters.exitedBanned++;
  } else {
    for (const id of eco.host.leasesOn(p)) {
      const l = eco.host.leases.get(id);
      // (a lease stalled by an outage fails too: what ran was not the work)
      if (l && (l.state === 'active' || l.state === 'stalled')) eco.host.failLease(id, 'caught cheating');
    }
  }
}

/** A provider leaves: unlisted, leases failed, stake into cooldown. */
export function exitProvider(eco: Economy, p: Provider, reason: string): void {
  const b = eco.books[p.id];
  b.exiting = true;
  p.canServe = false;
  eco.host.index.update(p, false);
  eco.host.removeProvider(p, reason);
  if (b.cheater) eco.cheatGpus -= p.gpus;
  b.exitedDay = eco.host.engine.now / 24;
  eco.counters.exited++;
  if (b.stakeUnits > 0) {
    eco.host.ledger.transferUnits('token', eco.a.stake, eco.a.unbonding, b.stakeUnits, 'unstake');
    eco.unbonding.push({ at: eco.host.engine.now + eco.e.staking.cooldownDays * 24, pid: p.id, units: b.stakeUnits });
    b.stakeUnits = 0;
    p.stakeTokens = 0;
  }
}

/** Stake whose cooldown is over by `now` goes back to its exited provider, who sells all its tokens. */
export function releaseUnbonded(eco: Economy, now: number): void {
  if (!eco.unbonding.length) return;
  const L = eco.host.ledger;
  const keep: Unbonding[] = [];
  for (const u of eco.unbonding) {
    if (u.at > now) {
      keep.push(u);
      continue;
    }
    const p = eco.host.providers[u.pid];
    L.transferUnits('token', eco.a.unbonding, p.account, u.units, 'unstaked');
    eco.sell(p.account, p.account, L.balanceUnits('token', p.account), 'exited provider sells');
  }
  eco.unbonding = keep;
}

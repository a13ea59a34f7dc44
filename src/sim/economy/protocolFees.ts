/**
 * What the epoch does with the day's protocol fees. Payments (Economy.pay) leave the take rate's fee
 * where its fate says: with the treasury, in the staker pool, or (a fee in USD to be burned) in the
 * buy-back account; a fee in tokens to be burned is burned at once. Each day's end, the buy-back's
 * USD buys tokens on the market and burns them, and the staker pool is shared out to the active
 * providers in proportion to their stake, who sell their type's share of the tokens, as of any token
 * income.
 */
import { UNITS_PER } from './ledger.ts';
import { ARCHETYPES } from '../scenario/schema.ts';
import type { Economy } from './economy.ts';

/** Fee buy-back: the USD set aside buys tokens at the day's price, and they are burned. */
export function buyBackAndBurn(eco: Economy): void {
  const bb = eco.host.ledger.balanceUnits('usd', eco.a.buyback);
  if (bb > 0) {
    const tok = eco.buy(eco.a.buyback, eco.a.tenantTokens, bb, 'fee buy-back');
    eco.burn(eco.a.tenantTokens, tok, 'fee buy-back burned');
  }
}

/** Shares the staker pool's USD and tokens out pro rata to stake; each share is income to its provider. */
export function payStakers(eco: Economy): void {
  const L = eco.host.ledger;
  const usd = L.balanceUnits('usd', eco.a.stakerPool);
  const tok = L.balanceUnits('token', eco.a.stakerPool);
  if (usd <= 0 && tok <= 0) return;
  let total = 0;
  for (const p of eco.host.providers) if (p.active) total += eco.books[p.id].stakeUnits;
  if (total <= 0) return;
  const P = eco.price.price;
  for (const p of eco.host.providers) {
    if (!p.active) continue;
    const b = eco.books[p.id];
    if (b.stakeUnits <= 0) continue;
    const u = Math.floor((usd * b.stakeUnits) / total);
    const t = Math.floor((tok * b.stakeUnits) / total);
    if (u > 0) L.transferUnits('usd', eco.a.stakerPool, p.account, u, 'staker fee share');
    if (t > 0) {
      L.transferUnits('token', eco.a.stakerPool, p.account, t, 'staker fee share');
      eco.sell(p.account, p.account, Math.floor(t * eco.e.participation.sellShare[ARCHETYPES[p.archetype]]), 'provider sells fee share');
    }
    const v = u / UNITS_PER + (t / UNITS_PER) * P;
    eco.addRevenue(p.id, v);
    b.trailIncome += v / eco.e.participation.trailingDays;
    eco.counters.revenueUsd += v;
  }
}

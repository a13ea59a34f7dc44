/**
 * The token economy's ledger accounts, beside the core's (tenants, escrow, treasury): where tokens
 * are minted and burned, the outside market that trades them for USD, the stake and its cooldown,
 * the pools emissions and fees pass through, the tokens tenants hold on their way to escrow or to a
 * sale, the compute-credit issuer of burn-and-mint, and vesting's locked and unlocked holders.
 */
import type { Ledger } from './ledger.ts';

/** Account ids in the ledger. */
export interface EconomyAccounts {
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
}

/** Opens the accounts, always in this order (the ledger numbers them as they open). */
export function openEconomyAccounts(L: Ledger): EconomyAccounts {
  return {
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
}

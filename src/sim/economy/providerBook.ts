/**
 * A provider's economic record, kept beside the provider (same id): its stake and what it is
 * required to hold, its rewards, costs and slashes since it joined, the GPU-hours seen at the last
 * epoch, and the trailing (EWMA) daily income, running cost and cash profit its exit and the payback
 * column are decided on. Plain data: the economy's files write it, the provider report reads it.
 * (Lease income is not here: it sits in the economy's income rows, see Economy.revenueUsd.)
 */
import type { Provider } from '../model/types.ts';
import { BUSY_TOTAL, ONLINE_TOTAL, type ProviderUsage } from '../model/usage.ts';

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

/** The book of provider p as it joins: nothing earned, spent or staked yet; its GPU-hours seen so far. */
export function openBook(p: Provider, cheater: boolean, requiredUnits: number, usage: ProviderUsage): ProviderBook {
  return {
    id: p.id,
    cheater,
    caught: false,
    exiting: false,
    stakeUnits: 0,
    requiredUnits,
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
    busySeen: usage.get(p.id, BUSY_TOTAL),
    onlineSeen: usage.get(p.id, ONLINE_TOTAL),
    dayTokenUnits: 0,
    trailIncome: 0,
    trailCost: 0,
    trailCash: 0,
    trailDays: 0,
    downSince: NaN,
    downGpus: 0,
    exitedDay: NaN,
  };
}

/** Months to recover the hardware and the stake from the trailing cash profit; Infinity if it never does. */
export function paybackMonths(b: ProviderBook): number {
  if (b.trailDays === 0 || !(b.trailCash > 0)) return Infinity;
  return (b.hardwareUsd + b.stakeBoughtUsd) / (b.trailCash * 30.4375);
}

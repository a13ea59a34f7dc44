/**
 * Economy parameters: payments and fees for now; tokens, emissions, staking and slashing extend it.
 */
import { group, num } from './params.ts';

export const economySchema = group(
  {
    takeRate: num(0, 0, 0.5, { unit: 'share of GMV', doc: 'Protocol fee on lease payments (Akash post-BME 0% [V]; AEP-23 stablecoin 20% [V])' }),
  },
  'Economy: payments, fees, tokens',
);

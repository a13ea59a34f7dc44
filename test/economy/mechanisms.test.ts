/** Degenerate settings with known answers: no emissions and no fees, take rate, burn-and-mint equilibrium. */
import { describe, expect, it } from 'vitest';
import { saturated, small, runToEnd, col, sum, mean } from './fixtures.ts';
import { emissionOnDay, capped } from '../../src/sim/economy/emissions.ts';
import { shockLog } from '../../src/sim/economy/tokenPrice.ts';
import { parseScenario } from '../../src/sim/scenario/validate.ts';

describe('emission schedules', () => {
  const e = parseScenario({}).economy.emission;
  it('fixed, decay, halving and table follow their formulas', () => {
    expect(emissionOnDay({ ...e, schedule: 'none' }, 10)).toBe(0);
    expect(emissionOnDay({ ...e, schedule: 'fixed', tokensPerDay: 1000 }, 500)).toBe(1000);
    expect(emissionOnDay({ ...e, schedule: 'decay', tokensPerDay: 1000, decayPerYear: 0.2 }, 365)).toBeCloseTo(800, 9);
    const h = { ...e, schedule: 'halving' as const, tokensPerDay: 1000, halvingDays: 100 };
    expect([0, 99, 100, 199, 200].map((d) => emissionOnDay(h, d))).toEqual([1000, 1000, 500, 500, 250]);
    const t = { ...e, schedule: 'table' as const, yearlyTokens: [365, 730], tableTailFactor: 0.5 };
    expect([0, 364, 365, 730, 1095].map((d) => emissionOnDay(t, d))).toEqual([1, 1, 2, 1, 0.5]);
    expect(capped(100, 950, 1000)).toBe(50);
    expect(capped(100, 1200, 1000)).toBe(0);
  });
  it('a price shock moves the log price linearly to its level', () => {
    const sh = [{ startDay: 10, durationDays: 30, multiplier: 0.3 }];
    expect(shockLog(sh, 10)).toBe(0);
    expect(shockLog(sh, 25)).toBeCloseTo(0.5 * Math.log(0.3), 12);
    expect(Math.exp(shockLog(sh, 100))).toBeCloseTo(0.3, 12);
  });
});

describe('degenerate economies', () => {
  it('with emissions and fees off, nothing is minted or burned and supply stays at genesis', () => {
    const s = small(60, 15, { economy: { emission: { schedule: 'none' }, takeRate: 0 } });
    const run = runToEnd(s, 3);
    expect(sum(col(run, 'minted_tokens'))).toBe(0);
    expect(sum(col(run, 'burned_tokens'))).toBe(0);
    expect(sum(col(run, 'fees_usd'))).toBe(0);
    for (const v of col(run, 'supply_tokens')) expect(v).toBe(s.economy.token.initialSupply * s.scale);
    expect(sum(col(run, 'gmv_usd'))).toBeGreaterThan(0);
  });

  it('take rate k: fees are k x GMV in every period (stablecoin and burn-and-mint)', () => {
    for (const payment of ['stablecoin', 'burnMint'] as const) {
      const k = 0.2;
      const run = runToEnd(small(60, 10, { economy: { takeRate: k, payment } }), 5);
      const fees = col(run, 'fees_usd');
      const gmv = col(run, 'gmv_usd');
      for (let r = 0; r < gmv.length; r++) expect(Math.abs(fees[r] - k * gmv[r])).toBeLessThan(1e-6 * gmv[r] + 1e-3);
      expect(sum(fees)).toBeGreaterThan(0);
    }
  });

  it('burn-and-mint with constant USD demand D and fixed emission E: price -> D/E, net issuance -> 0', () => {
    // Providers are paid only by emissions (Render-style), sell everything, no drift or volatility,
    // permanent price impact, no staking, no churn: the price must settle where tenants' buying (D)
    // equals providers' selling (E x P).
    const n = 20;
    const E = 2000;
    const S0 = E / (0.02 * 0.1); // impact rate E / (depth x S) = 0.1 per day: converges in tens of days
    const s = saturated(n, 150, {
      economy: {
        payment: 'burnMint',
        bmeProviderPay: 'emissions',
        token: { initialSupply: S0, maxSupply: 1e12, initialPriceUsd: 1 },
        emission: { schedule: 'fixed', tokensPerDay: E, availabilityShare: 0, workShare: 1, treasuryShare: 0 },
        staking: { baseTokensPerGpu: 0 },
        slashing: { downtime: 'none' },
        price: { driftPerYear: 0, volatilityPerYear: 0, impact: 1, depthShareOfCap: 0.02, impactHalfLifeDays: 1e12 },
        participation: {
          sellShare: { home: 1, farm: 1, datacenter: 1, university: 1 },
          baseChurnPerMonth: { home: 0, farm: 0, datacenter: 0, university: 0 },
          exitSensitivity: 0,
          entry: false,
        },
      },
    });
    const run = runToEnd(s, 11);
    // D from the scenario: every GPU busy all day at its ask
    const D = run.model.providers.reduce((t, p) => t + p.askUsdPerGpuHour * p.gpus * 24, 0);
    const price = col(run, 'token_price_usd');
    const minted = col(run, 'minted_tokens');
    const burned = col(run, 'burned_tokens');
    const last = price.length;
    expect(mean(col(run, 'utilization'), last - 30, last)).toBeGreaterThan(0.98);
    expect(mean(price, last - 30, last)).toBeCloseTo(D / E, 1);
    expect(Math.abs(mean(price, last - 30, last) / (D / E) - 1)).toBeLessThan(0.03);
    const net = sum(minted, last - 30, last) - sum(burned, last - 30, last);
    expect(Math.abs(net) / sum(minted, last - 30, last)).toBeLessThan(0.03);
    // and it was not there at the start (the price had to move)
    expect(Math.abs(price[0] / (D / E) - 1)).toBeGreaterThan(0.2);
  });
});

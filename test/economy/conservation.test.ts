/**
 * Token conservation: the model asserts it every epoch (the run throws otherwise); here it is
 * checked from outside too, over random scenarios, on the ledger and on the CSV columns.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ARCHETYPES } from '../../src/sim/scenario/schema.ts';
import { small, runToEnd, col, sum } from './fixtures.ts';
import { tableToCsv } from '../../src/sim/metrics/csv.ts';
import { UNITS_PER } from '../../src/sim/economy/ledger.ts';

const economyArb = fc.record({
  payment: fc.constantFrom('stablecoin', 'token', 'burnMint'),
  bmeProviderPay: fc.constantFrom('mint', 'emissions'),
  takeRate: fc.double({ min: 0, max: 0.3, noNaN: true }),
  takeFate: fc.constantFrom('treasury', 'burn', 'stakers'),
  emission: fc.record({
    schedule: fc.constantFrom('none', 'fixed', 'decay', 'halving', 'table'),
    halvingDays: fc.integer({ min: 1, max: 20 }),
    availabilityShare: fc.double({ min: 0, max: 0.35, noNaN: true }),
    workShare: fc.double({ min: 0, max: 0.35, noNaN: true }), // + treasury 0.25 stays <= 1
  }),
  // a float of 0 or 10 k tokens runs dry: purchases take what is for sale (0.6.0), conservation must still hold
  token: fc.record({ maxSupply: fc.constantFrom(500e6, 500.5e6, 800e6), initialSupply: fc.constantFrom(500e6, 500e6, 1e4, 0) }),
  slashing: fc.record({
    downtime: fc.constantFrom('liveness', 'stakeShare', 'none'),
    fate: fc.constantFrom('burn', 'treasury', 'tenant'),
    cheatShare: fc.double({ min: 0, max: 0.5, noNaN: true }),
    checksPerGpuDay: fc.double({ min: 0, max: 50, noNaN: true }),
    banOnCatch: fc.boolean(),
  }),
  price: fc.record({ volatilityPerYear: fc.double({ min: 0, max: 3, noNaN: true }), impactHalfLifeDays: fc.constantFrom(1, 30, 1e12) }),
  vesting: fc.record({
    lockedShare: fc.constantFrom(0, 0.3, 0.9),
    cliffDays: fc.integer({ min: 0, max: 8 }),
    cliffShare: fc.double({ min: 0, max: 1, noNaN: true }),
    vestingDays: fc.integer({ min: 0, max: 8 }),
    sellShare: fc.double({ min: 0, max: 1, noNaN: true }),
    sellDays: fc.integer({ min: 1, max: 5 }),
  }),
});

describe('token conservation', () => {
  it('holds exactly over random scenarios: ledger balanced, supply = genesis + minted - burned, CSV consistent', () => {
    fc.assert(
      fc.property(economyArb, fc.integer({ min: 20, max: 60 }), fc.integer({ min: 3, max: 12 }), fc.integer({ min: 1, max: 1e6 }), (eco, providers, days, seed) => {
        const s = small(providers, days, { economy: eco, metrics: { periodHours: days % 2 ? 24 : 12 } });
        const run = runToEnd(s, seed);
        const economy = run.model.economy!;
        run.model.ledger.assertBalanced();
        // and the run's model checks, the escrow's in every payment mode among them
        for (const c of run.checks()) expect(c.holds, `${c.title}: ${c.detail}`).toBe(true);
        expect(economy.supplyUnits()).toBe(economy.genesisUnits + economy.mintedUnits - economy.burnedUnits);
        // on the CSV: each row's change in supply equals that row's minted - burned
        const supply = col(run, 'supply_tokens');
        const minted = col(run, 'minted_tokens');
        const burned = col(run, 'burned_tokens');
        let prev = economy.genesisUnits / UNITS_PER;
        for (let r = 0; r < supply.length; r++) {
          expect(supply[r] - prev).toBeCloseTo(minted[r] - burned[r], 5);
          prev = supply[r];
        }
        // unlocks come out of the lock, and the providers' money by type adds up to the network's, in every payment mode
        const locked = col(run, 'locked_tokens');
        const unlocked = col(run, 'unlocked_tokens');
        for (let r = 1; r < supply.length; r++) expect(locked[r - 1] - locked[r]).toBeCloseTo(unlocked[r], 5);
        // every exit has its causes, shared out: churn + losses + rival + banned = exits, every period
        const exited = col(run, 'providers_exited');
        const causes = ['churn', 'losses', 'rival', 'banned'].map((c) => col(run, `providers_exited_${c}`));
        exited.forEach((v, r) => expect(causes.reduce((acc, c) => acc + c[r], 0)).toBeCloseTo(v, 9));
        // a caught cheater is banned only when the scenario bans
        if (!eco.slashing.banOnCatch) expect(sum(causes[3])).toBe(0);
        for (const flow of ['provider_revenue_usd', 'provider_rewards_usd', 'provider_costs_usd']) {
          const total = col(run, flow);
          const typed = ARCHETYPES.map((a) => col(run, `${flow}_${a}`));
          total.forEach((v, r) => expect(typed.reduce((acc, c) => acc + c[r], 0)).toBeCloseTo(v, 4));
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('the CSV text itself shows it: sum of minted - burned equals the change of supply_tokens', () => {
    const run = runToEnd(small(60, 20, { economy: { payment: 'burnMint', takeRate: 0.05, takeFate: 'burn' } }), 7);
    const csv = tableToCsv(run.table()).trim().split('\n');
    const head = csv[0].split(',');
    const rows = csv.slice(1).map((l) => l.split(',').map(Number));
    const [iS, iM, iB] = ['supply_tokens', 'minted_tokens', 'burned_tokens'].map((n) => head.indexOf(n));
    let net = 0;
    for (let r = 1; r < rows.length; r++) net += rows[r][iM] - rows[r][iB];
    expect(rows.at(-1)![iS] - rows[0][iS]).toBeCloseTo(net, 3);
    expect(net).not.toBe(0);
  });
});

/**
 * Escrow runways (research §1.3, §8 #37-41, §9 extras "escrow exhaustion wave"): on Akash a tenant
 * deposits funds for some days of a lease, not its whole run, and tops the escrow up when it runs
 * low. A deposit that runs dry is only noticed at the provider's next withdrawal, which closes the
 * lease (InsufficientFunds); until then the provider serves unpaid. Optional: without it a tenant
 * deposits the lease's whole planned cost at the match and never runs dry (the model before 0.11.0,
 * whose runs, hashes and columns it keeps).
 */
import { z } from 'zod';
import { num } from './params.ts';

/**
 * A stretch of days when fewer tenants top up (research §9 extras: the auto-top-up probability
 * falling from 0.8 to 0.3: card payments failing, a console outage, a wave of tenants walking
 * away). Same course as a demand shock (demand/arrivals.ts shockFactor runs it).
 */
const topUpShockSchema = z.strictObject({
  startDay: z.number().min(0).max(36500).meta({ unit: 'day', description: 'Day the top-up probability starts to move' }),
  durationDays: z.number().min(0).max(36500).meta({ unit: 'days', description: 'How long it stays at full strength after the ramp (36500 for a lasting change)' }),
  rampDays: z.number().min(0).max(3650).default(0).meta({ unit: 'days', description: 'Linear ramp in and out' }),
  multiplier: z.number().min(0).max(100).meta({ unit: 'x top-up probability', description: 'Multiplier of the top-up probability at full strength (0.375 takes 0.8 to 0.3, research §9 extras [D]); the probability is capped at 1' }),
});

export const escrowSchema = z
  .strictObject({
    runwayDays: num(7, 0.01, 365, {
      unit: 'days',
      doc: "Run time one deposit pays for: the tenant deposits this many days of the lease's price and tops up when it runs out (AEP-76 example: keep 7 days of runway, research §8 #39 [V]); leases shorter than this are paid in full at the match as without runways",
    }),
    topUpProbability: num(0.8, 0, 1, {
      unit: 'probability',
      doc: 'Chance that the tenant tops the escrow up when a deposit runs out, each time anew (research §8 #39: auto-top-up probability 0.8 [D]): a lease of n runways is funded to its end with probability p^(n-1)',
    }),
    detectionLagHours: num(1, 0, 720, {
      unit: 'h',
      doc: 'The lease is closed a uniform time up to this long after its escrow runs dry, at the provider\'s next withdrawal, and meanwhile serves unpaid (helm withdrawal period 1 h, research §8 #40-41 [V])',
    }),
    topUpShocks: z.array(topUpShockSchema).max(100).optional().meta({ description: 'Scheduled moves of the top-up probability (an escrow exhaustion wave); none if omitted' }),
  })
  .optional()
  .meta({
    description:
      "Escrow runways: tenants deposit some days of a lease's price at a time and top up, or the lease closes for insufficient funds after serving unpaid until the provider's next withdrawal (Akash escrow, research §1.3). If omitted, a tenant deposits the whole planned cost at the match",
  });

export type EscrowParams = NonNullable<z.output<typeof escrowSchema>>;
export type TopUpShock = NonNullable<EscrowParams['topUpShocks']>[number];

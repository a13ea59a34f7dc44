/**
 * Economy parameters: payments and fees, the token (supply, emissions, price), staking, slashing and
 * the providers' participation economics (token sell-through, churn, entry). Every default carries
 * its source tag as in research/depin_mechanisms.md; the reasoning is in ASSUMPTIONS.md ("## Economy").
 *
 * Token quantities (initial supply, emission per day, cap) are given at scale 1 and multiplied by the
 * scenario's `scale`, like the provider count and the arrival rate, so a 10x run has the same
 * per-provider economics.
 */
import { z } from 'zod';
import { bool, choice, group, int, num } from './params.ts';
import { ARCHETYPES, REGIONS } from './names.ts';

const perArchetype = (d: { home: number; farm: number; datacenter: number; university: number }, min: number, max: number, unit: string, doc: string) =>
  group(
    {
      home: num(d.home, min, max, { unit, doc: `Home gamers. ${doc}` }),
      farm: num(d.farm, min, max, { unit, doc: `Ex-mining farms. ${doc}` }),
      datacenter: num(d.datacenter, min, max, { unit, doc: `Data centres. ${doc}` }),
      university: num(d.university, min, max, { unit, doc: `Universities. ${doc}` }),
    },
    doc,
  );

/**
 * A window of days that multiplies exits and would-be entrants of some provider types: the shape a
 * rival's offer and an outside shock share (economy/participationWindows.ts applies both); each
 * gives its own defaults and words.
 */
const participationWindow = (d: { starts: string; exit: number; exitDoc: string; entry: number; entryDoc: string; reaches: string }) =>
  z.strictObject({
    startDay: z.number().min(0).max(36500).meta({ unit: 'day', description: d.starts }),
    durationDays: z.number().min(0).max(36500).meta({ unit: 'days', description: 'How long it lasts' }),
    exitMultiplier: z.number().min(0).max(100).default(d.exit).meta({ unit: 'x exit hazard', description: d.exitDoc }),
    entryMultiplier: z.number().min(0).max(100).default(d.entry).meta({ unit: 'x entry candidates', description: d.entryDoc }),
    archetypes: z.array(z.enum(ARCHETYPES)).optional().meta({ description: d.reaches }),
  });

/** A rival network luring providers away for a while (research/dashboards.md: the "vampire competitor" preset). */
const competitor = participationWindow({
  starts: 'Day the rival\'s offer starts',
  exit: 3,
  exitDoc: 'Every provider\'s daily exit hazard (churn and losses) is multiplied by this while the offer lasts [D]',
  entry: 0.25,
  entryDoc: 'Latent providers looking at joining, multiplied by this while it lasts: they go to the rival [D]',
  reaches: 'Provider types the offer reaches (all if omitted)',
});

/**
 * An outside event that changes for a while how many latent providers join and how readily providers
 * leave, with no rival behind it: research §9 #3, a 2023-style GPU shortage (no data-centre GPUs to
 * buy, so no data-centre supply growth; owners hold on to what they have, churn halved). Exits it
 * adds or spares keep their causes (churn, losses), unlike a rival's.
 */
const participationShock = participationWindow({
  starts: 'Day the shock starts',
  exit: 1,
  exitDoc: 'The daily exit hazard (churn and losses) of the providers it reaches is multiplied by this while it lasts (a shortage: 0.5, owners hold on [D])',
  entry: 1,
  entryDoc: 'Latent providers looking at joining, multiplied by this while it lasts (a shortage: 0 for data centres, no hardware to buy [D]); entrants already waiting out their entry lag still come',
  reaches: 'Provider types it reaches (all if omitted)',
});

const priceShock = z.strictObject({
  startDay: z.number().min(0).max(36500).meta({ unit: 'day', description: 'Day the shock starts' }),
  durationDays: z.number().min(0).max(36500).default(0).meta({ unit: 'days', description: 'Days over which the price moves to the new level (log-linear); 0 is a jump' }),
  multiplier: z.number().gt(0).max(1000).meta({ unit: 'x price', description: 'Multiplier of the exogenous price path once the shock is complete (0.3 is a -70% crash); permanent' }),
  volatilityPerYear: z.number().min(0).max(10).optional().meta({ unit: '1/sqrt(year)', description: 'Volatility while the shock runs (token crash: 150%/yr, research §9 #7); omitted keeps the base volatility' }),
});

/** A change of the take rate from a given day on (research §9 #10: a fee regime switch, Akash AEP-23). */
const takeRateChange = z.strictObject({
  startDay: z.number().min(0).max(36500).meta({ unit: 'day', description: 'Day the new take rate applies from: payments settled after its start (the work from that day on) pay it' }),
  takeRate: z.number().min(0).max(0.5).meta({ unit: 'share of GMV', description: 'The take rate from that day on' }),
});

/**
 * A provider incentive program: for a stretch of days a USD budget pays the providers it reaches a
 * rate per online GPU-hour (Akash's Provider Incentives Pilot, AEP-26: $5M over ~120 days for
 * A100/H100-class GPUs [V], research §1.8; economy/incentivePrograms.ts).
 */
const incentiveProgram = z.strictObject({
  startDay: z.number().min(0).max(36500).meta({ unit: 'day', description: 'Day the program starts paying' }),
  durationDays: z.number().min(1).max(36500).meta({ unit: 'days', description: 'How long it pays, unless its budget runs out first (AEP-26: ~120 days [V])' }),
  budgetUsd: z.number().min(1).max(1e11).meta({ unit: 'USD at scale 1', description: 'What it may pay in all, x the scenario scale (AEP-26: $5M for a network of ~400 GPUs [V]); the day it runs out, the claims are paid pro rata to what is left and the program ends' }),
  usdPerGpuHour: z.number().min(0.001).max(100).meta({ unit: 'USD per online GPU-hour', description: 'Paid to a reached provider for each GPU-hour it is online, leased or not (AEP-26 liquidity-mining pool: pro rata to GPUs offered [V]; the rate [D])' }),
  minVramGb: z.number().min(0).max(1024).default(0).meta({ unit: 'GB', description: 'Only GPUs with at least this much memory (AEP-26: NVIDIA GPUs of 24 GB and more [V])' }),
  archetypes: z.array(z.enum(ARCHETYPES)).min(1).optional().meta({ description: 'Provider types reached (all if omitted)' }),
  regions: z.array(z.enum(REGIONS)).min(1).optional().meta({ description: 'Regions reached (all if omitted)' }),
  fundedBy: choice(['grant', 'treasury'] as const, 'grant', 'Where the USD comes from: grant (from outside the token economy: a community-pool vote, a foundation, no market effect) or treasury (the treasury\'s USD, then its tokens sold on the market day by day, pushing the price down; the program stops when the treasury is empty)'),
});

export const economySchema = group(
  {
    enabled: bool(true, 'Run the token economy (rewards, staking, slashing, token price, provider P&L, entry and exit). false keeps only USD payments with the take rate to the treasury: the market alone, for speed comparisons'),
    takeRate: num(0, 0, 0.5, { unit: 'share of GMV', doc: 'Protocol fee on lease payments (Akash post-BME 0% [V]; AEP-23 stablecoin 20% / AKT 4% [V]; Render 5% [V])' }),
    // Optional, not defaulted to []: a scenario without it keeps the hash it had before it existed.
    takeRateChanges: z.array(takeRateChange).max(100).optional().meta({ description: 'Scheduled changes of the take rate: from each startDay on, payments settled pay that rate (the last change whose day has come applies; takeRate before the first); none if omitted' }),
    takeFate: choice(['treasury', 'burn', 'stakers'] as const, 'treasury', 'What happens to the protocol fee: kept by the treasury, burned (USD fees buy tokens back and burn them, as io.net [S]), or paid to stakers pro rata to stake (Akash take income pool [V])'),
    payment: choice(
      ['stablecoin', 'token', 'burnMint'] as const,
      'stablecoin',
      'How leases are paid: stablecoin (USD, Akash USDC leases [V]); token (priced in USD, paid in tokens bought at the market price when the lease is matched, so its USD value drifts with the price, pre-BME Akash [V]); burnMint (tenants buy and burn tokens for USD credits when the lease is matched; providers are paid as bmeProviderPay says: Akash BME / Render BME [V])',
    ),
    bmeProviderPay: choice(['mint', 'emissions'] as const, 'mint', 'burnMint only: mint (settlement mints the USD value in tokens at the settlement price to the provider, Akash AEP-76 [V]) or emissions (providers are paid only by the work-reward share of emissions, Render RNP-001 [V])'),
    // Optional: a scenario without it keeps the hash, the run and the columns it had before it existed (0.15.0).
    bmeBreaker: z
      .strictObject({
        haltRatio: num(0.9, 0.01, 2, {
          unit: 'ratio (USD of vault tokens per USD of credits outstanding)',
          doc: "Collateral ratio below which no new compute credits are minted, so no new lease can be escrowed: Akash's halt_cr at 9000 bps (AEP-76, research §1.6 [V]). The ratio is the USD value, at the current price, of the tokens burned for credits and not yet reminted, over the credits outstanding in escrow; it is healthy (above any threshold) when no credits are outstanding",
        }),
      })
      .optional()
      .meta({
        description:
          "Burn-and-mint circuit breaker: Akash's collateral-ratio circuit breaker (AEP-76 [V]), for payment burnMint with bmeProviderPay mint only. While the ratio is below haltRatio, orders find no match (credits cannot be minted for their escrow) and wait, or leave when their patience runs out; leases already running settle as usual. The warning band (mint epochs stretched below 0.95) is not modelled. If omitted, credits are always minted",
      }),
    token: group(
      {
        initialSupply: num(500e6, 0, 1e13, { unit: 'tokens at scale 1', doc: 'Supply at day 0, held by the market (io.net 500M at launch [S]); less what vesting locks, it is the float every purchase is bought from, and no purchase takes more than the market holds; x scale at most 5e11 tokens' }),
        initialPriceUsd: num(1, 1e-6, 1e6, { unit: 'USD/token', doc: 'Price at day 0 (normalized, research §8 #70 [D]); with initialSupply x scale, a market cap at day 0 of at most 1e12 USD' }),
        maxSupply: num(800e6, 0, 1e13, { unit: 'tokens at scale 1', doc: 'Cap on total supply: emissions stop at it (burns make room again, Render net-emission cap [V]); io.net 800M [S]; the supply the emissions reach by the horizon under it, x scale, at most 5e11 tokens' }),
      },
      'Token supply',
    ),
    emission: group(
      {
        schedule: choice(['none', 'fixed', 'decay', 'halving', 'table'] as const, 'decay', 'Emission schedule: none; fixed (tokensPerDay forever); decay (tokensPerDay x (1 - decayPerYear)^years, io.net [S]); halving (tokensPerDay halves every halvingDays, Helium HIP-20 [S]); table (yearlyTokens, Render RNPs [V])'),
        tokensPerDay: num(109589, 0, 1e12, { unit: 'tokens/day at scale 1', doc: 'Emission on day 0: io.net year-1 rate 8% of 500M per year = 109,589/day [S]' }),
        decayPerYear: num(0.1145, 0, 1, { unit: 'share per year', doc: 'decay: yearly fall of the rate (io.net: x(1 - 1.3887e-5) per hour = -11.45%/yr [C])' }),
        halvingDays: num(730, 1, 36500, { unit: 'days', doc: 'halving: days between halvings (Helium HIP-20: 2 years [S])' }),
        yearlyTokens: z.array(z.number().min(0).max(1e13)).max(200).default([9126804, 5900000, 5900000]).meta({ unit: 'tokens/year at scale 1', description: 'table: tokens emitted in year 1, 2, ... (Render Y1 9.13M, Y2-3 5.9M [V])' }),
        tableTailFactor: num(0.945, 0, 2, { unit: 'x per year', doc: 'table: after the last year, each year emits this times the one before (Render growth years 0.945 [V])' }),
        availabilityShare: num(0.3, 0, 1, { unit: 'share of emission', doc: 'To providers for being online, pro rata to online GPU-hours x the GPU model\'s reward multiplier, if the day\'s uptime passes the gate (Spheron liveness, io.net block rewards [V/S]); providers 50% split 30/20 [D]' }),
        workShare: num(0.2, 0, 1, { unit: 'share of emission', doc: 'To providers pro rata to USD billed (Render job rewards [V]); the 50% provider share of research §8 #62 [D]' }),
        treasuryShare: num(0.25, 0, 1, { unit: 'share of emission', doc: 'To the treasury / foundation (research §8 #62: 25% [V/D]); the rest of the emission (1 - the three shares) goes to an ecosystem account (grants, demand rebates)' }),
        uptimeGate: num(0.75, 0, 1, { unit: 'share of the sharing window', doc: 'No availability reward for a day a provider was up for less than this share of its declared sharing window (Spheron tier 7 needs >75% [V]; Fizz 50% [V])' }),
        reconnectCooldownHours: num(0, 0, 168, { unit: 'h', doc: 'After a provider comes back online (an outage over, or its sharing window opening), its online hours earn no availability reward for this long; the uptime gate still counts them. Spheron: 3 h [V]; 0 (no cooldown) by default so every preset keeps the rewards it was calibrated with' }),
      },
      'Emissions and rewards (per daily epoch, Spheron era 24 h [V])',
    ),
    staking: group(
      {
        baseTokensPerGpu: num(200, 0, 1e9, { unit: 'tokens per GPU', doc: 'Stake a provider needs: base x max(1, reward multiplier) x GPUs (io.net [S]); bought at the market price on joining; a provider short of it takes no leases until it tops up at the next epoch. 0 disables staking' }),
        cooldownDays: num(14, 0, 365, { unit: 'days', doc: 'Unstaking cooldown after exit (io.net 14 d [S]; Akash unbonding 14 d [V])' }),
        opportunityCostPerYear: num(0.1, 0, 1, { unit: 'share per year', doc: 'Cost of the capital tied up in stake, counted in the provider\'s costs (Akash staking APR ~13.8% in 2022 [S]; 10% [D])' }),
      },
      'Provider staking',
    ),
    slashing: group(
      {
        downtime: choice(['liveness', 'stakeShare', 'none'] as const, 'liveness', 'Slash for going down during an active lease: liveness (the availability reward the leased GPUs would earn over the downtime, Spheron [V]), stakeShare (downtimeStakeShare of stake per incident), none'),
        downtimeStakeShare: num(0.01, 0, 1, { unit: 'share of stake', doc: 'stakeShare: share of stake slashed per incident [D]' }),
        fate: choice(['burn', 'treasury', 'tenant'] as const, 'burn', 'Slashed tokens are burned, go to the treasury, or go to the harmed tenants (who sell them) [D]'),
        cheatShare: num(0, 0, 1, { unit: 'share of providers', doc: 'Share of providers (initial and entering) who cheat: they claim work they do not run, saving the energy of a busy GPU (research §9 #11: 5% in the Sybil scenario [D])' }),
        checksPerGpuDay: num(1, 0, 1000, { unit: 'checks per busy GPU-day', doc: 'Spot checks of leased work (Gensyn-style verification [S]; Spheron random challenges [V]; rate [D])' }),
        detectionProb: num(0.05, 0, 1, { unit: 'probability per check', doc: 'Chance a spot check of a cheater catches it (research §8 #55: p = 0.05 [D])' }),
        cheatSlashShare: num(1, 0, 1, { unit: 'share of stake', doc: 'Stake slashed when caught cheating (Spheron misconduct: 100% [V])' }),
        banOnCatch: bool(true, 'A caught cheater is removed from the network (io.net removes devices [S]); false: it stays, deterred, and must top its stake up'),
      },
      'Slashing',
    ),
    price: group(
      {
        driftPerYear: num(0, -5, 5, { unit: 'per year (log)', doc: 'Drift of the exogenous price path (GBM) [D]' }),
        volatilityPerYear: num(1, 0, 10, { unit: '1/sqrt(year)', doc: 'Volatility of the exogenous path (research §8 #69: 100%/yr [D])' }),
        impact: num(1, 0, 100, { unit: 'log price per (net buy / depth)', doc: 'kappa: log-price move per unit of net buying relative to the day\'s depth (research §8 #69: 1 [D])' }),
        depthShareOfCap: num(0.02, 1e-6, 10, { unit: 'share of market cap per day', doc: 'Liquidity depth: USD the market absorbs in a day for a 100% (e-fold) move at impact 1 (research §8 #69: 2% of market cap [D])' }),
        impactHalfLifeDays: num(30, 0.1, 1e12, { unit: 'days', doc: 'Half-life of price impact: outside holders trade the price back toward the exogenous path (temporary impact) [D]; a huge value makes impact permanent (flow-only price)' }),
        shocks: z.array(priceShock).max(100).default([]).meta({ description: 'Scheduled moves of the exogenous path (token crash -70% over 30 days: research §9 #7)' }),
      },
      'Token price: exogenous path x endogenous pressure, updated daily',
    ),
    vesting: group(
      {
        lockedShare: num(0, 0, 0.9, { unit: 'share of initial supply', doc: 'Tokens held back at genesis for the team and investors and released on the schedule below; 0 (the baseline): none, the whole initial supply circulates from day 0 [D]' }),
        cliffDays: int(365, 0, 3650, { unit: 'days', doc: 'Nothing unlocks before this day; a 1-year cliff is the usual term for team and investor tokens [U]' }),
        cliffShare: num(0.25, 0, 1, { unit: 'share of the locked tokens', doc: 'Released at once on the cliff day (25%: a 4-year schedule with a 1-year cliff [U])' }),
        vestingDays: int(1095, 0, 3650, { unit: 'days', doc: 'The rest vests linearly, a little each day, over this many days after the cliff; 0 releases it all on the cliff day [U]' }),
        sellShare: num(0.5, 0, 1, { unit: 'share of unlocked tokens', doc: 'Share of each unlock its holders sell; they keep the rest [D]' }),
        sellDays: int(30, 1, 365, { unit: 'days', doc: 'They sell it evenly over this many days from the unlock, working the order through a thin market [D]' }),
      },
      'Vesting: tokens locked at genesis, their unlocks, and what the holders sell',
    ),
    participation: group(
      {
        sellShare: perArchetype({ home: 0.8, farm: 0.9, datacenter: 0.95, university: 0.9 }, 0, 1, 'share of token income', 'Share of token income sold the day it is received to cover costs (research §8 #71 [D])'),
        baseChurnPerMonth: perArchetype({ home: 0.1, farm: 0.07, datacenter: 0.02, university: 0.03 }, 0, 1, 'probability per month', 'Exit hazard of a provider that breaks even (research §8 #17 [U/D])'),
        exitSensitivity: num(4, 0, 100, { unit: 'x per unit of loss', doc: 'Hazard x (1 + s x max(0, -trailing margin)) (research §8 #17: 4 [U/D])' }),
        trailingDays: num(30, 1, 365, { unit: 'days', doc: 'Time constant of the trailing (exponentially weighted) income and cost a provider judges by (research §10: 30 days [D])' }),
        entryCandidatesPerMonth: perArchetype({ home: 0.2, farm: 0.14, datacenter: 0.04, university: 0.06 }, 0, 10, 'share of the initial count per month', 'Latent providers that look at joining each month; each joins if its expected margin beats the hurdle (twice the base churn, so the population holds when half of them join [D])'),
        hardwareSunk: perArchetype({ home: 1, farm: 1, datacenter: 0, university: 1 }, 0, 1, 'share of amortization ignored', 'Whether a latent provider already owns its GPUs (1) or must buy them (0): home gamers and ex-miners own their cards and universities their clusters, so they join when sharing covers the marginal cost; a data centre buys for the network and needs amortization covered too [D]'),
        entryHurdle: num(0.1, -1, 10, { unit: 'margin', doc: 'Expected margin (income / cost - 1) a latent provider needs to join [D]' }),
        entryLagDays: perArchetype({ home: 1, farm: 14, datacenter: 90, university: 60 }, 0, 730, 'days', 'From the decision to join to coming online (procurement 60-120 d for data centres, research §9 #4 [D])'),
        entry: bool(true, 'Latent providers join when the expected margin pays'),
        competitors: z.array(competitor).max(20).default([]).meta({ description: 'Rival networks luring providers away for a while: exits up, entrants down (the vampire_attack preset)' }),
        // Optional, not defaulted to []: a scenario without it keeps the hash it had before it existed.
        participationShocks: z.array(participationShock).max(100).optional().meta({ description: 'Outside events that change entry and exit for a while without a rival behind them (the gpu_shortage preset: no data-centre entrants, churn halved); none if omitted' }),
      },
      'Provider participation: token sales, exit and entry',
    ),
    // Optional, not defaulted to []: a scenario without it keeps the hash it had before it existed.
    incentivePrograms: z.array(incentiveProgram).max(20).optional().meta({ description: 'Programs that pay providers a USD rate per online GPU-hour for a stretch of days from a budget (a grant or the treasury), as Akash\'s Provider Incentives Pilot; none if omitted' }),
  },
  'Economy: payments, fees, tokens',
).refine((e) => e.emission.availabilityShare + e.emission.workShare + e.emission.treasuryShare <= 1 + 1e-9, {
  message: 'emission availabilityShare + workShare + treasuryShare must be <= 1',
  path: ['emission', 'availabilityShare'],
})
  .refine((e) => !e.bmeBreaker || (e.payment === 'burnMint' && e.bmeProviderPay === 'mint'), {
    message: "bmeBreaker needs payment 'burnMint' and bmeProviderPay 'mint' (the collateral ratio is that of credits minted against burned tokens)",
    path: ['bmeBreaker'],
  });

export type EconomyParams = z.output<typeof economySchema>;

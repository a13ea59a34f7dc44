/**
 * The scenario format: every parameter of a run, with unit, default (the baseline calibration),
 * range and the source or reason of the default. Scenario files hold only what differs from these
 * defaults. Unknown fields are errors: a typo must never be silently ignored.
 *
 * Source tags: [V] primary source, [S] secondary, [C] computed, [U] unverified estimate,
 * [D] design assumption (see research/depin_mechanisms.md and ASSUMPTIONS.md).
 */
import { z } from 'zod';
import { GPU_IDS, GPU_SEGMENTS, TIERS } from '../supply/catalogue.ts';
import { bool, choice, distribution, group, int, num, weights } from './params.ts';
import { economySchema } from './economySchema.ts';
import { escrowSchema } from './escrowSchema.ts';
import { spotSchema } from './spotSchema.ts';
import { reservedSchema } from './reservedSchema.ts';

import { ARCHETYPES, JOB_CLASSES, REGIONS } from './names.ts';

export { ARCHETYPES, JOB_CLASSES, REGIONS, type ArchetypeName, type JobClassName, type Region } from './names.ts';
export const MATCHERS = ['spheron', 'auction', 'cheapest', 'random'] as const;
export type MatcherName = (typeof MATCHERS)[number];
export const GPU_COUNTS = ['1', '2', '4', '8', '16', '32', '64'] as const;
export const VRAM_LEVELS = ['0', '8', '12', '16', '24', '32', '40', '48', '80', '141'] as const;

export const TARIFFS = ['residential', 'industrial'] as const;

/**
 * The course of a scheduled price move (cloud and electricity price shocks), the same fields as a
 * demand shock so one function (demand/arrivals.ts shockFactor) runs them all: `price` names what
 * moves, `multiplierDoc` gives an example of the multiplier.
 */
const priceShockCourse = (price: string, multiplierDoc: string) => ({
  startDay: z.number().min(0).max(36500).meta({ unit: 'day', description: `Day the ${price} starts to move` }),
  durationDays: z.number().min(0).max(36500).meta({ unit: 'days', description: 'How long it stays at full strength after the ramp (36500 for a lasting change)' }),
  rampDays: z.number().min(0).max(3650).default(0).meta({ unit: 'days', description: 'Linear ramp in and out' }),
  multiplier: z.number().min(0.01).max(100).meta({ unit: `x ${price}`, description: `Multiplier of the ${price} at full strength (${multiplierDoc})` }),
});

/**
 * A scheduled move of the electricity prices of some regions and tariffs (research §9 #12: EU
 * electricity x 2.5 for 180 days, as in the 2022 European energy crisis [U]): the providers who pay
 * them see their running costs move, day by day.
 */
const electricityShockSchema = z.strictObject({
    ...priceShockCourse('electricity price', '2.5 is the 2022 EU spike'),
    regions: z.array(z.enum(REGIONS)).min(1).optional().meta({ description: 'Regions whose prices move (all if omitted)' }),
    tariffs: z.array(z.enum(TARIFFS)).min(1).optional().meta({ description: 'Tariffs that move: residential (home, university), industrial (farms, data centres); both if omitted' }),
  });

/**
 * A stretch of days when providers of some types or regions are online less of the time (research
 * §9, optional extras: a university's GPUs taken back by its own users in term time, availability
 * 0.95 -> 0.6 for 3 months a year [D]; also a heat wave's power cuts). Each reached provider's
 * reliability (its long-run share of time up) is multiplied by `multiplier` while it lasts: its
 * spells online shorten (mean up = mean down x r / (1 - r)), the mean outage stays. A spell already
 * under way when the stretch starts or ends is stretched or shrunk by the ratio of the means, so
 * the change takes hold at once. Providers that never fail (reliability 1) are not reached.
 */
const reliabilityShockSchema = z.strictObject({
    startDay: z.number().min(0).max(36500).meta({ unit: 'day', description: 'Day the stretch starts' }),
    durationDays: z.number().min(0).max(36500).meta({ unit: 'days', description: 'How long it lasts' }),
    multiplier: z.number().min(0.01).max(1).meta({ unit: 'x reliability', description: 'Multiplier of the reached providers\' reliability (share of time up) while it lasts: 0.63 takes a university from 0.95 to 0.6 (research §9 extras [D])' }),
    archetypes: z.array(z.enum(ARCHETYPES)).min(1).optional().meta({ description: 'Provider types reached (all if omitted)' }),
    regions: z.array(z.enum(REGIONS)).min(1).optional().meta({ description: 'Regions reached (all if omitted)' }),
    repeatEveryDays: z.number().min(1).max(36500).optional().meta({ unit: 'days', description: 'Comes back every this many days from startDay (365: each year, as a university term); more than durationDays; once if omitted' }),
  });

/**
 * A wave of new providers of one type joining over a few days, on top of the economy's own entrants
 * (research §9 #2: after Ethereum's Merge, ex-mining farms flooded GPU markets within weeks).
 */
const influxSchema = z.strictObject({
    startDay: z.number().min(0).max(36500).meta({ unit: 'day', description: 'Day the first newcomer joins' }),
    durationDays: z.number().min(0).max(3650).meta({ unit: 'days', description: 'Days over which they join, evenly spaced (0: all on startDay)' }),
    providers: z.number().int().min(1).max(1_000_000).meta({ unit: 'providers at scale 1', description: 'How many join (times the scenario scale)' }),
    archetype: z.enum(ARCHETYPES).meta({ description: 'Their provider type: drawn like any provider of it (GPUs, region, costs, asks)' }),
  });

const regionElectricity = (res: number, ind: number, src: string) =>
  group(
    {
      residentialUsdPerKwh: num(res, 0, 2, { unit: 'USD/kWh', doc: `Residential electricity price (home, university providers). ${src}` }),
      industrialUsdPerKwh: num(ind, 0, 2, { unit: 'USD/kWh', doc: `Industrial electricity price (farms, data centres). ${src}` }),
    },
    'Electricity prices in this region.',
  );

interface ArchetypeDefaults {
  share: number;
  models: Record<string, number>;
  gpusPerNode: [number, number];
  nodes: [number, number];
  tariff: 'residential' | 'industrial';
  hostOverheadW: number;
  pue: number;
  onlineHoursPerDay: [number, number, number];
  reliabilityMean: number;
  reliabilityConcentration: number;
  meanDownHours: number;
  opsUsdPerGpuHour: number;
  lifeYears: number;
  targetUtilization: number;
  margin: [number, number];
  why: string;
}

function archetype(d: ArchetypeDefaults) {
  return group(
    {
      share: num(d.share, 0, 1, { unit: 'share of providers', doc: `Share of the initial providers of this archetype. ${d.why}` }),
      models: weights(d.models, GPU_IDS, { unit: 'weight by GPU model', doc: 'GPU model mix; each provider has one model (research §8 #7-10 [D])' }),
      gpusPerNodeMin: int(d.gpusPerNode[0], 1, 16, { unit: 'GPUs', doc: 'Fewest GPUs per node (rig, server) (research §8 #6 [D])' }),
      gpusPerNodeMax: int(d.gpusPerNode[1], 1, 16, { unit: 'GPUs', doc: 'Most GPUs per node' }),
      nodesMin: int(d.nodes[0], 1, 64, { unit: 'nodes', doc: 'Fewest nodes per provider; all GPUs of a provider are co-located' }),
      nodesMax: int(d.nodes[1], 1, 64, { unit: 'nodes', doc: 'Most nodes per provider (research gives 1-20 rigs for farms, 1-16 nodes for DCs; we use a smaller upper bound so one provider is one site, not a fleet [D])' }),
      tariff: choice(TARIFFS, d.tariff, 'Which electricity price of the region applies'),
      hostOverheadW: num(d.hostOverheadW, 0, 2000, { unit: 'W per provider', doc: 'Host power beyond the GPUs (research §8 #13: home +200 W per host [U/D])' }),
      pue: num(d.pue, 1, 3, { unit: 'ratio', doc: 'Power usage effectiveness multiplier (research §8 #13: farm 1.1, DC 1.35, university 1.5 [U/D])' }),
      onlineHoursMin: num(d.onlineHoursPerDay[0], 0.5, 24, { unit: 'h/day', doc: 'Shortest daily sharing window (home owners share 1-22 h/day, Salad docs [S])' }),
      onlineHoursMax: num(d.onlineHoursPerDay[1], 0.5, 24, { unit: 'h/day', doc: 'Longest daily sharing window' }),
      onlineHoursMean: num(d.onlineHoursPerDay[2], 0.5, 24, { unit: 'h/day', doc: 'Mean daily sharing window (Salad: mean ~10 h for home [S]); 24 means always on' }),
      reliabilityMean: num(d.reliabilityMean, 0.5, 1, { unit: 'share of time up', doc: 'Mean share of its sharing window a provider is up rather than failed (home 0.90-0.95 Salad [S]; DC 0.995 [D]); per-provider values are Beta-distributed around it' }),
      reliabilityConcentration: num(d.reliabilityConcentration, 1, 1e6, { unit: 'Beta a+b', doc: 'Concentration of the per-provider reliability Beta distribution (home Beta(18,1.5) -> 19.5, research §8 #14)' }),
      meanDownHours: num(d.meanDownHours, 0, 1000, { unit: 'h', doc: 'Mean length of an unplanned outage (0 disables failures; otherwise at least 0.1 h, so that outages stay events a tenant notices and their number stays bounded [D]); up intervals follow from reliability' }),
      intervalShape: num(0.7, 0.2, 5, { unit: 'Weibull shape', doc: 'Shape of up and down intervals: < 1 is heavy-tailed (SETI@home availability models [S]; 0.6-0.8 [D])' }),
      idlePowerShare: num(0.15, 0, 1, { unit: 'share of board power', doc: 'Power drawn by an online GPU that is not busy [U]' }),
      loadPowerShare: num(0.8, 0.1, 1.2, { unit: 'share of board power', doc: 'Average draw under AI load (70-90% of board power [U])' }),
      opsUsdPerGpuHour: num(d.opsUsdPerGpuHour, 0, 10, { unit: 'USD/GPU-h', doc: 'Operating cost besides power: bandwidth, colocation, staff (home $0.01 research §10 [D])' }),
      lifeYears: num(d.lifeYears, 0.5, 10, { unit: 'years', doc: 'Amortization life of the hardware (consumer 3, DC 4-5 years [U])' }),
      purchasePriceSpread: num(0.15, 0, 0.9, { unit: 'share', doc: 'Providers paid the catalogue price times U(1-s, 1+s) (street prices move a lot, research §7.1)' }),
      targetUtilization: num(d.targetUtilization, 0.05, 1, { unit: 'share', doc: 'Utilization the provider prices for: fixed costs per GPU-hour are divided by it (research §10: break-even at 50% [C])' }),
      marginMin: num(d.margin[0], -0.5, 5, { unit: 'share over cost', doc: 'Lowest margin over the full cost in the asking price' }),
      marginMax: num(d.margin[1], -0.5, 5, { unit: 'share over cost', doc: 'Highest margin; each provider draws U(min, max) (prices for one SKU spread 18-100x across providers, research §7.2 [S])' }),
    },
    `Provider archetype. ${d.why}`,
  );
}

const jobClass = (d: {
  share: number;
  gpus: Record<string, number>;
  vram: Record<string, number>;
  duration: import('./params.ts').Dist;
  maxHours: number;
  regionLocked: number;
  patience: import('./params.ts').Dist | null;
  checkpointHours: number;
  cancelShare: number;
  budget: [number, number];
  why: string;
}) =>
  group(
    {
      share: num(d.share, 0, 1, { unit: 'share of arrivals', doc: `Share of arriving jobs in this class (research §8 #21 [D]). ${d.why}` }),
      gpus: weights(d.gpus, GPU_COUNTS, { unit: 'weight by GPU count', doc: 'GPUs per job; multi-GPU jobs need them co-located on one provider (openb 2023: 86% ask one GPU [C])' }),
      minVramGb: weights(d.vram, VRAM_LEVELS, { unit: 'weight by GB', doc: 'Minimum VRAM per GPU (research §8 #31 [D])' }),
      minTier: choice(TIERS, 'entry', 'Lowest GPU price tier the tenant accepts (a hard filter, like Spheron\'s tier choice); entry accepts any'),
      durationHours: distribution(d.duration, { unit: 'h', doc: 'Planned run time at full speed (heavy-tailed: Philly median 20 min, log-normal sigma 2.2 [C])' }),
      maxDurationHours: num(d.maxHours, 0.01, 1e5, { unit: 'h', doc: 'Durations are capped here so one draw cannot dominate a year' }),
      regionLockedShare: num(d.regionLocked, 0, 1, { unit: 'share', doc: 'Share of jobs that must run in their own region (data residency, latency) [D]' }),
      patienceHours: distribution(d.patience ?? { dist: 'fixed', value: 0 }, { unit: 'h', doc: 'How long an order waits for a match before the tenant leaves for the cloud; set `unlimitedPatience` to wait forever (Akash CLI bid wait 5 min [S]; longer for batch work [D])' }),
      unlimitedPatience: bool(d.patience === null, 'Orders wait forever (queueing-theory checks)'),
      checkpointHours: num(d.checkpointHours, 0, 1000, { unit: 'h', doc: 'When a lease fails, work since the last checkpoint is lost; 0 means nothing is lost (stateless service such as inference: the remaining time is re-queued)' }),
      cancelShare: num(d.cancelShare, 0, 1, { unit: 'share of leases', doc: 'Share of leases the tenant closes early, at a uniform point of the planned time (Akash MsgCloseLease [V]; share [D])' }),
      budgetFactorMin: num(d.budget[0], 0, 100, { unit: 'x cloud price', doc: 'Lowest willingness to pay as a multiple of the cloud on-demand price of the cheapest GPU that fits (research §8 #32: U(0.5, 0.9) [D])' }),
      budgetFactorMax: num(d.budget[1], 0, 100, { unit: 'x cloud price', doc: 'Highest willingness to pay, same unit' }),
    },
    `Job class. ${d.why}`,
  );

const shockSchema = z.strictObject({
    startDay: z.number().min(0).max(36500).meta({ unit: 'day', description: 'Day the shock starts' }),
    durationDays: z.number().min(0).max(36500).meta({ unit: 'days', description: 'How long it lasts at full strength (after the ramp)' }),
    rampDays: z.number().min(0).max(3650).default(0).meta({ unit: 'days', description: 'Linear ramp in and out' }),
    multiplier: z.number().min(0).max(100).meta({ unit: 'x arrival rate', description: 'Arrival-rate multiplier at full strength' }),
    classes: z.array(z.enum(JOB_CLASSES)).optional().meta({ description: 'Job classes affected (all if omitted)' }),
  });

/**
 * A scheduled move of the centralized cloud's on-demand GPU prices, the tenants' outside option:
 * the budgets and cloud references of jobs arriving meanwhile follow it (research §9 #9: AWS cut
 * its P5 (H100) prices by up to 45% in June 2025; §9 #3: a 2023-style shortage, on-demand x 1.5),
 * and so, optionally, does their patience (the shortage's cloud had capacity for 30% of requests).
 */
const cloudPriceShockSchema = z.strictObject({
    ...priceShockCourse('cloud price', '0.55 is a 45% cut of the on-demand price'),
    segments: z.array(z.enum(GPU_SEGMENTS)).min(1).optional().meta({ description: 'GPU segments whose cloud price moves (consumer, workstation, datacenter; all if omitted)' }),
    patienceMultiplier: z.number().min(0.01).max(100).optional().meta({
      unit: 'x patience',
      description:
        'Multiplier of the patience of jobs whose cheapest cloud GPU is in the moved segments, on the same course as the price: when the cloud has no capacity to offer, tenants wait longer for the network (§9 #3: 30% availability in 2023, about 1 / 0.3 = 3 [D]); 1 if omitted',
    }),
  });

export const scenarioSchema = z.strictObject({
  $schema: z.string().optional().meta({ description: 'Path of the JSON Schema, for editors' }),
  name: z.string().min(1).max(80).default('custom').meta({ description: 'Short name of the scenario' }),
  question: z.string().max(400).default('').meta({ description: 'The question this scenario answers, in plain language' }),
  description: z.string().max(4000).default('').meta({ description: 'What it changes against the baseline and why' }),
  control: z
    .strictObject({
      name: z.string().min(1).max(80).meta({ description: 'What the control run is, in a few words (e.g. "without the pump")' }),
      set: z.record(z.string(), z.unknown()).meta({ description: 'The edits that turn this scenario into its control: path -> value, as --set path=value' }),
    })
    .optional()
    .meta({ description: 'The run this scenario is read against: the same scenario and seed with these edits (depinsim run --control; the dashboard\'s "Pin its control"). Not a model parameter: it does not change the hash' }),
  horizonDays: num(365, 1, 3650, { unit: 'days', doc: 'Simulated time' }),
  scale: num(1, 0.01, 200, { unit: 'x', doc: 'Multiplies the initial provider count and the arrival rate together (scale-out runs, benchmarks)' }),
  metrics: group(
    { periodHours: num(24, 1, 24 * 30, { unit: 'h', doc: 'Length of one metrics period (one CSV row)' }) },
    'Metric sampling',
  ),
  supply: group(
    {
      providers: int(2000, 0, 10_000_000, { unit: 'providers', doc: 'Initial providers at scale 1 (research §8: baseline N = 2,000 [D])' }),
      regions: weights({ na: 0.35, eu: 0.3, asia: 0.25, other: 0.1 }, REGIONS, { unit: 'weight by region', doc: 'Where providers are (research §8 #11 [D])' }),
      electricity: group(
        {
          na: regionElectricity(0.14, 0.08, 'North America: residential 0.139 GlobalPetrolPrices Q2 2025 [S]; industrial 0.06-0.09 EIA 2023 [S]'),
          eu: regionElectricity(0.245, 0.2, 'Europe 0.245 / 0.204 GlobalPetrolPrices Q2 2025 [S]'),
          asia: regionElectricity(0.084, 0.107, 'Asia 0.084 / 0.107 GlobalPetrolPrices Q2 2025 [S]'),
          other: regionElectricity(0.18, 0.16, 'South America and Africa blended: 0.206/0.200 and 0.127/0.123 [S]'),
        },
        'Electricity prices by region',
      ),
      // Optional, not defaulted to []: a scenario without it keeps the hash it had before it existed.
      influxes: z.array(influxSchema).max(100).optional().meta({ description: 'Waves of new providers of one type joining over a few days, beyond the economy\'s own entrants (none if omitted)' }),
      electricityShocks: z.array(electricityShockSchema).max(100).optional().meta({ description: 'Scheduled moves of the electricity prices, by region and tariff: providers\' running costs follow them day by day (none if omitted)' }),
      reliabilityShocks: z.array(reliabilityShockSchema).max(100).optional().meta({ description: 'Stretches of days when providers of some types or regions are online less of the time, once or every year (university terms); none if omitted' }),
      archetypes: group(
        {
          home: archetype({
            share: 0.55, models: { rtx3060: 15, rtx3080: 15, rtx3090: 20, rtx4070: 10, rtx4080: 10, rtx4090: 25, rtx5090: 5 },
            gpusPerNode: [1, 2], nodes: [1, 1], tariff: 'residential', hostOverheadW: 200, pue: 1,
            onlineHoursPerDay: [1, 22, 10], reliabilityMean: 0.923, reliabilityConcentration: 19.5, meanDownHours: 4,
            opsUsdPerGpuHour: 0.01, lifeYears: 3, targetUtilization: 0.5, margin: [0.1, 0.5],
            why: 'Home gamers: 1-2 consumer cards shared part of the day (research §8 #5-7, #14-15).',
          }),
          farm: archetype({
            share: 0.15, models: { rtx3060: 35, rtx3070: 25, rtx3080: 25, rtx3090: 15 },
            gpusPerNode: [6, 8], nodes: [1, 4], tariff: 'industrial', hostOverheadW: 300, pue: 1.1,
            onlineHoursPerDay: [24, 24, 24], reliabilityMean: 0.97, reliabilityConcentration: 100, meanDownHours: 6,
            opsUsdPerGpuHour: 0.02, lifeYears: 3, targetUtilization: 0.5, margin: [0.05, 0.3],
            why: 'Ex-mining farms: rigs of 6-8 older consumer cards, always on (research §8 #6, #8).',
          }),
          datacenter: archetype({
            share: 0.2, models: { h100: 40, a100_80: 25, l40s: 15, h200: 10, a100_40: 10 },
            gpusPerNode: [8, 8], nodes: [1, 6], tariff: 'industrial', hostOverheadW: 0, pue: 1.35,
            onlineHoursPerDay: [24, 24, 24], reliabilityMean: 0.995, reliabilityConcentration: 400, meanDownHours: 3,
            opsUsdPerGpuHour: 0.1, lifeYears: 5, targetUtilization: 0.6, margin: [0.1, 0.4],
            why: 'Tier-2/3 data centres with 8-GPU nodes (research §8 #6, #9).',
          }),
          university: archetype({
            share: 0.1, models: { a100_40: 40, rtxa6000: 30, v100: 15, rtxa4000: 15 },
            gpusPerNode: [4, 8], nodes: [1, 4], tariff: 'residential', hostOverheadW: 0, pue: 1.5,
            onlineHoursPerDay: [24, 24, 24], reliabilityMean: 0.95, reliabilityConcentration: 60, meanDownHours: 8,
            opsUsdPerGpuHour: 0.05, lifeYears: 5, targetUtilization: 0.4, margin: [0, 0.3],
            why: 'University clusters renting spare capacity (research §8 #6, #10).',
          }),
        },
        'Provider archetypes',
      ),
      priceAdjustPerDay: num(0.03, 0, 0.5, { unit: 'share per day', doc: 'Each day a provider above its target utilization raises its ask by this share and one below lowers it, never below the cost of a GPU-hour at full utilization (running cost + amortization) [D]; 0 keeps list prices fixed' }),
      priceAdjustBand: num(0.1, 0, 1, { unit: 'utilization', doc: 'Dead band around the target utilization inside which the ask stays [D]' }),
    },
    'Supply: the provider population',
  ),
  demand: group(
    {
      baseRateJobsPerHour: num(120, 0, 1e6, { unit: 'jobs/h', doc: 'Mean arrival rate at scale 1, before trend, daily cycle and shocks; calibrated so the baseline runs near 60% GPU utilization (Akash 50-70% [S], research §8 #30)' }),
      trendGrowthPerYear: num(0.2, -0.99, 100, { unit: 'share per year', doc: 'Exponential growth of the arrival rate [D]' }),
      diurnalAmplitude: num(0.6, 0, 1, { unit: 'share', doc: 'Daily cycle: rate x (1 + a sin(2 pi (h - peak + 6)/24)); 0.6 gives ~4:1 peak:trough (openb 2023 [C])' }),
      diurnalPeakHour: num(12, 0, 24, { unit: 'h of day (UTC)', doc: 'Hour of the daily peak' }),
      warmStart: bool(false, 'Start the market in its steady state instead of empty (the bundled presets do): at t = 0, the jobs that arrived at the t = 0 rate over the past (up to 90 days) and would still be running are placed as leases, so long inference leases do not make the first weeks a ramp-up. They are not counted as arrivals, starts or waits [D]'),
      // Optional, not defaulted: a scenario without them keeps the hash it had before they existed (0.7.0).
      levelVolatility: z.number().min(0).max(2).optional().meta({
        unit: 'sd of ln(demand level)',
        description:
          'Random day-to-day swings of the demand level, apart from the trend, daily cycle and shocks: the arrival rate is multiplied each day by exp(X - var/2), X a mean-reverting AR(1) walk starting at 0 whose spread settles at this standard deviation (0.3: once settled, about two days in three between 0.71x and 1.3x the expected rate), so the expected rate is unchanged and Monte Carlo runs differ in their demand path, not only in Poisson noise (research/dashboards.md: demand growth and volatility). 0 if omitted: steady demand [D]',
      }),
      levelHalfLifeDays: z.number().min(1).max(3650).optional().meta({
        unit: 'days',
        description: 'How long a swing of the demand level takes to fade by half (the walk\'s mean reversion: phi = 2^(-1/half-life) a day); 30 if omitted [D]',
      }),
      burstMeanJobs: num(1, 1, 500, { unit: 'jobs per arrival', doc: 'Jobs arrive in geometric batches with this mean, batches that many times rarer, so the mean job rate stays the base rate: the gaps between jobs vary by sqrt(2m - 1) (openb 2023 pods: 21, reached with the daily cycle at about m = 180, the bursty_demand preset [C]); 1 gives a plain Poisson process' }),
      regions: weights({ na: 0.45, eu: 0.3, asia: 0.2, other: 0.05 }, REGIONS, { unit: 'weight by region', doc: 'Where tenants are [D]' }),
      shocks: z.array(shockSchema).max(100).default([]).meta({ description: 'Scheduled demand shocks' }),
      // Optional, not defaulted to []: a scenario without it keeps the hash it had before it existed.
      cloudPriceShocks: z.array(cloudPriceShockSchema).max(100).optional().meta({ description: 'Scheduled moves of the cloud on-demand GPU prices (the tenants\' outside option): a job\'s budget and cloud reference are set from the prices when it arrives (none if omitted)' }),
      classes: group(
        {
          inference: jobClass({
            share: 0.45, gpus: { '1': 90, '2': 6, '4': 4 }, vram: { '8': 30, '16': 25, '24': 25, '48': 10, '80': 10 },
            duration: { dist: 'lognormal', median: 72, sigma: 1.5 }, maxHours: 2160, regionLocked: 0.3,
            patience: { dist: 'exponential', mean: 1 }, checkpointHours: 0, cancelShare: 0.1, budget: [0.5, 0.9],
            why: 'Long-lived inference endpoints (median lease 3 days here; research #27 gives 7 days for Akash-style leases [D]).',
          }),
          finetune: jobClass({
            share: 0.2, gpus: { '1': 70, '2': 15, '4': 10, '8': 5 }, vram: { '24': 40, '48': 30, '80': 30 },
            duration: { dist: 'lognormal', median: 3, sigma: 1.2 }, maxHours: 720, regionLocked: 0.05,
            patience: { dist: 'exponential', mean: 6 }, checkpointHours: 1, cancelShare: 0.02, budget: [0.5, 0.9],
            why: 'Fine-tuning runs (research #25: median 3 h, sigma 1.2 [D]).',
          }),
          training: jobClass({
            share: 0.07, gpus: { '1': 20, '2': 15, '4': 20, '8': 35, '16': 7, '32': 3 }, vram: { '40': 30, '80': 70 },
            duration: { dist: 'lognormal', median: 24, sigma: 1.5 }, maxHours: 2160, regionLocked: 0.1,
            patience: { dist: 'exponential', mean: 24 }, checkpointHours: 1, cancelShare: 0.02, budget: [0.5, 0.9],
            why: 'Training runs (research #26: median 24 h, sigma 1.5; checkpoint hourly [D]).',
          }),
          rendering: jobClass({
            share: 0.18, gpus: { '1': 60, '2': 20, '4': 20 }, vram: { '8': 50, '12': 30, '24': 20 },
            duration: { dist: 'lognormal', median: 1, sigma: 1.2 }, maxHours: 240, regionLocked: 0.05,
            patience: { dist: 'exponential', mean: 4 }, checkpointHours: 0.1, cancelShare: 0.02, budget: [0.5, 0.9],
            why: 'Render batches, frame-level checkpoints (research #28 [D]).',
          }),
          transcoding: jobClass({
            share: 0.1, gpus: { '1': 100 }, vram: { '8': 100 },
            duration: { dist: 'lognormal', median: 0.33, sigma: 2.2 }, maxHours: 240, regionLocked: 0.05,
            patience: { dist: 'exponential', mean: 2 }, checkpointHours: 0, cancelShare: 0.02, budget: [0.5, 0.9],
            why: 'Short batch jobs with the Philly runtime shape: median 20 min, sigma 2.2 [C].',
          }),
        },
        'Job classes',
      ),
    },
    'Demand: jobs arriving',
  ),
  market: group(
    {
      matcher: choice(MATCHERS, 'spheron', 'Matching policy: spheron (multi-criteria score), auction (Akash reverse auction), cheapest, random'),
      weights: group(
        {
          region: num(0.1, 0, 10, { unit: 'weight', doc: 'Prefer providers in the tenant\'s region (Spheron criteria [V]; weights research §2.2 [D])' }),
          price: num(0.35, 0, 10, { unit: 'weight', doc: 'Prefer asks further below the budget: (budget - ask)/budget' }),
          uptime: num(0.2, 0, 10, { unit: 'weight', doc: 'Prefer providers with higher observed uptime' }),
          reputation: num(0.15, 0, 10, { unit: 'weight', doc: 'Prefer providers with a better record of completed leases' }),
          availability: num(0.05, 0, 10, { unit: 'weight', doc: 'Prefer providers with more free GPUs (share of their GPUs free)' }),
          slashes: num(0.05, 0, 10, { unit: 'weight', doc: 'Penalize providers with slashes on record: min(1, slashes/3)' }),
          stake: num(0.15, 0, 10, { unit: 'weight', doc: 'Prefer providers with more stake (relative to the largest candidate)' }),
          randomness: num(0.05, 0, 10, { unit: 'weight', doc: 'Uniform random term, so near-ties are broken at random' }),
        },
        'Weights of the spheron scorer; each term is normalized to [0, 1]',
      ),
      auctionMaxBids: int(20, 1, 500, { unit: 'bids', doc: 'Bids an order collects (Akash OrderMaxBids 20 [V])' }),
      auctionBidNoise: num(0.1, 0, 1, { unit: 'share', doc: 'Each bid is the ask times U(1, 1 + noise) (research §10 [D])' }),
      auctionMinReputation: num(0.5, 0, 1, { unit: 'reputation', doc: 'Tenants who filter on reputation take the cheapest bid at or above this' }),
      auctionReputationFilterShare: num(0.7, 0, 1, { unit: 'share of tenants', doc: 'Share of tenants who filter on audited/reputable providers (research §10: 0.7 [D])' }),
      candidateSample: int(32, 1, 100000, { unit: 'providers', doc: 'Candidates the matcher scores per order: a random sample of the eligible set (32 loses ~3% of score against exhaustive search, research/perf.md §4 [C])' }),
      queueScanDepth: int(256, 1, 1e6, { unit: 'orders', doc: 'When capacity frees, how deep into the FCFS queue the matcher looks for an order the provider can serve (backfill window) [D]' }),
      setupHours: num(0.05, 0, 24, { unit: 'h', doc: 'From match to running: image pull and start (minutes on Akash/Spheron [D])' }),
      outageGraceHours: num(2, 0, 48, {
        unit: 'h',
        doc: 'How long a running lease waits for its provider to come back from an outage before it fails and its work is re-ordered; back in time, it resumes where it stopped (Akash provider monitor: retries ~2 h, then closes the lease as Unstable, research §8 #42 [V]). 0: leases fail the moment their provider goes down',
      }),
      escrow: escrowSchema,
      spot: spotSchema,
      reserved: reservedSchema,
    },
    'Market: matching and leases',
  ),
  economy: economySchema,
});

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.output<typeof scenarioSchema>;
export type ArchetypeParams = Scenario['supply']['archetypes']['home'];
export type JobClassParams = Scenario['demand']['classes']['inference'];
export type Shock = Scenario['demand']['shocks'][number];
export type ElectricityShock = NonNullable<Scenario['supply']['electricityShocks']>[number];
export type CloudPriceShock = NonNullable<Scenario['demand']['cloudPriceShocks']>[number];

/**
 * Property tests over random small scenarios (random provider mixes, budgets, VRAM needs, region
 * locks, multi-GPU jobs, failures, churn, all four matchers): no lease ever breaks a hard filter, and
 * the matcher's index only ever lists providers that can take work, with the signals table agreeing
 * with the provider records.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { createRun, type LeaseRow, type Run } from '../../../src/sim/run.ts';
import { parseScenario } from '../../../src/sim/scenario/validate.ts';
import { GPU_CATALOGUE, GPU_IDS } from '../../../src/sim/supply/catalogue.ts';
import { isOnline, type Provider } from '../../../src/sim/model/types.ts';
import { levelOf, LEVELS } from '../../../src/sim/market/providerIndex.ts';
import type { SortedList } from '../../../src/sim/market/sortedList.ts';
import { ASK, FREE, GPUS, REGION, REPUTATION, SLASHES, STAKE } from '../../../src/sim/market/signals.ts';
import { GPU_COUNTS, MATCHERS, REGIONS, VRAM_LEVELS } from '../../../src/sim/scenario/schema.ts';

const VRAM_OF = new Map(GPU_CATALOGUE.map((g) => [g.id, g.vramGb]));

/** Random weights over a subset of keys (at least one positive). */
const weightsOver = (keys: readonly string[], maxKeys = keys.length) =>
  fc
    .uniqueArray(fc.constantFrom(...keys), { minLength: 1, maxLength: maxKeys })
    .chain((ks) => fc.tuple(...ks.map(() => fc.integer({ min: 1, max: 10 }))).map((ws) => Object.fromEntries(ks.map((k, i) => [k, ws[i]]))));

const jobClassArb = fc.record({
  share: fc.double({ min: 0, max: 1, noNaN: true }),
  gpus: weightsOver(GPU_COUNTS.slice(0, 5), 3),
  minVramGb: weightsOver(VRAM_LEVELS, 3),
  regionLockedShare: fc.constantFrom(0, 0.5, 1),
  cancelShare: fc.constantFrom(0, 0.2),
  budgetFactorMin: fc.double({ min: 0.1, max: 2, noNaN: true }),
  budgetSpread: fc.double({ min: 0, max: 2, noNaN: true }),
  checkpointHours: fc.constantFrom(0, 0.5),
});

const archetypeArb = fc.record({
  share: fc.double({ min: 0, max: 1, noNaN: true }),
  models: weightsOver(GPU_IDS, 3),
  nodesMax: fc.integer({ min: 1, max: 3 }),
});

const scenarioArb = fc.record({
  providers: fc.integer({ min: 3, max: 40 }),
  archetypes: fc.tuple(archetypeArb, archetypeArb, archetypeArb, archetypeArb),
  classes: fc.tuple(jobClassArb, jobClassArb, jobClassArb),
  rate: fc.double({ min: 5, max: 60, noNaN: true }),
  matcher: fc.constantFrom(...MATCHERS),
  days: fc.integer({ min: 2, max: 4 }),
  cheatShare: fc.constantFrom(0, 0.3),
  outageGraceHours: fc.constantFrom(0, 0.5, 2),
  // spot leases: none, preempted without notice, or with a notice and added spot demand of some classes
  spot: fc.constantFrom(undefined, { share: 0.5, noticeMinutes: 0 }, { share: 0.3, noticeMinutes: 10, addedDemand: 0.4, classes: ['training', 'rendering'] }),
  // reservations: none, or all the inference GPU-hours booked for a month (they must land on always-on providers)
  reserved: fc.constantFrom(undefined, { share: 1, classes: ['inference'], minTermMonths: 1, maxTermMonths: 1, patienceHours: 24 }),
  seed: fc.integer({ min: 0, max: 1e6 }),
  cuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }),
});

type Arb = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function toRaw(a: Arb): Record<string, unknown> {
  const names = ['home', 'farm', 'datacenter', 'university'];
  const archetypes: Record<string, unknown> = {};
  a.archetypes.forEach((x, i) => {
    archetypes[names[i]] = { share: i === 0 ? Math.max(x.share, 0.05) : x.share, models: x.models, nodesMin: 1, nodesMax: x.nodesMax };
  });
  const classNames = ['inference', 'training', 'rendering'];
  const classes: Record<string, unknown> = { finetune: { share: 0 }, transcoding: { share: 0 } };
  a.classes.forEach((c, i) => {
    classes[classNames[i]] = {
      share: i === 0 ? Math.max(c.share, 0.05) : c.share,
      gpus: c.gpus,
      minVramGb: c.minVramGb,
      regionLockedShare: c.regionLockedShare,
      cancelShare: c.cancelShare,
      budgetFactorMin: c.budgetFactorMin,
      budgetFactorMax: c.budgetFactorMin + c.budgetSpread,
      checkpointHours: c.checkpointHours,
      // short jobs, so leases start and end inside a few days
      durationHours: { dist: 'lognormal', median: 2, sigma: 1 },
      maxDurationHours: 48,
      // with reservations, inference runs for days, so that its tenants' reservations (one per month of work taken over) are many
      ...(a.reserved && i === 0 ? { durationHours: { dist: 'lognormal', median: 48, sigma: 1 }, maxDurationHours: 500 } : {}),
    };
  });
  return {
    horizonDays: a.days,
    metrics: { periodHours: 12 },
    supply: { providers: a.providers, archetypes },
    demand: { baseRateJobsPerHour: a.rate, classes },
    market: { matcher: a.matcher, candidateSample: 8, outageGraceHours: a.outageGraceHours, ...(a.spot ? { spot: a.spot } : {}), ...(a.reserved ? { reserved: a.reserved } : {}) },
    economy: { slashing: { cheatShare: a.cheatShare, checksPerGpuDay: 20, detectionProb: 0.5 } },
  };
}

/** The index and the signals table agree with the provider records. */
function checkIndex(run: Run): void {
  const m = run.model;
  const P: Provider[] = m.providers;
  const idx = m.index;
  const listedIn = new Map<number, number>();
  idx.any.forEach((list, k) => {
    let prev = -Infinity;
    let prevId = -1;
    for (const id of list.toArray()) {
      const p = P[id];
      expect(listedIn.has(id), `provider ${id} listed twice`).toBe(false);
      listedIn.set(id, k);
      expect(p.bucket, `provider ${id} in list ${k} but bucket ${p.bucket}`).toBe(k);
      expect(p.active && isOnline(p), `offline or exited provider ${id} is listed (t=${run.now()})`).toBe(true);
      expect(p.gpusFree, `provider ${id} listed with no free GPU`).toBeGreaterThan(0);
      // sorted by (ask, id)
      expect(p.askUsdPerGpuHour > prev || (p.askUsdPerGpuHour === prev && id > prevId), `list ${k} not sorted`).toBe(true);
      prev = p.askUsdPerGpuHour;
      prevId = id;
    }
  });
  // the first and last asks kept beside each list (the affordability shortcut) match the list
  const ends = (lists: SortedList[], first: Float64Array, last: Float64Array) =>
    lists.forEach((sorted, k) => {
      const list = sorted.toArray();
      expect(first[k], `first ask of list ${k}`).toBe(list.length ? P[list[0]].askUsdPerGpuHour : Infinity);
      expect(last[k], `last ask of list ${k}`).toBe(list.length ? P[list[list.length - 1]].askUsdPerGpuHour : Infinity);
    });
  ends(idx.any, idx.anyFirst, idx.anyLast);
  ends(idx.levels, idx.levelFirst, idx.levelLast);
  // and so do the asks kept in parallel with each list
  const asksOf = (l: SortedList) => Array.from(l.asks.subarray(0, l.n));
  idx.any.forEach((list, k) => expect(asksOf(list), `asks of list ${k}`).toEqual(list.toArray().map((id) => P[id].askUsdPerGpuHour)));
  idx.levels.forEach((list, k) => expect(asksOf(list), `asks of level list ${k}`).toEqual(list.toArray().map((id) => P[id].askUsdPerGpuHour)));
  // and the window ends the finder checks along the lists are the providers' current ones
  const endsOf = (l: SortedList) => Array.from(l.ends.subarray(0, l.n));
  for (const lists of [idx.any, idx.levels]) {
    lists.forEach((list, k) => expect(endsOf(list), `window ends of list ${k}`).toEqual(list.toArray().map((id) => m.sig.windowEnd[id])));
  }
  idx.levels.forEach((list, k) => {
    for (const id of list.toArray()) {
      const p = P[id];
      expect(p.levelBucket).toBe(k);
      expect(p.bucket).toBeGreaterThanOrEqual(0);
      expect(p.gpusFree).toBeGreaterThanOrEqual(2);
      expect(k % LEVELS).toBe(levelOf(p.gpusFree));
    }
  });
  for (const p of P) {
    const canServe = (p as Provider & { canServe?: boolean }).canServe !== false;
    const shouldList = p.active && canServe && isOnline(p) && p.gpusFree > 0;
    expect(listedIn.has(p.id), `provider ${p.id}: listed ${listedIn.has(p.id)} but should be ${shouldList}`).toBe(shouldList);
    // GPUs held equal the leases holding them; each live lease is its own record (records are reused
    // only after a lease ends)
    const on = m.leasesOn(p);
    for (const id of on) expect(m.leases.get(id)!.id, `record of live lease ${id}`).toBe(id);
    for (const id of on) expect(m.leases.get(id)!.provider, `lease ${id} is on provider ${p.id}`).toBe(p.id);
    const held = on.reduce((s, id) => s + m.leases.get(id)!.gpus, 0);
    expect(p.gpusFree + held).toBe(p.gpus);
    // the GPUs an on-demand order could preempt are those its spot leases hold
    expect(p.spotGpus, `spot GPUs of provider ${p.id}`).toBe(on.reduce((s, id) => s + (m.leases.get(id)!.spot ? m.leases.get(id)!.gpus : 0), 0));
    expect(p.gpusFree).toBeGreaterThanOrEqual(0);
    const sig = m.sig;
    // asks are mirrored listed or not: a preempting order's policy reads spot holders, often full and unlisted
    // (0.16.0: before, only on listing, and a holder repriced while full was offered at its old ask)
    expect(sig.get(p.id, ASK), `signals ask of provider ${p.id} (listed ${listedIn.has(p.id)})`).toBe(p.askUsdPerGpuHour);
    expect(sig.get(p.id, FREE)).toBe(p.gpusFree);
    expect(sig.get(p.id, GPUS)).toBe(p.gpus);
    expect(sig.get(p.id, REGION)).toBe(p.region);
    if (listedIn.has(p.id)) {
      expect(sig.get(p.id, STAKE), `signals stake of listed provider ${p.id} (active ${p.active})`).toBe(p.stakeTokens);
      expect(sig.get(p.id, SLASHES), `signals slashes of listed provider ${p.id}`).toBe(p.slashes);
      expect(sig.get(p.id, REPUTATION), `signals reputation of listed provider ${p.id}`).toBe((p.leasesCompleted + 1) / (p.leasesCompleted + p.leasesFailed + 2));
    }
  }
}

/** The providers listed as spot holders are those in the network whose spot leases hold GPUs. */
function checkSpotHolders(run: Run): void {
  const m = run.model;
  if (!m.spotHolders) return;
  expect(m.spotHolders.count()).toBe(m.providers.filter((p) => p.active && p.spotGpus > 0).length);
}

/** Every matched lease respects VRAM, region lock and budget; no provider ever holds more GPUs than it has. */
function checkLeases(rows: LeaseRow[], run: Run): void {
  const P = run.model.providers;
  const T = run.now();
  const intervals = new Map<number, [number, number, number][]>();
  const hold = (pid: number, from: number, to: number, gpus: number) => {
    if (!intervals.has(pid)) intervals.set(pid, []);
    intervals.get(pid)!.push([from, to, gpus]);
  };
  for (const r of rows) {
    if (r.provider_id < 0) {
      expect(['expired', 'cancelled']).toContain(r.outcome);
      continue;
    }
    const where = `lease ${r.lease_id} (${r.outcome}) on provider ${r.provider_id}`;
    expect(VRAM_OF.get(r.gpu_model)!, `${where}: VRAM`).toBeGreaterThanOrEqual(r.min_vram_gb);
    if (r.region_locked) expect(r.provider_region, `${where}: region lock`).toBe(r.tenant_region);
    expect(r.price_usd_per_gpu_h, `${where}: price within budget`).toBeLessThanOrEqual(r.budget_usd_per_gpu_h);
    expect(r.gpu_model).toBe(GPU_CATALOGUE[P[r.provider_id].model].id);
    expect(r.provider_region).toBe(REGIONS[P[r.provider_id].region]);
    expect(r.matched_h).toBeGreaterThanOrEqual(r.ordered_h);
    expect(r.ended_h).toBeGreaterThanOrEqual(r.matched_h);
    expect(r.gpus).toBeLessThanOrEqual(P[r.provider_id].gpus);
    // window fit: work is only matched to a part-day provider if it ends before the window closes,
    // so a lease runs into the close only when an outage stalled it first (longer than the grace
    // its failure at the close took)
    if (r.end_reason === 'provider offline') {
      expect(r.stalled_h, `${where}: ran past its provider's sharing window without an earlier stall`).toBeGreaterThan(run.model.s.market.outageGraceHours + 1e-9);
    }
    // a reservation runs for months: only on a provider that shares all day
    if (r.reserved) expect(P[r.provider_id].windowHours, `${where}: reservation on a part-day provider`).toBe(24);
    hold(r.provider_id, r.matched_h, r.ended_h, r.gpus);
  }
  for (const l of run.model.leases.values()) if (l.reserved && l.provider >= 0) expect(P[l.provider].windowHours, `live reservation ${l.id}`).toBe(24);
  for (const l of run.model.leases.values()) if (l.provider >= 0) hold(l.provider, l.matchedAt, T, l.gpus);
  // sweep: GPUs held at any instant (ends before starts at the same time)
  for (const [pid, iv] of intervals) {
    const ev: [number, number][] = [];
    for (const [a, b, g] of iv) ev.push([a, g], [b, -g]);
    ev.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    let held = 0;
    for (const [, d] of ev) {
      held += d;
      expect(held, `provider ${pid} holds ${held} GPUs of ${P[pid].gpus}`).toBeLessThanOrEqual(P[pid].gpus);
    }
  }
}

describe('hard filters and the candidate index (property tests)', () => {
  test('random scenarios: every lease respects the hard filters; the index lists only providers that can serve', { timeout: 60_000 }, () => {
    let leasesSeen = 0;
    let multiGpu = 0;
    let locked = 0;
    let reservations = 0;
    const reasons = new Map<string, number>();
    fc.assert(
      fc.property(scenarioArb, (a) => {
        const s = parseScenario(toRaw(a));
        const rows: LeaseRow[] = [];
        const run = createRun(s, a.seed, { onLease: (r) => rows.push(r) });
        for (const c of [...a.cuts].sort()) {
          run.advance(c * run.horizonHours);
          checkIndex(run);
          checkSpotHolders(run);
        }
        run.advance(run.horizonHours);
        checkIndex(run);
        checkSpotHolders(run);
        checkLeases(rows, run);
        leasesSeen += rows.filter((r) => r.provider_id >= 0).length;
        multiGpu += rows.filter((r) => r.provider_id >= 0 && r.gpus > 1).length;
        locked += rows.filter((r) => r.provider_id >= 0 && r.region_locked).length;
        reservations += rows.filter((r) => r.provider_id >= 0 && r.reserved).length + [...run.model.leases.values()].filter((l) => l.reserved && l.provider >= 0).length;
        for (const r of rows) if (r.outcome === 'failed') reasons.set(r.end_reason, (reasons.get(r.end_reason) ?? 0) + 1);
      }),
      { numRuns: 40, seed: 42, endOnFailure: true },
    );
    // the random scenarios did exercise what they test
    if (process.env.DEPINSIM_TEST_VERBOSE) console.log({ leasesSeen, multiGpu, locked, reservations, reasons });
    expect(leasesSeen).toBeGreaterThan(1000);
    expect(multiGpu).toBeGreaterThan(50);
    expect(locked).toBeGreaterThan(50);
    expect(reservations).toBeGreaterThan(20);
    expect(reasons.get('provider failure') ?? 0).toBeGreaterThan(10);
  });
});

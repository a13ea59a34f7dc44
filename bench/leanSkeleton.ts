/**
 * npm run bench:floor [-- --days D] [--scale X] [--kinds]
 *
 * What would a leaner core buy? Issue 2 asks for the baseline year in a few seconds; the model takes
 * about 4 us per event on this machine and its CPU profile is flat (no part above a seventh). This
 * measures the floor a rewrite could approach: a lean skeleton of the same market, written the
 * data-oriented way (providers, leases and the matcher's index as typed arrays indexed by slot, no
 * objects per lease, no effect lists), on the baseline's own providers (the model's set-up), its own
 * demand (the model's rate model, arrival process and job sampler, on the same streams) and the
 * engine's event queue. It keeps the event mix: arrivals, setup then start, ends, patience expiries,
 * the home providers' daily sharing windows, Weibull outages (shape 0.7, the archetypes' mean
 * outage and reliability) with the 2-h grace after which stalled leases fail and their rest is
 * ordered again, a sampled candidate set (32, systematic over the affordable prefixes of lists by
 * shift, GPU model and region, as the model's) scored on price, region, uptime, reputation and free
 * share, and FCFS backfill of waiting orders when capacity frees (256 deep).
 *
 * What it leaves out, so its time is a floor and not a model: the token economy (ledger, escrow,
 * settlement, emissions, stake, entry and exit), repricing, metrics beyond busy and online GPU-hours
 * (the model keeps 200+ columns), multi-GPU level lists (a candidate with too few free GPUs is just
 * skipped), warm start, spot, reservations, preemption, signals and the invariant checks. Its outcomes
 * are printed beside the model's as a sanity check, not as a result: they differ (no exits, no
 * repricing, a rougher failure model).
 *
 * Prints the skeleton's events, seconds and microseconds per event, then the model's on the same
 * days in the same process, and the ratio. `--kinds`: the skeleton's time by event kind instead, each
 * handler timed as `npm run bench:kinds` times the model's, to read the two side by side.
 */
import { parseArgs } from 'node:util';
import { createRun } from '../src/sim/run.ts';
import { findPreset } from '../src/sim/scenario/presets.ts';
import { applyOverrides } from '../src/sim/scenario/overrides.ts';
import { parseScenario } from '../src/sim/scenario/validate.ts';
import type { Scenario } from '../src/sim/scenario/schema.ts';
import type { Provider } from '../src/sim/model/types.ts';
import { createStreams, keyedUniform } from '../src/sim/rng/streams.ts';
import { createJobSampler, blankDraw, type JobDraw } from '../src/sim/demand/jobs.ts';
import { createRateModel, nextArrival } from '../src/sim/demand/arrivals.ts';
import { EventQueue } from '../src/sim/core/eventQueue.ts';
import { grown } from '../src/sim/core/grown.ts';
import { SortedList } from '../src/sim/market/sortedList.ts';
import { GPU_CATALOGUE, gpuTier } from '../src/sim/supply/catalogue.ts';
import { JOB_CLASSES, ARCHETYPES } from '../src/sim/scenario/names.ts';

const SETUP_H = 0.05;
const GRACE_H = 2;
const SAMPLE = 32;
const SCAN = 256;
const NR = 4;
const WEIBULL_K = 0.7;
/** Gamma(1 + 1/0.7): a Weibull of shape 0.7 and scale 1 has this mean. */
const WEIBULL_MEAN = 1.2658;

// lease states
const FREE = 0;
const ORDERED = 1;
const MATCHED = 2;
const ACTIVE = 3;
const STALLED = 4;
// event kinds
const K_ARRIVAL = 0;
const K_START = 1;
const K_END = 2;
const K_PATIENCE = 3;
const K_OPEN = 4;
const K_CLOSE = 5;
const K_FAIL = 6;
const K_REPAIR = 7;
const K_GRACE = 8;
const K_DAY = 9;

interface Outcome {
  events: number;
  seconds: number;
  arrived: number;
  started: number;
  expired: number;
  failed: number;
  utilization: number;
}

/** Lease columns by slot, grown by doubling. */
class Leases {
  cap = 1 << 14;
  state = new Uint8Array(this.cap);
  prov = new Int32Array(this.cap);
  gpus = new Int32Array(this.cap);
  minVram = new Float64Array(this.cap);
  minTier = new Int32Array(this.cap);
  region = new Int32Array(this.cap);
  locked = new Uint8Array(this.cap);
  budget = new Float64Array(this.cap);
  work = new Float64Array(this.cap);
  ran = new Float64Array(this.cap);
  price = new Float64Array(this.cap);
  started = new Float64Array(this.cap);
  patience = new Float64Array(this.cap);
  endHandle = new Float64Array(this.cap);
  next = new Int32Array(this.cap);
  prev = new Int32Array(this.cap);
  gen = new Int32Array(this.cap);
  private spare: number[] = [];
  private used = 0;

  take(): number {
    if (this.spare.length > 0) return this.spare.pop()!;
    if (this.used === this.cap) this.grow();
    return this.used++;
  }

  give(l: number): void {
    this.state[l] = FREE;
    this.spare.push(l);
  }

  private grow(): void {
    const n = (this.cap *= 2);
    this.state = grown(this.state, n);
    this.prov = grown(this.prov, n);
    this.gpus = grown(this.gpus, n);
    this.minVram = grown(this.minVram, n);
    this.minTier = grown(this.minTier, n);
    this.region = grown(this.region, n);
    this.locked = grown(this.locked, n);
    this.budget = grown(this.budget, n);
    this.work = grown(this.work, n);
    this.ran = grown(this.ran, n);
    this.price = grown(this.price, n);
    this.started = grown(this.started, n);
    this.patience = grown(this.patience, n);
    this.endHandle = grown(this.endHandle, n);
    this.next = grown(this.next, n);
    this.prev = grown(this.prev, n);
    this.gen = grown(this.gen, n);
  }
}

/**
 * The event kinds as the model names them (bench:kinds), for a side-by-side reading: the model's
 * 'window' kind opens and closes sharing windows, its 'failure' kind starts and ends outages, its
 * 'sample' is the daily row.
 */
const KIND_NAMES = ['arrival', 'start', 'end', 'patience', 'window', 'window', 'failure', 'failure', 'grace', 'sample'];

/** Per kind name: events and handler seconds (with --kinds). */
type KindTimes = Map<string, { events: number; seconds: number }>;

/** One run of the skeleton on the providers of the model's set-up. `kinds`: when given, each handler is timed into it (two clock reads per event: slower, as bench:kinds is). */
function runSkeleton(s: Scenario, providers: readonly Provider[], days: number, kinds: KindTimes | null = null): Outcome {
  const NP = providers.length;
  const NM = GPU_CATALOGUE.length;
  const horizon = days * 24;
  // providers
  const model = Int32Array.from(providers, (p) => p.model);
  const region = Int32Array.from(providers, (p) => p.region);
  const tier = Int32Array.from(providers, (p) => p.tier);
  const gpus = Int32Array.from(providers, (p) => p.gpus);
  const vram = Float64Array.from(providers, (p) => GPU_CATALOGUE[p.model].vramGb);
  const shift = Int32Array.from(providers, (p) => (p.windowHours < 24 ? 1 : 0));
  const ask = Float64Array.from(providers, (p) => p.askUsdPerGpuHour);
  const winStart = Float64Array.from(providers, (p) => p.windowStartHour);
  const winHours = Float64Array.from(providers, (p) => p.windowHours);
  const uptime = Float64Array.from(providers, (p) => p.reliability);
  const meanDown = Float64Array.from(providers, (p) => s.supply.archetypes[ARCHETYPES[p.archetype]].meanDownHours);
  const meanUp = Float64Array.from(providers, (p, i) => (p.reliability < 1 && meanDown[i] > 0 ? (meanDown[i] * p.reliability) / (1 - p.reliability) : Infinity));
  const free = Int32Array.from(gpus);
  const inWindow = Uint8Array.from(shift, (sh) => 1 - sh);
  const down = new Uint8Array(NP);
  const windowEnd = new Float64Array(NP).fill(Infinity);
  const outage = new Int32Array(NP);
  const done = new Float64Array(NP);
  const fails = new Float64Array(NP);
  const reputation = new Float64Array(NP).fill(0.5);
  const leasesOf = new Int32Array(NP).fill(-1);
  const bucket = new Int32Array(NP).fill(-1);
  const online = (i: number) => inWindow[i] === 1 && down[i] === 0;

  // the matcher's index: per (shift, model, region) the listed providers sorted by (ask, id), in the
  // model's own sorted lists (market/sortedList.ts)
  const NL = 2 * NM * NR;
  const lists = Array.from({ length: NL }, () => new SortedList(64));
  /** Per (shift, model): the lowest first ask over its regions' lists. */
  const modelFirst = new Float64Array(2 * NM).fill(Infinity);
  const refreshModelFirst = (k: number) => {
    const g = (k / NR) | 0;
    let m = Infinity;
    for (let j = g * NR; j < g * NR + NR; j++) if (lists[j].n > 0 && lists[j].asks[0] < m) m = lists[j].asks[0];
    modelFirst[g] = m;
  };
  const relist = (i: number) => {
    const want = online(i) && free[i] > 0 ? (shift[i] * NM + model[i]) * NR + region[i] : -1;
    const had = bucket[i];
    if (want === had) return;
    if (had >= 0) {
      lists[had].remove(i, ask[i]);
      refreshModelFirst(had);
    }
    if (want >= 0) {
      lists[want].insert(i, ask[i]);
      refreshModelFirst(want);
    }
    bucket[i] = want;
  };

  const L = new Leases();
  const q = new EventQueue(4096);
  let now = 0;
  const streams = createStreams(1);
  const arrivalsRng = streams.get('arrivals');
  const matcherRng = streams.get('matcher');
  const availabilityRng = streams.get('availability');
  const jobs = createJobSampler(s, streams.get('jobs'));
  const rates = createRateModel(s, null);
  const weights = JOB_CLASSES.map(() => 0);
  const draft = blankDraw();
  const weibull = (mean: number) => (mean * Math.pow(-Math.log(1 - availabilityRng()), 1 / WEIBULL_K)) / WEIBULL_MEAN;

  // busy and online GPU-hours, integrated at every change
  let busy = 0;
  let onlineGpus = 0;
  let lastT = 0;
  let busyH = 0;
  let onlineH = 0;
  const integrate = () => {
    const dt = now - lastT;
    busyH += busy * dt;
    onlineH += onlineGpus * dt;
    lastT = now;
  };
  let arrived = 0;
  let started = 0;
  let expired = 0;
  let failed = 0;

  /** Eligible GPU models per (minimum VRAM, minimum tier). */
  const eligibleByKey = new Map<number, Int32Array>();
  const eligible = (v: number, t: number) => {
    const key = v * 8 + t;
    let e = eligibleByKey.get(key);
    if (!e) {
      const ms: number[] = [];
      GPU_CATALOGUE.forEach((g, i) => {
        if (g.vramGb >= v && gpuTier(g) >= t) ms.push(i);
      });
      e = Int32Array.from(ms);
      eligibleByKey.set(key, e);
    }
    return e;
  };

  // the candidate lists of one search
  const found = new Int32Array(2 * NM * NR);
  const prefix = new Int32Array(2 * NM * NR);
  const cum = new Int32Array(2 * NM * NR);
  const affordable = (k: number, b: number) => {
    const list = lists[k];
    const n = list.n;
    if (n === 0 || list.asks[0] > b) return 0;
    return list.asks[n - 1] <= b ? n : list.affordable(b);
  };
  const fits = (i: number, l: number, needUntil: number) => free[i] >= L.gpus[l] && (shift[i] === 0 || windowEnd[i] >= needUntil);
  // the random term as the model's scorer draws it: one number per order, hashed with the candidate's place
  const score = (i: number, b: number, reg: number, key: number, place: number) =>
    0.2 * (region[i] === reg ? 1 : 0) + 0.3 * ((b - ask[i]) / b) + 0.2 * uptime[i] + 0.1 * reputation[i] + 0.1 * (free[i] / gpus[i]) + 0.05 * keyedUniform(key, place);

  /** The best of a systematic sample of the affordable providers that fit, or -1. */
  const find = (l: number): number => {
    const b = L.budget[l];
    const models = eligible(L.minVram[l], L.minTier[l]);
    const r0 = L.locked[l] ? L.region[l] : 0;
    const r1 = L.locked[l] ? L.region[l] + 1 : NR;
    const needUntil = now + SETUP_H + L.work[l];
    const shifts = L.work[l] + SETUP_H <= 24 ? 2 : 1;
    let nl = 0;
    let total = 0;
    for (let sh = 0; sh < shifts; sh++) {
      for (let j = 0; j < models.length; j++) {
        const g = sh * NM + models[j];
        if (modelFirst[g] > b) continue;
        for (let k = g * NR + r0; k < g * NR + r1; k++) {
          const n = affordable(k, b);
          if (n === 0) continue;
          found[nl] = k;
          prefix[nl] = n;
          total += n;
          cum[nl++] = total;
        }
      }
    }
    if (total === 0) return -1;
    const reg = L.region[l];
    const key = Math.floor(matcherRng() * 2 ** 32);
    let best = -1;
    let bestScore = -Infinity;
    if (total <= SAMPLE) {
      for (let c = 0; c < nl; c++) {
        const ids = lists[found[c]].ids;
        for (let x = 0; x < prefix[c]; x++) {
          const i = ids[x];
          if (!fits(i, l, needUntil)) continue;
          const sc = score(i, b, reg, key, x);
          if (sc > bestScore) (bestScore = sc), (best = i);
        }
      }
      return best;
    }
    const step = total / SAMPLE;
    let x = matcherRng() * step;
    let c = 0;
    let start = 0;
    for (let t = 0; t < SAMPLE; t++, x += step) {
      const pos = Math.min(total - 1, Math.floor(x)) | 0;
      while (cum[c] <= pos) start = cum[c++];
      const i = lists[found[c]].ids[pos - start];
      if (!fits(i, l, needUntil)) continue;
      const sc = score(i, b, reg, key, t);
      if (sc > bestScore) (bestScore = sc), (best = i);
    }
    return best;
  };

  // waiting orders: a FCFS ring; an order that left (matched, expired) is dropped when met
  let waiting = new Int32Array(1 << 16);
  let wHead = 0;
  let wTail = 0;
  const wait = (l: number) => {
    if (wTail - wHead === waiting.length) {
      const w = new Int32Array(waiting.length * 2);
      for (let x = wHead; x < wTail; x++) w[x - wHead] = waiting[x & (waiting.length - 1)];
      wTail -= wHead;
      wHead = 0;
      waiting = w;
    }
    waiting[wTail++ & (waiting.length - 1)] = l;
  };

  const attach = (l: number, i: number) => {
    L.prov[l] = i;
    L.prev[l] = -1;
    L.next[l] = leasesOf[i];
    if (leasesOf[i] >= 0) L.prev[leasesOf[i]] = l;
    leasesOf[i] = l;
  };
  const detach = (l: number) => {
    const i = L.prov[l];
    if (L.prev[l] >= 0) L.next[L.prev[l]] = L.next[l];
    else leasesOf[i] = L.next[l];
    if (L.next[l] >= 0) L.prev[L.next[l]] = L.prev[l];
  };
  const matchTo = (l: number, i: number) => {
    integrate();
    L.state[l] = MATCHED;
    L.price[l] = ask[i];
    free[i] -= L.gpus[l];
    busy += L.gpus[l];
    attach(l, i);
    relist(i);
    q.push(now + SETUP_H, 0, K_START, l, L.gen[l]);
  };
  const order = (work: number, d: Pick<JobDraw, 'gpus' | 'minVramGb' | 'minTier' | 'region' | 'regionLocked' | 'budgetUsdPerGpuHour' | 'patienceHours'>) => {
    const l = L.take();
    L.state[l] = ORDERED;
    L.gpus[l] = d.gpus;
    L.minVram[l] = d.minVramGb;
    L.minTier[l] = d.minTier;
    L.region[l] = d.region;
    L.locked[l] = d.regionLocked ? 1 : 0;
    L.budget[l] = d.budgetUsdPerGpuHour;
    L.work[l] = work;
    L.ran[l] = 0;
    L.patience[l] = d.patienceHours;
    L.gen[l]++;
    const i = find(l);
    if (i >= 0) return matchTo(l, i);
    wait(l);
    if (d.patienceHours < Infinity) q.push(now + d.patienceHours, 0, K_PATIENCE, l, L.gen[l]);
  };
  /** Provider i has free GPUs: it takes the waiting orders it can serve, first come first served, SCAN deep. */
  const serve = (i: number) => {
    const mask = waiting.length - 1;
    const limit = Math.min(wTail, wHead + SCAN);
    let keep = wHead;
    for (let x = wHead; x < wTail; x++) {
      const l = waiting[x & mask];
      if (L.state[l] !== ORDERED) continue;
      if (x >= limit) {
        for (let y = x; y < wTail; y++) waiting[keep++ & mask] = waiting[y & mask];
        break;
      }
      const ok =
        free[i] >= L.gpus[l] &&
        ask[i] <= L.budget[l] &&
        vram[i] >= L.minVram[l] &&
        tier[i] >= L.minTier[l] &&
        (L.locked[l] === 0 || L.region[l] === region[i]) &&
        (shift[i] === 0 || windowEnd[i] >= now + SETUP_H + L.work[l]);
      if (ok) matchTo(l, i);
      else waiting[keep++ & mask] = l;
    }
    wTail = keep;
  };
  const release = (l: number) => {
    const i = L.prov[l];
    integrate();
    busy -= L.gpus[l];
    free[i] += L.gpus[l];
    detach(l);
    L.give(l);
    relist(i);
    if (online(i)) serve(i);
  };
  const setOnline = (i: number, was: boolean) => {
    const is = online(i);
    if (is === was) return;
    integrate();
    onlineGpus += is ? gpus[i] : -gpus[i];
    relist(i);
    if (is) serve(i);
  };
  const reorder = { gpus: 1, minVramGb: 0, minTier: 0, region: 0, regionLocked: false, budgetUsdPerGpuHour: 0, patienceHours: 0 };

  const handlers: ((a: number, b: number) => void)[] = [];
  handlers[K_ARRIVAL] = () => {
    for (let c = 0; c < weights.length; c++) weights[c] = rates.ofClass(c, now);
    const d = jobs.draw(weights, draft, now);
    arrived++;
    order(Math.min(d.durationHours, d.cancelAfterHours), d);
    const t = nextArrival(rates, now, horizon, arrivalsRng, 1);
    if (t < Infinity) q.push(t, 0, K_ARRIVAL, 0, 0);
  };
  handlers[K_START] = (l, g) => {
    if (L.gen[l] !== g || L.state[l] !== MATCHED) return;
    L.state[l] = ACTIVE;
    L.started[l] = now;
    started++;
    L.endHandle[l] = q.push(now + L.work[l], 0, K_END, l, g);
  };
  handlers[K_END] = (l, g) => {
    if (L.gen[l] !== g || L.state[l] !== ACTIVE) return;
    const i = L.prov[l];
    done[i]++;
    reputation[i] = (done[i] + 1) / (done[i] + fails[i] + 2);
    release(l);
  };
  handlers[K_PATIENCE] = (l, g) => {
    if (L.gen[l] !== g || L.state[l] !== ORDERED) return;
    expired++;
    L.give(l);
  };
  handlers[K_OPEN] = (i) => {
    const was = online(i);
    inWindow[i] = 1;
    windowEnd[i] = now + winHours[i];
    setOnline(i, was);
    q.push(now + winHours[i], 0, K_CLOSE, i, 0);
  };
  handlers[K_CLOSE] = (i) => {
    const was = online(i);
    inWindow[i] = 0;
    setOnline(i, was);
    q.push(now + 24 - winHours[i], 0, K_OPEN, i, 0);
  };
  handlers[K_FAIL] = (i) => {
    const was = online(i);
    down[i] = 1;
    outage[i]++;
    relist(i);
    // its leases stall: they resume if it is back within the grace
    let any = false;
    for (let l = leasesOf[i]; l >= 0; l = L.next[l]) {
      if (L.state[l] === ACTIVE) {
        q.cancel(L.endHandle[l]);
        L.ran[l] = now - L.started[l];
      }
      L.state[l] = STALLED;
      any = true;
    }
    if (any) q.push(now + GRACE_H, 0, K_GRACE, i, outage[i]);
    setOnline(i, was);
    q.push(now + weibull(meanDown[i]), 0, K_REPAIR, i, 0);
  };
  handlers[K_GRACE] = (i, o) => {
    if (down[i] === 0 || outage[i] !== o) return;
    // the outage outlasted the grace: its stalled leases fail and the rest of their work is ordered again
    for (let l = leasesOf[i]; l >= 0; ) {
      const next = L.next[l];
      failed++;
      fails[i]++;
      reorder.gpus = L.gpus[l];
      reorder.minVramGb = L.minVram[l];
      reorder.minTier = L.minTier[l];
      reorder.region = L.region[l];
      reorder.regionLocked = L.locked[l] === 1;
      reorder.budgetUsdPerGpuHour = L.budget[l];
      reorder.patienceHours = L.patience[l];
      const rest = L.work[l] - L.ran[l];
      integrate();
      busy -= L.gpus[l];
      free[i] += L.gpus[l];
      L.give(l);
      order(rest, reorder);
      l = next;
    }
    leasesOf[i] = -1;
  };
  handlers[K_REPAIR] = (i) => {
    const was = online(i);
    down[i] = 0;
    for (let l = leasesOf[i]; l >= 0; l = L.next[l]) {
      L.state[l] = ACTIVE;
      L.started[l] = now - L.ran[l];
      L.gen[l]++;
      L.endHandle[l] = q.push(now + L.work[l] - L.ran[l], 0, K_END, l, L.gen[l]);
    }
    setOnline(i, was);
    q.push(now + weibull(meanUp[i]), 0, K_FAIL, i, 0);
  };
  const utilization: number[] = [];
  handlers[K_DAY] = () => {
    integrate();
    utilization.push(busyH / onlineH);
    busyH = onlineH = 0;
    if (now + 24 <= horizon) q.push(now + 24, 1, K_DAY, 0, 0);
  };

  const t0 = performance.now();
  // (the skeleton's set-up, timed: it is a loop over the providers)
  for (let i = 0; i < NP; i++) {
    if (shift[i] === 0) {
      onlineGpus += gpus[i];
      relist(i);
    } else q.push(winStart[i] % 24, 0, K_OPEN, i, 0);
    if (meanUp[i] < Infinity) q.push(weibull(meanUp[i]), 0, K_FAIL, i, 0);
  }
  q.push(nextArrival(rates, 0, horizon, arrivalsRng, 1), 0, K_ARRIVAL, 0, 0);
  q.push(24, 1, K_DAY, 0, 0);
  let events = 0;
  if (kinds === null) {
    while (q.popUntil(horizon)) {
      now = q.topTime;
      events++;
      handlers[q.topKind](q.topA, q.topB);
    }
  } else {
    const n = new Float64Array(handlers.length);
    const ms = new Float64Array(handlers.length);
    while (q.popUntil(horizon)) {
      now = q.topTime;
      events++;
      const k = q.topKind;
      const a = performance.now();
      handlers[k](q.topA, q.topB);
      ms[k] += performance.now() - a;
      n[k]++;
    }
    handlers.forEach((_, k) => {
      const e = kinds.get(KIND_NAMES[k]) ?? { events: 0, seconds: 0 };
      e.events += n[k];
      e.seconds += ms[k] / 1000;
      kinds.set(KIND_NAMES[k], e);
    });
  }
  const seconds = (performance.now() - t0) / 1000;
  return { events, seconds, arrived, started, expired, failed, utilization: utilization.reduce((a, u) => a + u, 0) / utilization.length };
}

/** The model's run of the same days (its set-up not timed, as the skeleton's is not): events, seconds and its counts of the same outcomes. */
function runModel(s: Scenario): Outcome {
  const run = createRun(s, 1);
  const t0 = performance.now();
  while (!run.done()) run.advance(run.now() + 24 * 7);
  const seconds = (performance.now() - t0) / 1000;
  const t = run.table();
  const col = (c: string) => Array.from(t.data[c] ?? []).slice(0, t.rows);
  const sum = (c: string) => col(c).reduce((a, v) => a + v, 0);
  return {
    events: run.eventsProcessed(),
    seconds,
    arrived: sum('jobs_arrived'),
    started: sum('jobs_started'),
    expired: sum('jobs_expired'),
    failed: sum('leases_failed'),
    utilization: sum('utilization') / Math.max(1, t.rows),
  };
}

const { values } = parseArgs({ options: { days: { type: 'string' }, scale: { type: 'string' }, kinds: { type: 'boolean' } } });
const days = Number(values.days ?? 365);
if (!(Number.isInteger(days) && days >= 1 && days <= 3650)) {
  process.stderr.write(`bench:floor: --days must be a whole number of days from 1 to 3650, got '${values.days}'\n`);
  process.exit(2);
}
const scale = Number(values.scale ?? 1);
if (!(scale > 0 && scale <= 100)) {
  process.stderr.write(`bench:floor: --scale must be a number above 0 and at most 100, got '${values.scale}'\n`);
  process.exit(2);
}
const scenario = parseScenario(applyOverrides(findPreset('baseline')!.raw, [`horizonDays=${days}`, `scale=${scale}`]));
// the providers as the model's set-up makes them (population, asks, windows, reliability)
const providers = (createRun(scenario, 1).model as unknown as { providers: Provider[] }).providers;
const line = (name: string, o: Outcome) =>
  `${name}: ${(o.events / 1e6).toFixed(2)} M events in ${o.seconds.toFixed(2)} s, ${((o.seconds / o.events) * 1e6).toFixed(2)} us/event ` +
  `(arrived ${o.arrived}, started ${o.started}, expired ${o.expired}, leases failed ${o.failed}, mean daily utilization ${(o.utilization * 100).toFixed(1)}%)`;
runSkeleton(scenario, providers, Math.min(days, 30)); // warm the JIT as the model's own first days warm it
if (values.kinds) {
  // the skeleton's time by event kind, to read beside `npm run bench:kinds` (the model's)
  const kinds: KindTimes = new Map();
  const o = runSkeleton(scenario, providers, days, kinds);
  console.log(`lean skeleton, baseline ${days} days at ${scale}x, each handler timed: ${(o.events / 1e6).toFixed(2)} M events in ${o.seconds.toFixed(2)} s`);
  console.log('kind           events   handler s  us/event   share');
  for (const [name, k] of [...kinds].sort((a, b) => b[1].seconds - a[1].seconds)) {
    console.log(`${name.padEnd(10)} ${String(k.events).padStart(10)} ${k.seconds.toFixed(2).padStart(11)} ${((k.seconds / k.events) * 1e6).toFixed(2).padStart(9)} ${((100 * k.seconds) / o.seconds).toFixed(1).padStart(6)}%`);
  }
  const handled = [...kinds.values()].reduce((a, k) => a + k.seconds, 0);
  console.log(`queue, loop ${(o.seconds - handled).toFixed(2).padStart(20)} ${''.padStart(9)} ${((100 * (o.seconds - handled)) / o.seconds).toFixed(1).padStart(6)}%`);
  process.exit(0);
}
const lean = runSkeleton(scenario, providers, days);
console.log(line(`lean skeleton, baseline ${days} days at ${scale}x`, lean));
const full = runModel(scenario);
console.log(line(`the model, baseline ${days} days at ${scale}x`, full));
console.log(`the model takes ${(full.seconds / lean.seconds).toFixed(2)}x the skeleton's time, ${((full.seconds / full.events) / (lean.seconds / lean.events)).toFixed(2)}x per event`);

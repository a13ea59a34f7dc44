/**
 * The M/M/c model two ways, for the engine-overhead ratio: (1) a bare struct-of-arrays typed-array
 * heap loop written inline (the ceiling, as in research/perf.md), (2) the same model on depinsim's
 * Engine (registered handlers, (time, priority, seq) order, lazy cancel support). Same RNG (alea),
 * same draws in the same order, so both simulate the same sample path.
 */
import alea from 'seedrandom/lib/alea.js';
import { Engine } from '../src/sim/core/engine.ts';

export interface LoopResult {
  events: number;
  seconds: number;
  eventsPerSecond: number;
  meanWait: number;
}

const C = 100;
const LAMBDA = 90;
const MU = 1;

export function bareLoop(horizon: number, seed = 'bench'): LoopResult {
  const rng = alea(seed);
  const exp = (rate: number) => -Math.log(1 - rng()) / rate;
  let cap = 1024;
  let time = new Float64Array(cap);
  let seq = new Float64Array(cap);
  let kind = new Int32Array(cap);
  let n = 0;
  let nextSeq = 0;
  const push = (t: number, k: number) => {
    if (n === cap) {
      cap *= 2;
      const t2 = new Float64Array(cap);
      t2.set(time);
      time = t2;
      const s2 = new Float64Array(cap);
      s2.set(seq);
      seq = s2;
      const k2 = new Int32Array(cap);
      k2.set(kind);
      kind = k2;
    }
    const s = nextSeq++;
    let i = n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (time[p] < t || (time[p] === t && seq[p] < s)) break;
      time[i] = time[p];
      seq[i] = seq[p];
      kind[i] = kind[p];
      i = p;
    }
    time[i] = t;
    seq[i] = s;
    kind[i] = k;
  };
  let topT = 0;
  let topK = 0;
  const pop = () => {
    topT = time[0];
    topK = kind[0];
    const last = --n;
    const t = time[last];
    const s = seq[last];
    const k = kind[last];
    let i = 0;
    const half = last >> 1;
    while (i < half) {
      let c = 2 * i + 1;
      if (c + 1 < last && (time[c + 1] < time[c] || (time[c + 1] === time[c] && seq[c + 1] < seq[c]))) c++;
      if (t < time[c] || (t === time[c] && s < seq[c])) break;
      time[i] = time[c];
      seq[i] = seq[c];
      kind[i] = kind[c];
      i = c;
    }
    time[i] = t;
    seq[i] = s;
    kind[i] = k;
  };
  const queue: number[] = [];
  let qh = 0;
  let busy = 0;
  let waitSum = 0;
  let served = 0;
  let events = 0;
  const start = performance.now();
  push(exp(LAMBDA), 0);
  while (n > 0 && time[0] <= horizon) {
    pop();
    events++;
    const now = topT;
    if (topK === 0) {
      push(now + exp(LAMBDA), 0);
      if (busy < C) {
        busy++;
        served++;
        push(now + exp(MU), 1);
      } else queue.push(now);
    } else if (qh < queue.length) {
      waitSum += now - queue[qh++];
      served++;
      push(now + exp(MU), 1);
    } else busy--;
  }
  const seconds = (performance.now() - start) / 1000;
  return { events, seconds, eventsPerSecond: events / seconds, meanWait: waitSum / served };
}

export function engineLoop(horizon: number, seed = 'bench'): LoopResult {
  const rng = alea(seed);
  const exp = (rate: number) => -Math.log(1 - rng()) / rate;
  const e = new Engine(1024);
  const queue: number[] = [];
  let qh = 0;
  let busy = 0;
  let waitSum = 0;
  let served = 0;
  let depart = 0;
  const arrive = e.register('arrival', () => {
    e.after(exp(LAMBDA), arrive);
    if (busy < C) {
      busy++;
      served++;
      e.after(exp(MU), depart);
    } else queue.push(e.now);
  });
  depart = e.register('departure', () => {
    if (qh < queue.length) {
      waitSum += e.now - queue[qh++];
      served++;
      e.after(exp(MU), depart);
    } else busy--;
  });
  const start = performance.now();
  e.at(exp(LAMBDA), arrive);
  e.runUntil(horizon);
  const seconds = (performance.now() - start) / 1000;
  return { events: e.eventsProcessed, seconds, eventsPerSecond: e.eventsProcessed / seconds, meanWait: waitSum / served };
}

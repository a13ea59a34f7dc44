/**
 * A tiny fake run and a manual scheduler to drive the worker API (src/worker/api.ts) in Node: test
 * code only. One event per simulated hour, one row per day; the clock costs 1 ms per read.
 */
import { createApi, type RunLike, type WorkerEvent, type RowBatch } from '../../src/worker/api.ts';

export interface FakeScenario {
  days: number;
  failAtDay?: number;
}

/** One event per simulated hour; one row per day with day and a value; can throw on a given day. */
export function fakeRun(s: FakeScenario, seed: number): RunLike {
  let now = 0;
  let events = 0;
  const day = new Float64Array(s.days);
  const val = new Float64Array(s.days);
  let rows = 0;
  return {
    horizonHours: s.days * 24,
    periodHours: 24,
    now: () => now,
    done: () => now >= s.days * 24,
    eventsProcessed: () => events,
    advance(until: number, maxEvents = Infinity) {
      let n = 0;
      while (Math.floor(now) + 1 <= until) {
        if (n >= maxEvents) return false;
        now = Math.floor(now) + 1;
        events++;
        n++;
        if (now % 24 === 0) {
          const d = now / 24;
          if (s.failAtDay === d) throw new Error(`fake failure on day ${d}`);
          day[rows] = d;
          val[rows] = d * seed;
          rows++;
        }
      }
      now = Math.max(now, until);
      return true;
    },
    table: () => ({
      columns: [
        { name: 'day', unit: 'day', description: 'day' },
        { name: 'val', unit: 'x', description: 'value' },
      ],
      rows,
      data: { day, val },
    }),
  };
}

export function harness(opts: { sliceMs?: number; maxEvents?: number } = {}) {
  let t = 0;
  const tasks: (() => void)[] = [];
  const events: WorkerEvent[] = [];
  let created = 0;
  const api = createApi<FakeScenario>({
    validate: (raw) => {
      const r = raw as Partial<FakeScenario>;
      if (typeof r.days !== 'number' || r.days < 1) return { ok: false, issues: [{ path: 'days', message: `expected >= 1, got ${JSON.stringify(r.days)}` }] };
      return { ok: true, scenario: { days: r.days, failAtDay: r.failAtDay } };
    },
    createRun: (sc, seed) => {
      created++;
      return fakeRun(sc, seed);
    },
    hash: (s) => `h${s.days}`,
    clock: () => (t += 1), // every clock read costs 1 ms
    yieldThen: (fn) => tasks.push(fn),
    later: (fn) => tasks.push(fn),
    transfer: (v) => v,
    sliceMs: opts.sliceMs ?? 5,
    maxEventsPerCall: opts.maxEvents,
  });
  api.subscribe((e) => events.push(e));
  const pump = (max = 10_000) => {
    let n = 0;
    while (tasks.length && n++ < max) tasks.shift()!();
    return n;
  };
  const rows = () => events.filter((e): e is RowBatch => e.kind === 'rows');
  const column = (name: string) => rows().flatMap((b) => Array.from(b.data[name]));
  return { api, events, tasks, pump, rows, column, created: () => created };
}

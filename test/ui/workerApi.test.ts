/**
 * The worker API (src/worker/api.ts) driven directly in Node with a tiny fake run (test code only)
 * and a manual scheduler: slices, streaming, pause/resume/step/cancel, errors.
 */
import { describe, expect, it } from 'vitest';
import { createApi, type ApiDeps, type RunLike, type WorkerEvent, type RowBatch } from '../../src/worker/api.ts';

interface FakeScenario {
  days: number;
  failAtDay?: number;
  /** A day the run stops as the core stops one whose token left the ledger's range (an error named TokenOutOfRange). */
  stopAtDay?: number;
  /** Providers its network builds, reported one by one (0: none). */
  providers?: number;
}

/** One event per simulated hour; one row per day with day and a value; can throw on a given day. */
function fakeRun(s: FakeScenario, seed: number, onSetup?: (stage: string, done: number, total: number) => void): RunLike {
  for (let i = 1; i <= (s.providers ?? 0); i++) onSetup?.('providers', i, s.providers!);
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
          if (s.stopAtDay === d) throw Object.assign(new Error(`the token economy left the range on day ${d}. The ${d - 1} whole days before it are the run's results`), { name: 'TokenOutOfRange', reason: `the token economy left the range on day ${d}` });
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

function harness(opts: { sliceMs?: number; maxEvents?: number; runChecks?: ApiDeps<FakeScenario>['runChecks'] } = {}) {
  let t = 0;
  const tasks: (() => void)[] = [];
  const events: WorkerEvent[] = [];
  const api = createApi<FakeScenario>({
    validate: (raw) => {
      const r = raw as Partial<FakeScenario>;
      if (typeof r.days !== 'number' || r.days < 1) return { ok: false, issues: [{ path: 'days', message: `expected >= 1, got ${JSON.stringify(r.days)}` }] };
      return { ok: true, scenario: { days: r.days, failAtDay: r.failAtDay, stopAtDay: r.stopAtDay, providers: r.providers } };
    },
    createRun: fakeRun,
    hash: (s) => `h${s.days}`,
    clock: () => (t += 1), // every clock read costs 1 ms
    yieldThen: (fn) => tasks.push(fn),
    later: (fn) => tasks.push(fn),
    transfer: (v) => v,
    sliceMs: opts.sliceMs ?? 5,
    maxEventsPerCall: opts.maxEvents,
    runChecks: opts.runChecks,
  });
  api.subscribe((e) => events.push(e));
  const pump = (max = 10_000) => {
    let n = 0;
    while (tasks.length && n++ < max) tasks.shift()!();
    return n;
  };
  const rows = () => events.filter((e): e is RowBatch => e.kind === 'rows');
  const column = (name: string) => rows().flatMap((b) => Array.from(b.data[name]));
  return { api, events, tasks, pump, rows, column };
}

describe('worker api', () => {
  it('start() refuses an invalid scenario with the field path and runs nothing', () => {
    const h = harness();
    const r = h.api.start({ days: 0 }, 1);
    expect(r).toEqual({ ok: false, issues: [{ path: 'days', message: 'expected >= 1, got 0' }] });
    expect(h.tasks.length).toBe(0);
  });

  it('says how far the building of a large network got, a few times a second, before the first rows', () => {
    const h = harness();
    // every clock read costs 1 ms: the 1,000 providers take about a second to build
    const r = h.api.start({ days: 2, providers: 1000 }, 1, { runId: 7 });
    const setup = h.events.filter((e) => e.kind === 'setup');
    // one every 250 ms at most
    expect(setup.length).toBe(4);
    for (const e of setup) expect(e).toMatchObject({ kind: 'setup', runId: 7, stage: 'providers', total: 1000 });
    expect(setup.map((e) => (e.kind === 'setup' ? e.done : 0))).toEqual([250, 500, 750, 1000]);
    expect(r.ok).toBe(true);
    h.pump();
    expect(h.events.findIndex((e) => e.kind === 'rows')).toBeGreaterThan(h.events.lastIndexOf(setup[3]));
    // a quick set-up says nothing
    const quick = harness();
    quick.api.start({ days: 2, providers: 100 }, 1);
    expect(quick.events.filter((e) => e.kind === 'setup')).toEqual([]);
  });

  it('start() refuses a bad seed', () => {
    const h = harness();
    const r = h.api.start({ days: 3 }, 1.5);
    expect(r.ok).toBe(false);
  });

  it('runs to the end in several slices and streams every row exactly once, in order', () => {
    const h = harness();
    const r = h.api.start({ days: 30 }, 2);
    expect(r.ok && r.hash).toBe('h30');
    h.pump();
    expect(h.rows().length).toBeGreaterThan(2); // sliced
    expect(h.column('day')).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(h.column('val')).toEqual(Array.from({ length: 30 }, (_, i) => (i + 1) * 2));
    let next = 0;
    for (const b of h.rows()) {
      expect(b.from).toBe(next);
      next += b.rows;
    }
    expect(h.api.status().status).toBe('done');
  });

  it("checks() gives the finished run's model checks, and none before it is done or when the core has none", () => {
    const h = harness({ runChecks: (run) => [{ id: 'rows', title: 'Rows', holds: run.table().rows === 4, detail: `${run.table().rows} rows`, short: 'ok' }] });
    expect(h.api.checks()).toBeNull(); // no run
    const r = h.api.start({ days: 4 }, 1, { paused: true });
    h.api.step();
    h.pump();
    expect(h.api.status().status).toBe('paused');
    expect(h.api.checks()).toBeNull(); // identities of a whole run: none mid-way
    h.api.resume();
    h.pump();
    expect(h.api.checks()).toEqual({ runId: r.ok ? r.runId : -1, checks: [{ id: 'rows', title: 'Rows', holds: true, detail: '4 rows', short: 'ok' }] });
    const plain = harness();
    plain.api.start({ days: 2 }, 1);
    plain.pump();
    expect(plain.api.checks()).toBeNull();
  });

  it('an event budget smaller than a period still finishes (advance returns false and resumes)', () => {
    const h = harness({ maxEvents: 5 });
    h.api.start({ days: 4 }, 1);
    h.pump();
    expect(h.column('day')).toEqual([1, 2, 3, 4]);
  });

  it('pause stops between slices; resume continues; results equal an uninterrupted run', () => {
    const a = harness();
    a.api.start({ days: 20 }, 3);
    a.pump(2);
    expect(a.api.pause()).toBe('paused');
    const before = a.column('day').length;
    a.pump();
    expect(a.column('day').length).toBe(before);
    expect(before).toBeLessThan(20);
    expect(a.api.resume()).toBe('running');
    a.pump();
    const b = harness();
    b.api.start({ days: 20 }, 3);
    b.pump();
    expect(a.column('val')).toEqual(b.column('val'));
  });

  it('step() from paused produces exactly one more row, then pauses', () => {
    const h = harness();
    h.api.start({ days: 10 }, 1, { paused: true });
    h.pump();
    expect(h.column('day')).toEqual([]);
    h.api.step();
    h.pump();
    expect(h.column('day')).toEqual([1]);
    expect(h.api.status().status).toBe('paused');
    h.api.step();
    h.pump();
    expect(h.column('day')).toEqual([1, 2]);
  });

  it('cancel() drops pending slices of the old run; a new start streams from row 0', () => {
    const h = harness();
    h.api.start({ days: 50 }, 1);
    h.pump(1);
    h.api.cancel();
    h.api.start({ days: 3 }, 5);
    h.pump();
    const last = h.rows().filter((b) => b.runId === h.rows().at(-1)!.runId);
    expect(last[0].from).toBe(0);
    expect(last.flatMap((b) => Array.from(b.data.val))).toEqual([5, 10, 15]);
  });

  it('an error inside the run becomes an error event with the message, and status error', () => {
    const h = harness();
    h.api.start({ days: 10, failAtDay: 4 }, 1);
    h.pump();
    const err = h.events.find((e) => e.kind === 'error');
    expect(err && err.kind === 'error' && err.message).toContain('fake failure on day 4');
    expect(h.api.status().status).toBe('error');
    expect(h.column('day')).toEqual([1, 2, 3]);
    expect(err && err.kind === 'error' && err.modelStop).toBeFalsy();
  });

  it("a run the model stops (its token out of the ledger's range) says so as a stop, not a fault, and keeps its days", () => {
    const h = harness();
    h.api.start({ days: 10, stopAtDay: 5 }, 1);
    h.pump();
    const err = h.events.find((e) => e.kind === 'error');
    expect(err).toEqual({ kind: 'error', runId: expect.any(Number), message: "the token economy left the range on day 5. The 4 whole days before it are the run's results", modelStop: true, reason: 'the token economy left the range on day 5' });
    expect(h.api.status().status).toBe('error');
    expect(h.column('day')).toEqual([1, 2, 3, 4]);
  });

  it('a speed limit paces the run by wall time', () => {
    const h = harness();
    h.api.start({ days: 10 }, 1, { speedDaysPerSecond: 100 }); // 1 day per 10 ms of fake clock
    h.pump(3);
    const partial = h.column('day').length;
    expect(partial).toBeLessThan(10);
    h.pump();
    expect(h.column('day').length).toBe(10);
  });
});

/**
 * The page's first run begun before the page asks for it (api.ts prestart, ui/lib/earlyRun.ts):
 * adopted by a start() of the same scenario and seed with its rows complete and unchanged, and
 * never shown for anything else.
 */
import { describe, expect, it } from 'vitest';
import { PRESTART_HOURS, runKey } from '../../src/worker/api.ts';
import { harness } from './workerHarness.ts';

const DAYS_BEFORE_CLAIM = PRESTART_HOURS / 24;

describe('prestart', () => {
  it('runs silently until claimed, then start() of the same scenario and seed adopts it: every row once, in order, as a fresh run', () => {
    const h = harness();
    expect(h.api.prestart({ days: 60 }, 3)).toBe(true);
    h.pump();
    // it went as far as the head start goes, and said nothing: the page has not asked for it yet
    expect(h.events).toEqual([]);
    expect(h.api.status().nowHours).toBe(PRESTART_HOURS);
    const r = h.api.start({ days: 60 }, 3, { runId: 7 });
    expect(r.ok && r.prestarted).toBe(true);
    expect(r.ok && r.hash).toBe('h60');
    expect(h.created()).toBe(1); // not set up a second time
    // the rows it had go out before the run goes on
    h.tasks.shift()!();
    expect(h.rows()[0]).toMatchObject({ runId: 7, from: 0, rows: DAYS_BEFORE_CLAIM });
    h.pump();
    const fresh = harness();
    fresh.api.start({ days: 60 }, 3);
    fresh.pump();
    expect(h.column('day')).toEqual(fresh.column('day'));
    expect(h.column('val')).toEqual(fresh.column('val'));
    expect(h.events.every((e) => e.runId === 7)).toBe(true);
    expect(h.api.status().status).toBe('done');
  });

  it('a run that finished before it was claimed is sent whole, then done', () => {
    const h = harness();
    h.api.prestart({ days: 5 }, 2);
    h.pump();
    expect(h.events).toEqual([]);
    h.api.start({ days: 5 }, 2);
    h.pump();
    expect(h.column('day')).toEqual([1, 2, 3, 4, 5]);
    expect(h.events.at(-1)).toMatchObject({ status: 'done' });
  });

  it('another scenario, another seed, a paused or a paced start: the prestarted run is dropped and the one asked for starts', () => {
    for (const [raw, seed, options] of [
      [{ days: 61 }, 3, {}],
      [{ days: 60 }, 4, {}],
      [{ days: 60 }, 3, { paused: true }],
      [{ days: 60 }, 3, { speedDaysPerSecond: 2 }],
    ] as const) {
      const h = harness();
      h.api.prestart({ days: 60 }, 3);
      h.pump();
      const r = h.api.start(raw, seed, options);
      expect(r.ok && r.prestarted).toBeFalsy();
      expect(h.created()).toBe(2);
      if (!('paused' in options)) {
        h.pump();
        expect(h.column('val')).toEqual(Array.from({ length: raw.days }, (_, i) => (i + 1) * seed));
      }
    }
  });

  it('cancel() drops it: nothing is sent, and a later start() sets up anew', () => {
    const h = harness();
    h.api.prestart({ days: 60 }, 3);
    h.api.cancel();
    h.pump();
    expect(h.api.status()).toMatchObject({ status: 'idle', nowHours: 0 });
    const r = h.api.start({ days: 60 }, 3);
    expect(r.ok && r.prestarted).toBeFalsy();
    expect(h.created()).toBe(2);
  });

  it('is not begun for a run the page keeps in its store, an invalid scenario, a bad seed, or once the page has started a run', () => {
    const stored = harness();
    expect(stored.api.prestart({ days: 60 }, 3, [runKey('h60', 3)])).toBe(false);
    expect(stored.api.prestart({ days: 0 }, 3)).toBe(false);
    expect(stored.api.prestart({ days: 60 }, -1)).toBe(false);
    expect(stored.created()).toBe(0);
    stored.api.start({ days: 10 }, 1);
    expect(stored.api.prestart({ days: 60 }, 3)).toBe(false);
    expect(stored.created()).toBe(1);
  });

  it('an error while unclaimed is not shown; start() then sets the run up again and reports it', () => {
    const h = harness();
    h.api.prestart({ days: 60, failAtDay: 2 }, 1);
    h.pump();
    expect(h.events).toEqual([]);
    const r = h.api.start({ days: 60, failAtDay: 2 }, 1);
    expect(r.ok && r.prestarted).toBeFalsy();
    h.pump();
    expect(h.events.some((e) => e.kind === 'error' && /fake failure on day 2/.test(e.message))).toBe(true);
  });
});

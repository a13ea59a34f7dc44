import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { Engine } from '../../../src/sim/core/engine.ts';

/** A small self-scheduling model: each event logs itself and may schedule up to two more. */
function buildModel(seedEvents: [number, number][]) {
  const e = new Engine(16);
  const log: string[] = [];
  let n = 0;
  const tick = e.register('tick', (a, b) => {
    log.push(`${e.now.toFixed(6)}:${a}:${b}`);
    if (n++ > 2000) return;
    // deterministic pseudo-random follow-ups from the args
    const d1 = ((a * 7 + b * 13) % 11) / 4; // may be 0: same-time follow-up
    e.after(d1, tick, a + 1, b, (a + b) % 3);
    if (a % 3 === 0) {
      const h = e.after(d1 + 0.5, tick, a + 2, b + 1);
      if (b % 2 === 0) e.cancel(h);
    }
  });
  for (const [t, b] of seedEvents) e.at(t, tick, 0, b);
  return { e, log };
}

describe('Engine', () => {
  test('wrapHandlers (bench:kinds) sees each event once under its kind and changes nothing the run does', () => {
    const plain = buildModel([[0, 0], [1.5, 1], [1.5, 2]]);
    plain.e.runUntil(1e9);
    const wrapped = buildModel([[0, 0], [1.5, 1], [1.5, 2]]);
    const seen = new Map<string, number>();
    wrapped.e.wrapHandlers((name, h) => (a, b) => {
      seen.set(name, (seen.get(name) ?? 0) + 1);
      h(a, b);
    });
    wrapped.e.runUntil(1e9);
    expect(wrapped.log).toEqual(plain.log);
    expect([...seen]).toEqual([['tick', wrapped.e.eventsProcessed]]);
    expect(wrapped.e.eventsProcessed).toBeGreaterThan(100);
  });

  test('refuses the past and NaN with a message naming the event and the clock', () => {
    const e = new Engine();
    const k = e.register('arrival', () => {});
    e.at(5, k);
    e.runUntil(5);
    expect(() => e.at(4, k)).toThrow(/cannot schedule 'arrival' at t=4 h: the clock is at 5 h/);
    expect(() => e.at(NaN, k)).toThrow(/t=NaN/);
    expect(() => e.after(-0.1, k)).toThrow(/past/);
    expect(() => e.after(NaN, k)).toThrow(/NaN/);
    expect(() => e.runUntil(4)).toThrow(/already at 5/);
    expect(() => e.at(6, 99)).toThrow(/unknown event kind 99/);
    expect(() => e.at(6, k, 0, 0, 1.5)).toThrow(/priority/);
    expect(() => e.at(6, k, 0, 0, -1)).toThrow(/priority/);
  });

  test('scheduling at exactly now is allowed and runs in the same runUntil', () => {
    const e = new Engine();
    const seen: number[] = [];
    const k = e.register('k', (a) => {
      seen.push(a);
      if (a < 3) e.after(0, k, a + 1);
    });
    e.at(2, k, 0);
    e.runUntil(2);
    expect(seen).toEqual([0, 1, 2, 3]);
    expect(e.now).toBe(2);
  });

  test('at(Infinity) schedules nothing', () => {
    const e = new Engine();
    const k = e.register('k', () => {});
    expect(e.at(Infinity, k)).toBe(-1);
    expect(e.peek()).toBe(Infinity);
  });

  test('runUntil processes events with time <= t, then sets the clock to t', () => {
    const e = new Engine();
    const seen: number[] = [];
    const k = e.register('k', () => seen.push(e.now));
    for (const t of [1, 2, 2, 3, 10]) e.at(t, k);
    expect(e.runUntil(2)).toBe(true);
    expect(seen).toEqual([1, 2, 2]);
    expect(e.now).toBe(2);
    expect(e.runUntil(5)).toBe(true);
    expect(e.now).toBe(5);
    expect(e.eventsProcessed).toBe(4);
    expect(e.peek()).toBe(10);
  });

  test('cancel skips the event and does not count it', () => {
    const e = new Engine();
    const seen: number[] = [];
    const k = e.register('k', (a) => seen.push(a));
    e.at(1, k, 1);
    const h = e.at(2, k, 2);
    e.at(3, k, 3);
    e.cancel(h);
    e.runUntil(10);
    expect(seen).toEqual([1, 3]);
    expect(e.eventsProcessed).toBe(2);
  });

  test('step() advances one event at a time', () => {
    const e = new Engine();
    const k = e.register('k', () => {});
    e.at(1, k);
    e.at(4, k);
    expect(e.step()).toBe(true);
    expect(e.now).toBe(1);
    expect(e.step()).toBe(true);
    expect(e.now).toBe(4);
    expect(e.step()).toBe(false);
  });

  test('maxEvents budget stops early and resumes without loss', () => {
    const { e, log } = buildModel([[0, 0], [0, 1], [0.5, 2]]);
    const whole = buildModel([[0, 0], [0, 1], [0.5, 2]]);
    whole.e.runUntil(50);
    let calls = 0;
    while (!e.runUntil(50, 7)) calls++;
    expect(calls).toBeGreaterThan(3);
    expect(log).toEqual(whole.log);
    expect(e.now).toBe(50);
  });

  test('runUntil in random slices equals the whole run (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }).map((x) => x / 4), fc.nat(5)), { minLength: 1, maxLength: 6 }),
        fc.array(fc.double({ min: 0, max: 60, noNaN: true }), { maxLength: 12, size: 'max' }),
        (seeds, cuts) => {
          const whole = buildModel(seeds);
          whole.e.runUntil(60);
          const sliced = buildModel(seeds);
          for (const c of [...cuts].sort((a, b) => a - b)) sliced.e.runUntil(Math.max(c, sliced.e.now));
          sliced.e.runUntil(60);
          expect(sliced.log).toEqual(whole.log);
          expect(sliced.e.eventsProcessed).toBe(whole.e.eventsProcessed);
        },
      ),
      { numRuns: 100, seed: 7 },
    );
  });
});

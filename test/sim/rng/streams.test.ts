import { describe, expect, test } from 'vitest';
import alea from 'seedrandom/lib/alea.js';
import { createStreams, deriveSeed, keyedUniform } from '../../../src/sim/rng/streams.ts';

const take = (r: () => number, n: number) => Array.from({ length: n }, () => r());

function correlation(a: number[], b: number[]): number {
  const n = a.length;
  const ma = a.reduce((s, x) => s + x, 0) / n;
  const mb = b.reduce((s, x) => s + x, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

describe('named streams', () => {
  test("a stream gives exactly seedrandom's alea double() for its seed", () => {
    for (const name of ['arrivals', 'jobs', 'x']) {
      const ours = take(createStreams(42).get(name), 100_000);
      const ref = alea(`42/${name}`);
      expect(ours).toEqual(take(() => ref.double(), 100_000));
    }
  });

  test('same seed and name give the same sequence', () => {
    expect(take(createStreams(42).get('arrivals'), 1000)).toEqual(take(createStreams(42).get('arrivals'), 1000));
  });

  test('the same name returns the same stream object (state is shared, not restarted)', () => {
    const s = createStreams(1);
    const a = s.get('x');
    expect(s.get('x')).toBe(a);
    const first = a();
    expect(s.get('x')()).not.toBe(first);
  });

  test('values are uniform on [0, 1) with 53-bit resolution', () => {
    const x = take(createStreams(3).get('u'), 20_000);
    expect(x.every((v) => v >= 0 && v < 1)).toBe(true);
    // double(): most values are not multiples of 2^-32
    expect(x.filter((v) => !Number.isInteger(v * 2 ** 32)).length).toBeGreaterThan(19_000);
    const m = x.reduce((a, b) => a + b, 0) / x.length;
    expect(Math.abs(m - 0.5)).toBeLessThan(4.5 * Math.sqrt(1 / 12 / x.length));
  });

  test('different names are independent: unequal and uncorrelated', () => {
    const s = createStreams(7);
    const a = take(s.get('supply'), 20_000);
    const b = take(s.get('arrivals'), 20_000);
    expect(a).not.toEqual(b);
    // |r| < 4.5 / sqrt(n) for independent sequences; also lag-1 within a stream
    expect(Math.abs(correlation(a, b))).toBeLessThan(4.5 / Math.sqrt(a.length));
    expect(Math.abs(correlation(a.slice(1), a.slice(0, -1)))).toBeLessThan(4.5 / Math.sqrt(a.length));
  });

  test('drawing from one stream never shifts another (adding a stream is safe)', () => {
    const alone = take(createStreams(9).get('jobs'), 500);
    const s = createStreams(9);
    const jobs = s.get('jobs');
    const other = s.get('matcher');
    const mixed: number[] = [];
    for (let i = 0; i < 500; i++) {
      for (let k = 0; k < i % 4; k++) other();
      mixed.push(jobs());
    }
    expect(mixed).toEqual(alone);
  });

  test('different seeds give different sequences for the same name', () => {
    expect(take(createStreams(1).get('a'), 10)).not.toEqual(take(createStreams(2).get('a'), 10));
  });

  test('a non-integer seed is refused', () => {
    expect(() => createStreams(1.5)).toThrow(/seed must be an integer, got 1.5/);
    expect(() => createStreams(NaN)).toThrow(/seed must be an integer/);
  });
});

describe('deriveSeed', () => {
  test('deterministic 32-bit unsigned integers, distinct within a batch', () => {
    const batch = Array.from({ length: 5000 }, (_, i) => deriveSeed(42, i));
    expect(batch).toEqual(Array.from({ length: 5000 }, (_, i) => deriveSeed(42, i)));
    expect(batch.every((v) => Number.isInteger(v) && v >= 0 && v < 2 ** 32)).toBe(true);
    expect(new Set(batch).size).toBe(batch.length);
  });

  test('neighbouring seeds give unrelated batches (no shared runs, unlike seed + i)', () => {
    const n = 2000;
    const a = Array.from({ length: n }, (_, i) => deriveSeed(42, i));
    const b = Array.from({ length: n }, (_, i) => deriveSeed(43, i));
    const shared = a.filter((x) => new Set(b).has(x));
    expect(shared).toEqual([]);
    // no shifted overlap either: batch 43 is not batch 42 moved by one
    expect(b.slice(0, -1)).not.toEqual(a.slice(1));
    // and the values are not correlated
    expect(Math.abs(correlation(a, b))).toBeLessThan(4.5 / Math.sqrt(n));
    // large seeds (beyond 32 bits) are mixed in too
    expect(deriveSeed(2 ** 40 + 42, 0)).not.toBe(deriveSeed(42, 0));
  });

  test('bits look uniform: each of the 32 bits is set about half the time', () => {
    const n = 20_000;
    const counts = new Array(32).fill(0);
    for (let i = 0; i < n; i++) {
      const v = deriveSeed(1, i);
      for (let b = 0; b < 32; b++) if ((v >>> b) & 1) counts[b]++;
    }
    const se = Math.sqrt(n / 4);
    for (const c of counts) expect(Math.abs(c - n / 2)).toBeLessThan(5 * se);
  });

  test('derived seeds give independent streams', () => {
    const a = take(createStreams(deriveSeed(5, 0)).get('x'), 10_000);
    const b = take(createStreams(deriveSeed(5, 1)).get('x'), 10_000);
    expect(Math.abs(correlation(a, b))).toBeLessThan(4.5 / 100);
  });
});

describe('keyedUniform (the matcher jitter: one draw keys a uniform per candidate)', () => {
  test('uniform on [0, 1): deciles even within 5 standard errors over random keys and indexes', () => {
    const rng = createStreams(11).get('keyed');
    const n = 50_000;
    const bins = new Array(10).fill(0);
    for (let k = 0; k < n / 50; k++) {
      const key = Math.floor(rng() * 2 ** 32);
      for (let i = 0; i < 50; i++) {
        const u = keyedUniform(key, i);
        expect(u >= 0 && u < 1).toBe(true);
        bins[Math.floor(u * 10)]++;
      }
    }
    const se = Math.sqrt(n * 0.1 * 0.9);
    for (const c of bins) expect(Math.abs(c - n / 10)).toBeLessThan(5 * se);
  });

  test('the candidates of one order get distinct, uncorrelated values; key + index wraps modulo 2^32', () => {
    const one = Array.from({ length: 1000 }, (_, i) => keyedUniform(123456789, i));
    expect(new Set(one).size).toBe(one.length);
    // consecutive indexes are not correlated
    expect(Math.abs(correlation(one.slice(0, -1), one.slice(1)))).toBeLessThan(4.5 / Math.sqrt(1000));
    // a key near the top of the 32-bit range wraps (keys are random 32-bit draws: two orders' families
    // overlap only when their keys are within a candidate count of each other, about 1 in 10^8 pairs)
    expect(keyedUniform(2 ** 32 - 1, 5)).toBe(keyedUniform(4, 0));
  });
});

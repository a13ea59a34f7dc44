// How long a long piece of work has left (the CLI's progress lines, the dashboard's batches), as a user reads it.
import { describe, expect, it } from 'vitest';
import { batchTimeLeft, RecentPace, timeLeft } from '../../src/common/pace.ts';

describe('timeLeft', () => {
  it('words seconds, minutes and hours, never "0 s"', () => {
    expect(timeLeft(0.2)).toBe('about 1 s left');
    expect(timeLeft(42.4)).toBe('about 42 s left');
    expect(timeLeft(89)).toBe('about 89 s left');
    expect(timeLeft(90)).toBe('about 2 min left');
    expect(timeLeft(25 * 60)).toBe('about 25 min left');
    expect(timeLeft(2 * 3600)).toBe('about 2.0 h left');
  });

  it('says it does not know before any progress (0 of the horizon done)', () => {
    expect(timeLeft(Infinity)).toBe('time left unknown');
    expect(timeLeft(NaN)).toBe('time left unknown');
  });
});

describe('RecentPace', () => {
  it('goes by the latest half of the run so far, not the cold first days', () => {
    const p = new RecentPace();
    expect(p.secondsPerUnit()).toBeNaN();
    p.mark(0, 0);
    // a cold first day (1 s), then ten days a second
    p.mark(1, 1);
    for (let d = 2; d <= 11; d++) p.mark(d, 1 + (d - 1) / 10);
    expect(p.secondsPerUnit()).toBeCloseTo(0.1, 12);
    // the pace since the start would have said almost twice as long
    expect(2 / 11).toBeGreaterThan(1.8 * p.secondsPerUnit());
    expect(timeLeft(p.secondsPerUnit() * (365 - 11))).toBe('about 35 s left');
  });

  it('looks back at most its window, so a run that slows down says so', () => {
    const p = new RecentPace(20);
    // 100 s at 10 days a second, then 20 s at 2 days a second
    for (let t = 0; t <= 100; t++) p.mark(10 * t, t);
    for (let t = 101; t <= 120; t++) p.mark(1000 + 2 * (t - 100), t);
    expect(p.secondsPerUnit()).toBeCloseTo(0.5, 12);
  });

  it('says it does not know while no day has passed', () => {
    const p = new RecentPace();
    p.mark(0, 0);
    p.mark(0, 1.5);
    expect(p.secondsPerUnit()).toBeNaN();
  });

  it("a batch's first mark waits until no run is setting up; later marks do not", () => {
    const p = new RecentPace(20, 1);
    // two runs: one has made progress, the other is still setting up: its share counts as nothing,
    // so a pace taken from here would be too slow
    expect(p.markBatch(0.1, 1, true)).toBe(false);
    expect(p.markBatch(0.2, 2, true)).toBe(false);
    expect(p.started).toBe(false);
    expect(p.markBatch(0.5, 3, false)).toBe(true);
    expect(p.started).toBe(true);
    // once started, a new run setting up (the next of the batch) does not stop the marks
    expect(p.markBatch(1.0, 5, true)).toBe(true);
    expect(p.secondsPerUnit()).toBeCloseTo(2 / 0.5, 12);
  });
});

describe('batchTimeLeft', () => {
  it('words the time left at the pace per run, or says it is estimating while there is no pace', () => {
    expect(batchTimeLeft(6, 20 - 3.41)).toBe('about 2 min left');
    expect(batchTimeLeft(NaN, 2)).toBe('estimating the time left');
  });

  it('a batch of two years on two threads: no time left from the threads\' start-up, then close to the truth', () => {
    // Both threads start 1.9 s in (loading the model) with nothing done; their first 2 s run at a
    // third of the pace (cold code), then a year takes 10 s per thread: the batch ends 3.9 + 10 - 2/3 s in.
    const doneAt = (t: number) => {
      if (t < 1.9) return 0;
      const warm = Math.min(t - 1.9, 2) / 3 + Math.max(0, t - 3.9);
      return (2 * warm) / 10; // runs done, both threads together
    };
    const end = 1.9 + 2 + 10 - 2 / 3;
    const pace = new RecentPace(20, 1);
    const estimates: [number, number][] = [];
    for (let t = 1.9; t < end; t += 0.5) {
      pace.mark(doneAt(t), t);
      estimates.push([t, pace.secondsPerUnit() * (2 - doneAt(t))]);
    }
    // the first reports (the first second of progress) give no estimate
    expect(estimates.filter(([t]) => t < 2.9).every(([, e]) => Number.isNaN(e))).toBe(true);
    // from 4 s in, every estimate is within a factor 2 of the time really left (and the pace since
    // the start, what the batch used to say, is at 4.4 s more than twice the truth)
    for (const [t, e] of estimates.filter(([t]) => t >= 4 && end - t > 1)) {
      expect(e).toBeGreaterThan((end - t) / 2);
      expect(e).toBeLessThan((end - t) * 2);
    }
    const t = 4.4;
    expect(((t * (2 - doneAt(t))) / doneAt(t)) / (end - t)).toBeGreaterThan(2);
  });
});

// A batch's time left as the dashboard's Monte Carlo status gives it: runs done, each run's set-up
// included (common/batchProgress.ts), at the batch's recent pace (common/pace.ts).
import { describe, expect, it } from 'vitest';
import { BatchProgress } from '../../src/common/batchProgress.ts';
import { RecentPace } from '../../src/common/pace.ts';

describe('BatchProgress', () => {
  it('counts nothing for a run setting up until a run has finished, then its set-up at the finished runs\' pace', () => {
    const p = new BatchProgress();
    expect(p.setupShare()).toBe(0);
    expect(p.share(0, NaN, 0, 1)).toBe(0);
    // a run that took 2 s to set up and 10 s in all: set-up is a fifth of a run
    p.runFinished(2, 10);
    expect(p.setupShare()).toBeCloseTo(0.2, 12);
    expect(p.share(20, NaN, 0, 21)).toBeCloseTo(0.1, 12); // half the mean set-up
    expect(p.share(20, NaN, 0, 25)).toBeCloseTo(0.2, 12); // a slow set-up waits at its end
    expect(p.share(20, 22, 0.5, 26)).toBeCloseTo(0.2 + 0.8 * 0.5, 12);
    expect(p.share(20, 22, 1, 30)).toBeCloseTo(1, 12);
  });

  it('ignores a run whose times make no sense (no set-up share from a broken clock)', () => {
    const p = new BatchProgress();
    p.runFinished(NaN, 10);
    p.runFinished(5, 4);
    p.runFinished(0, 0);
    expect(p.setupShare()).toBe(0);
  });
});

describe('RecentPace with a least span', () => {
  it('once it has given an estimate it keeps giving one, however the marks fall', () => {
    const p = new RecentPace(20, 1);
    p.mark(0, 0);
    p.mark(0.05, 1.05); // an estimate: 1.05 s of progress
    expect(p.secondsPerUnit()).toBeCloseTo(21, 9);
    // more marks close together: the window (half the time so far, 0.6 s) would be under a second
    p.mark(0.06, 1.1);
    p.mark(0.07, 1.2);
    expect(Number.isFinite(p.secondsPerUnit())).toBe(true);
  });
});

/**
 * Six runs on two workers, as the dashboard's Monte Carlo bands: the second worker starts a second
 * after the first; each run sets up for 1.5 s (no simulated time); a worker's first run runs cold
 * for its first 2 s (at a third of the pace); a run's horizon takes 8 s warm. Returns the status's
 * estimates, every half second, against the time really left; `withSetup` false counts progress as
 * the dashboard did before (simulated time only, from the first progress on).
 */
function batch(withSetup: boolean): { t: number; estimate: number; truth: number }[] {
  const SETUP = 1.5;
  const COLD = 2;
  const WARM = 8;
  // a run's simulated share after `dt` s of simulating, and how long it takes in all
  const fraction = (dt: number, cold: boolean) => Math.min(1, (cold ? Math.min(dt, COLD) / 3 + Math.max(0, dt - COLD) : dt) / WARM);
  const length = (cold: boolean) => SETUP + (cold ? WARM + (2 * COLD) / 3 : WARM);
  const runs: { start: number; cold: boolean }[] = [];
  for (const [w, t0] of [0, 1].entries()) {
    let t = t0;
    for (let k = 0; k < 3; k++) {
      runs.push({ start: t, cold: k === 0 });
      t += length(k === 0);
    }
    void w;
  }
  const end = Math.max(...runs.map((r) => r.start + length(r.cold)));
  const progress = new BatchProgress();
  const pace = new RecentPace(20, withSetup ? 2 : 1);
  const filed = new Set<number>();
  const out: { t: number; estimate: number; truth: number }[] = [];
  for (let t = 0.25; t < end - 0.5; t += 0.25) {
    let done = 0;
    let settingUp = false;
    runs.forEach((r, i) => {
      const dt = t - r.start;
      if (dt < 0) return;
      if (dt >= length(r.cold)) {
        if (!filed.has(i)) {
          filed.add(i);
          progress.runFinished(SETUP, length(r.cold));
        }
        done += 1;
        return;
      }
      if (dt < SETUP) settingUp = true;
      const sim = dt < SETUP ? 0 : fraction(dt - SETUP, r.cold);
      done += withSetup ? progress.share(r.start, dt < SETUP ? NaN : r.start + SETUP, sim, t) : sim;
    });
    if (withSetup ? !pace.started && settingUp : done === 0) continue;
    pace.mark(done, t);
    if (Math.round(t * 4) % 2 === 0) out.push({ t, estimate: pace.secondsPerUnit() * (runs.length - done), truth: end - t });
  }
  return out;
}

/** The largest rise of the estimate (s) from one report to the next, after the first `settle` s of estimates, while more than 2 s are left. */
function largestRise(es: { t: number; estimate: number; truth: number }[], settle: number): number {
  const given = es.filter((e) => Number.isFinite(e.estimate) && e.truth > 2);
  const from = given[0].t + settle;
  let rise = 0;
  for (let i = 1; i < given.length; i++) if (given[i - 1].t >= from) rise = Math.max(rise, given[i].estimate - given[i - 1].estimate);
  return rise;
}

describe('the batch time left', () => {
  it('waits for every worker and its coldest seconds, then stays near the truth', () => {
    const given = batch(true).filter((e) => Number.isFinite(e.estimate) && e.truth > 2);
    expect(given.length).toBeGreaterThan(40);
    const ratios = given.map((e) => e.estimate / e.truth);
    expect(Math.max(...ratios)).toBeLessThan(1.8);
    expect(Math.min(...ratios)).toBeGreaterThan(0.6);
    // counting set-ups as nothing done, from the first progress: the first estimate was 3.4 times the truth
    const before = batch(false).filter((e) => Number.isFinite(e.estimate));
    expect(before[0].estimate / before[0].truth).toBeGreaterThan(3);
  });

  it('does not jump up when a worker moves on to its next run and sets it up', () => {
    // each worker's second and third runs start mid-batch: counted as nothing done for 1.5 s, the
    // estimate rose by about 1.5 s at a time while the time left fell; now it does not rise
    expect(largestRise(batch(false), 3)).toBeGreaterThan(1.2);
    expect(largestRise(batch(true), 3)).toBeLessThan(0.25);
  });
});

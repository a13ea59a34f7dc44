// The progress line of a long run and its estimate of the wall time left, as a researcher reads them.
import { describe, expect, it } from 'vitest';
import { batchProgressLine, progressLine } from '../../src/cli/progress.ts';

describe('progressLine', () => {
  it('gives the day, the share done, the events, the time so far and the time left at that pace', () => {
    expect(progressLine(36.5, 365, 412_345, 2.24)).toBe('day 36/365 (10%), 0.4 M events, 2.2 s, about 20 s left');
    expect(progressLine(0, 365, 0, 0.1)).toBe('day 0/365 (0%), 0.0 M events, 0.1 s, time left unknown');
  });

  it('estimates the time left at the given recent pace (seconds per day)', () => {
    expect(progressLine(36.5, 365, 412_345, 2.24, 0.05)).toBe('day 36/365 (10%), 0.4 M events, 2.2 s, about 16 s left');
    expect(progressLine(36.5, 365, 412_345, 2.24, NaN)).toBe('day 36/365 (10%), 0.4 M events, 2.2 s, time left unknown');
  });
});

describe('batchProgressLine', () => {
  it('gives the runs done, the running ones, the events, the time so far and the time left at the pace per run', () => {
    expect(batchProgressLine(3, 20, 'seeds', 'seed 4 day 120/365, seed 5 day 30/365', 12_100_000, 40.24, 3.41, 6)).toBe(
      '3/20 seeds done (running: seed 4 day 120/365, seed 5 day 30/365), 12.1 M events, 40.2 s, about 2 min left',
    );
  });

  it('says it is estimating while there is no pace yet, not a guess from the start-up', () => {
    expect(batchProgressLine(0, 2, 'seeds', 'seed 1 day 2/365', 40_000, 2.1, 0.005, NaN)).toBe(
      '0/2 seeds done (running: seed 1 day 2/365), 0.0 M events, 2.1 s, estimating the time left',
    );
  });
});

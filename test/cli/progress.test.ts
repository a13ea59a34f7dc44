// The progress line of a long run and its estimate of the wall time left, as a researcher reads them.
import { describe, expect, it } from 'vitest';
import { progressLine, timeLeft } from '../../src/cli/progress.ts';

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

describe('progressLine', () => {
  it('gives the day, the share done, the events, the time so far and the time left at that pace', () => {
    expect(progressLine(36.5, 365, 412_345, 2.24)).toBe('day 36/365 (10%), 0.4 M events, 2.2 s, about 20 s left');
    expect(progressLine(0, 365, 0, 0.1)).toBe('day 0/365 (0%), 0.0 M events, 0.1 s, time left unknown');
  });
});

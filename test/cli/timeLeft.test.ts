// The progress line's estimate of the wall time left, as a researcher reads it on a long run.
import { describe, expect, it } from 'vitest';
import { timeLeft } from '../../src/cli/runCommand.ts';

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

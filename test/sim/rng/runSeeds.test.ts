import { describe, expect, it } from 'vitest';
import { batchOrder, describeSeeds, isRunBatch, runSeeds, seedRanges } from '../../../src/sim/rng/runSeeds.ts';
import { deriveSeed } from '../../../src/sim/rng/streams.ts';

describe('runSeeds', () => {
  it('starts with the seed itself, then the seeds derived from it', () => {
    expect(runSeeds(42, 4)).toEqual([42, deriveSeed(42, 1), deriveSeed(42, 2), deriveSeed(42, 3)]);
    expect(runSeeds(42, 1)).toEqual([42]);
    // a longer batch extends a shorter one: adding runs keeps the runs already done
    expect(runSeeds(7, 50).slice(0, 10)).toEqual(runSeeds(7, 10));
  });

  it('gives neighbouring seeds unrelated batches (seed + i shared all runs but one)', () => {
    for (let seed = 0; seed < 200; seed++) {
      const a = new Set(runSeeds(seed, 50));
      const shared = runSeeds(seed + 1, 50).filter((s) => a.has(s));
      expect(shared.length, `seeds ${seed} and ${seed + 1}`).toBeLessThanOrEqual(1); // at most the seed itself
    }
  });

  it('never repeats a seed within a batch, and stays within the CLI seed range', () => {
    for (const seed of [0, 1, 2 ** 32 - 1, 2 ** 40]) {
      const b = runSeeds(seed, 500);
      expect(new Set(b).size).toBe(500);
      for (const s of b.slice(1)) expect(s >= 0 && s <= 2 ** 32 - 1 && Number.isInteger(s)).toBe(true);
    }
  });

  it('refuses a seed or count that is not a whole number', () => {
    expect(() => runSeeds(-1, 3)).toThrow(/seed/);
    expect(() => runSeeds(1.5, 3)).toThrow(/seed/);
    expect(() => runSeeds(1, 0)).toThrow(/at least one run/);
  });
});

describe('describeSeeds', () => {
  it('names a derived batch by its first seed and count', () => {
    expect(isRunBatch(runSeeds(42, 10))).toBe(true);
    expect(describeSeeds(runSeeds(42, 10))).toBe('seed 42 and the 9 derived from it');
    expect(isRunBatch([42, 43])).toBe(false);
  });

  it('writes consecutive seeds as ranges and elides the middle of a long list', () => {
    expect(seedRanges([1, 2, 3, 7, 9, 10])).toBe('1-3, 7, 9-10');
    expect(describeSeeds([4, 5, 6, 7, 8], '–')).toBe('seeds 4–8');
    expect(describeSeeds([7])).toBe('seed 7');
    expect(describeSeeds([1, 3, 5, 7, 9, 11, 13, 15, 17, 19])).toBe('seeds 1, 3, 5, … 6 more …, 19');
    expect(describeSeeds([])).toBe('no seeds');
  });
});

describe('batchOrder', () => {
  it('puts a batch, in any order, in its runs\' order (as --seed s --runs N adds them up), and other seeds ascending (as --seeds a-b)', () => {
    const b = runSeeds(4, 5);
    expect(batchOrder([b[3], b[0], b[4], b[2], b[1]])).toEqual(b);
    expect(batchOrder([8, 4, 6, 5, 7])).toEqual([4, 5, 6, 7, 8]);
    expect(batchOrder([b[0], b[1], b[3]])).toEqual([b[0], b[1], b[3]].sort((x, y) => x - y)); // not a whole batch
  });
});

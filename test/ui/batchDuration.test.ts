// Before a long batch starts, the panel says how long it will take, from the page's own run.
import { describe, expect, it } from 'vitest';
import { batchDuration } from '../../src/ui/lib/batchDuration.ts';

describe('how long a batch will take', () => {
  it('counts the runs in waves of the workers it gets, each as long as the page\'s run', () => {
    // 160 runs of 1.2 s on 2 cores: 80 waves (96 s)
    expect(batchDuration(160, 1.2, 1, 2)).toBe("about 2 min: 2 runs at a time, each about 1 s as the page's run took");
    // a year's Sobol design of 64 rows x (20 + 3) on 4 cores: 368 waves of 12 s
    expect(batchDuration(1472, 12, 1, 4)).toBe("about 74 min: 4 runs at a time, each about 12 s as the page's run took");
    // an odd run out takes a wave of its own
    expect(batchDuration(3, 10, 1, 2)).toBe("about 20 s: 2 runs at a time, each about 10 s as the page's run took");
    expect(batchDuration(1, 10, 1, 8)).toBe("about 10 s: 1 run at a time, each about 10 s as the page's run took");
  });

  it('a large network gets fewer workers (memory), so takes longer', () => {
    const small = batchDuration(40, 10, 1, 8)!;
    const large = batchDuration(40, 10, 20, 8)!;
    expect(small).toMatch(/^about 50 s: 8 runs at a time/);
    expect(Number(/(\d+) runs? at a time/.exec(large)![1])).toBeLessThan(8);
  });

  it('says nothing while the page\'s run time is unknown, or with nothing to run', () => {
    expect(batchDuration(10, NaN, 1, 2)).toBeNull();
    expect(batchDuration(10, 0, 1, 2)).toBeNull();
    expect(batchDuration(0, 5, 1, 2)).toBeNull();
  });
});

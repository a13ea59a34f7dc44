import { describe, expect, it } from 'vitest';
import { bytesStillNeeded, diskWarnMessage, DiskWatch } from '../../src/cli/diskWatch.ts';

const MB = 2 ** 20;
const GB = 2 ** 30;

describe('bytesStillNeeded', () => {
  it('carries the pace so far to the horizon', () => {
    // 1 GB in 36.5 of 365 days: 9 GB still to come
    expect(bytesStillNeeded(GB, 36.5, 365)! / GB).toBeCloseTo(9, 10);
  });

  it('says nothing in the first 5% (warm-up), the last 10% (too late to act on) or before any byte', () => {
    expect(bytesStillNeeded(GB, 10, 365)).toBeNull();
    expect(bytesStillNeeded(GB, 340, 365)).toBeNull();
    expect(bytesStillNeeded(0, 100, 365)).toBeNull();
  });
});

describe('DiskWatch', () => {
  it('warns once when the file will need more than the disk has free, naming the sizes and what to do', () => {
    const said: string[] = [];
    const w = new DiskWatch('leases.csv', 365, (m) => said.push(m), () => 5 * GB);
    w.check(100 * MB, 36.5); // 900 MB to come: fits
    expect(said).toEqual([]);
    w.check(1 * GB, 36.5); // 9 GB to come, 5 GB free
    w.check(2 * GB, 73);
    expect(said).toEqual([diskWarnMessage('leases.csv', GB, 9 * GB, 5 * GB, 365)]);
    expect(said[0]).toBe(
      'warning: at this pace leases.csv grows to about 10.0 GB by day 365, and its disk has 5.0 GB free: the run would stop when the disk fills, with nothing written; stop it (Ctrl-C) and make room, or run without --leases',
    );
  });

  it('stays quiet where the free space cannot be read', () => {
    const said: string[] = [];
    new DiskWatch('x.csv', 100, (m) => said.push(m), () => null).check(GB, 50);
    expect(said).toEqual([]);
  });
});

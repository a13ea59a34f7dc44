// The outputs of a batch, written run by run to staged files: the long CSV and the bands.
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LongCsvOutput, prefixedChunk } from '../../src/cli/longCsv.ts';
import { BandWriter } from '../../src/cli/bands.ts';
import { quantileType7 } from '../../src/sim/metrics/quantile.ts';

const dir = mkdtempSync(join(tmpdir(), 'depinsim-long-'));
const partials = () => readdirSync(dir).filter((n) => n.endsWith('.partial'));

describe('LongCsvOutput', () => {
  it('writes the runs as they are added (not held until the end), then puts the file and its sidecar in place', () => {
    const path = join(dir, 'all.csv');
    const seeds = [1, 2];
    const out = new LongCsvOutput(path, 'seed', (i) => `${seeds[i]}`, { seeds });
    out.add(0, { csv: 'day,x\n1,10\n' });
    // the first run is on disk, beside the target, before the batch is over
    expect(readFileSync(`${path}.partial`, 'utf8')).toBe('seed,day,x\n1,1,10\n');
    expect(existsSync(path)).toBe(false);
    out.add(1, { csv: 'day,x\n1,20\n' });
    out.publish();
    expect(readFileSync(path, 'utf8')).toBe('seed,day,x\n1,1,10\n2,1,20\n');
    expect(JSON.parse(readFileSync(`${path}.meta.json`, 'utf8'))).toEqual({ seeds: [1, 2] });
    expect(partials()).toEqual([]);
  });

  it('a batch that fails leaves the earlier file as it was, and no partial file', () => {
    const path = join(dir, 'keep.csv');
    writeFileSync(path, 'earlier results\n');
    const out = new LongCsvOutput(path, 'seed', () => '1', {});
    out.add(0, { csv: 'day,x\n1,10\n' });
    out.discard();
    expect(readFileSync(path, 'utf8')).toBe('earlier results\n');
    expect(partials()).toEqual([]);
  });

  it('a run with no rows adds nothing but, first, the header', () => {
    expect(prefixedChunk('seed', '1', 'day,x\n', true)).toBe('seed,day,x\n');
    expect(prefixedChunk('seed', '2', 'day,x\n', false)).toBe('');
  });
});

describe('quantileType7', () => {
  it('interpolates between order statistics as R quantile() and numpy.percentile do', () => {
    const x = [1, 2, 3, 4, 10];
    // numpy.percentile([1, 2, 3, 4, 10], [10, 50, 90]) = [1.4, 3, 7.6]
    expect(quantileType7(x, 5, 0.1)).toBeCloseTo(1.4, 12);
    expect(quantileType7(x, 5, 0.5)).toBe(3);
    expect(quantileType7(x, 5, 0.9)).toBeCloseTo(7.6, 12);
    expect(quantileType7([7], 1, 0.9)).toBe(7);
    expect(quantileType7([], 0, 0.5)).toBeNaN();
    // an infinite value at an order statistic hit exactly, or on both sides, stays itself (not NaN)
    expect(quantileType7([1, 2, Infinity], 3, 0.5)).toBe(2);
    expect(quantileType7([1, Infinity, Infinity], 3, 0.9)).toBe(Infinity);
  });
});

describe('BandWriter', () => {
  const cols = [
    { name: 'day', unit: 'day', description: 'period' },
    { name: 'u', unit: 'share', description: 'utilization' },
  ];

  it('per point and day: mean, p10, p50, p90 across seeds, leaving out runs without a value; each point written when its last seed is in', () => {
    const path = join(dir, 'bands.csv');
    const runs = [0, 0, 0, 1, 1, 1]; // two points, three seeds each
    const head = [{ name: 'point', unit: '', description: '' }, { name: 'x', unit: '', description: '' }];
    const w = new BandWriter(path, head, cols, 3, (i) => ({ g: runs[i], prefix: `${runs[i] + 1},${runs[i] ? 'b' : 'a'}` }), { seeds: [1, 2, 3] });
    w.add(0, { csv: 'day,u\n1,0.5\n2,\n' });
    w.add(1, { csv: 'day,u\n1,0.6\n2,0.2\n' });
    w.add(2, { csv: 'day,u\n1,0.7\n2,\n' });
    // point 1 is complete: on disk before point 2 has run
    expect(readFileSync(`${path}.partial`, 'utf8')).toBe('point,x,day,u_mean,u_p10,u_p50,u_p90\n1,a,1,0.6,0.52,0.6,0.68\n1,a,2,0.2,0.2,0.2,0.2\n');
    w.add(3, { csv: 'day,u\n1,inf\n2,\n' });
    w.add(4, { csv: 'day,u\n1,1\n2,\n' });
    w.add(5, { csv: 'day,u\n1,2\n2,\n' });
    w.publish();
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    // day 2 of point 2 has no value in any run: empty cells, not zeros
    expect(lines.slice(3)).toEqual(['2,b,1,inf,1.2,2,inf', '2,b,2,,,,']);
    const meta = JSON.parse(readFileSync(`${path}.meta.json`, 'utf8'));
    expect(meta.seeds).toEqual([1, 2, 3]);
    expect(meta.statistics).toMatch(/type 7/);
    expect(meta.columns.map((c: { name: string }) => c.name)).toEqual(['point', 'x', 'day', 'u_mean', 'u_p10', 'u_p50', 'u_p90']);
    expect(meta.columns[4].description).toBe('10th percentile across seeds of u: utilization');
    expect(partials()).toEqual([]);
  });
});

// The long CSV of a batch, written run by run to a staged file.
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LongCsvOutput, prefixedChunk } from '../../src/cli/longCsv.ts';

const dir = mkdtempSync(join(tmpdir(), 'depinsim-long-'));

describe('LongCsvOutput', () => {
  it('writes the runs as they are added (not held until the end), then puts the file and its sidecar in place', () => {
    const path = join(dir, 'all.csv');
    const out = new LongCsvOutput(path, 'seed');
    out.add('1', 'day,x\n1,10\n');
    // the first run is on disk, beside the target, before the batch is over
    expect(readFileSync(`${path}.partial`, 'utf8')).toBe('seed,day,x\n1,1,10\n');
    expect(existsSync(path)).toBe(false);
    out.add('2', 'day,x\n1,20\n');
    out.publish({ seeds: [1, 2] });
    expect(readFileSync(path, 'utf8')).toBe('seed,day,x\n1,1,10\n2,1,20\n');
    expect(JSON.parse(readFileSync(`${path}.meta.json`, 'utf8'))).toEqual({ seeds: [1, 2] });
    expect(readdirSync(dir).filter((n) => n.endsWith('.partial'))).toEqual([]);
  });

  it('a batch that fails leaves the earlier file as it was, and no partial file', () => {
    const path = join(dir, 'keep.csv');
    writeFileSync(path, 'earlier results\n');
    const out = new LongCsvOutput(path, 'seed');
    out.add('1', 'day,x\n1,10\n');
    out.discard();
    expect(readFileSync(path, 'utf8')).toBe('earlier results\n');
    expect(readdirSync(dir).filter((n) => n.endsWith('.partial'))).toEqual([]);
  });

  it('a run with no rows adds nothing but, first, the header', () => {
    expect(prefixedChunk('seed', '1', 'day,x\n', true)).toBe('seed,day,x\n');
    expect(prefixedChunk('seed', '2', 'day,x\n', false)).toBe('');
  });
});

/**
 * What `depinsim run` does when one of the run's model checks breaks (a bug in the model: a real
 * run cannot break them, so the escrow check is broken here by wrapping runChecks): the files are
 * written, the broken check is said with its figures even with --quiet, the summary does not claim
 * the checks held, and the run exits 1 so a script knows not to trust what it wrote.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cliInProcess as run } from './cliInProcess.ts';
import { EXIT } from '../../src/cli/errors.ts';

vi.mock(import('../../src/sim/model/runChecks.ts'), async (original) => {
  const m = await original();
  return {
    ...m,
    runChecks: (...args: Parameters<typeof m.runChecks>) =>
      m.runChecks(...args).map((c) => (c.id === 'escrow' ? { ...c, holds: false, detail: 'the escrow account holds 12 USD; the 2 live leases\' deposits less what they paid out: 11 USD; off by 1 USD' } : c)),
  };
});

const dir = mkdtempSync(join(tmpdir(), 'depinsim-broken-'));


describe('a broken model check', () => {
  afterEach(() => vi.restoreAllMocks());

  it('fails the run with exit 1 and its figures, after writing the files, even with --quiet', async () => {
    const out = join(dir, 'q.csv');
    const r = await run(['run', 'baseline', '--seed', '1', '--days', '2', '--scale', '0.1', '--out', out, '--quiet']);
    expect(r.code).toBe(EXIT.runFailed);
    expect(r.err).toBe("depinsim: model check failed: escrow held for the live leases: the escrow account holds 12 USD; the 2 live leases' deposits less what they paid out: 11 USD; off by 1 USD\n");
    // the results stay for inspection, with what reproduces them
    expect(existsSync(out)).toBe(true);
    expect(existsSync(`${out}.meta.json`)).toBe(true);
  });

  it('without --quiet the summary still comes, but not the line saying the checks hold', async () => {
    const r = await run(['run', 'baseline', '--seed', '1', '--days', '2', '--scale', '0.1', '--out', join(dir, 's.csv')]);
    expect(r.code).toBe(EXIT.runFailed);
    expect(r.err).toContain('depinsim: model check failed: escrow held for the live leases: ');
    expect(r.err).toMatch(/depinsim: baseline seed 1, 2 days, hash [0-9a-f]{16}: /);
    expect(r.err).not.toContain('model checks: all');
  });
});

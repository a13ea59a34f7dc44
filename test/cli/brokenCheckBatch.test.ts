/**
 * What a batch (`--runs`, `--seeds`, `--sweep`, `--sample`) does when one of a run's model checks
 * breaks (a bug in the model: a real run cannot break them, so the escrow check is broken here by
 * wrapping runChecks). The run, as its worker thread does it (batchJob.ts), reports itself failed
 * with the broken check and its figures instead of its results; a failed run ends the batch, which
 * names the run and publishes none of its files, and the CLI exits 1 (main.ts: any such error).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runJob } from '../../src/cli/batchJob.ts';
import { runBatchInto, type RunSink } from '../../src/cli/batch.ts';
import type { WorkerReply } from '../../src/cli/replicaMessages.ts';
import { findPreset } from '../../src/sim/scenario/presets.ts';
import { applyOverrides } from '../../src/sim/scenario/overrides.ts';
import { parseScenario } from '../../src/sim/scenario/validate.ts';
import type { Scenario } from '../../src/sim/scenario/schema.ts';

const breaking = vi.hoisted(() => ({ escrow: true }));

vi.mock(import('../../src/sim/model/runChecks.ts'), async (original) => {
  const m = await original();
  return {
    ...m,
    runChecks: (...args: Parameters<typeof m.runChecks>) =>
      m.runChecks(...args).map((c) => (breaking.escrow && c.id === 'escrow' ? { ...c, holds: false, detail: 'the escrow account holds 12 USD; off by 1 USD' } : c)),
  };
});

const scenario = parseScenario(applyOverrides(findPreset('baseline')!.raw, ['scale=0.1', 'horizonDays=2']));

/** Runs a job in this process as a worker thread would; returns what it posted. */
function job(run: number): WorkerReply[] {
  const posted: WorkerReply[] = [];
  runJob({ run, scenario, seed: 1 }, (m) => posted.push(m));
  return posted;
}

describe('a broken model check in a batch', () => {
  afterEach(() => {
    breaking.escrow = true;
  });

  it("fails the run in its thread, with the check's figures, and sends back no results", () => {
    const posted = job(4);
    expect(posted.at(-1)).toEqual({ type: 'failed', run: 4, message: 'model check failed: escrow held for the live leases: the escrow account holds 12 USD; off by 1 USD' });
    expect(posted.some((m) => m.type === 'done')).toBe(false);
  });

  it('the same run with every check holding sends back its CSV and how many checks held', () => {
    breaking.escrow = false;
    const last = job(4).at(-1)!;
    expect(last.type).toBe('done');
    if (last.type !== 'done') return;
    expect(last.checks).toBe(8);
    expect(last.csv.split('\n')[0]).toMatch(/^day,gpus_total,/);
  });

  it('a run failing in its worker thread ends the batch: the error names the run, and no file is published', async () => {
    // a run that fails in its thread for real (a scenario the core cannot build), as a broken check's run does
    const broken = { ...scenario, supply: null } as unknown as Scenario;
    const sink = { add: vi.fn(), publish: vi.fn(), discard: vi.fn() } satisfies RunSink;
    const batch = runBatchInto(
      { scenarios: [scenario, broken], runs: [{ scenario: 0, seed: 1 }, { scenario: 1, seed: 1 }], threads: 2, quiet: true, label: (r) => `point ${r + 1} seed 1`, unit: 'runs' },
      [sink],
    );
    await expect(batch).rejects.toThrow(/^point 2 seed 1: /);
    expect(sink.publish).not.toHaveBeenCalled();
    expect(sink.discard).toHaveBeenCalledTimes(1);
  }, 60_000);
});

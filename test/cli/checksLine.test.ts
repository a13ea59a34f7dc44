/** The CLI's report of a run's checks: one line when all hold, a line per broken one (and the exit code then says the run failed: runCommand.ts). */
import { describe, expect, it } from 'vitest';
import { brokenChecks, checksLine } from '../../src/cli/checksLine.ts';
import { ledgerCheck, littleCheck } from '../../src/sim/model/runChecks.ts';

describe('checksLine', () => {
  it('says all hold in one line, or names each broken check with its figures', () => {
    const ok = [littleCheck(100, 100), ledgerCheck(12, null)];
    expect(checksLine(ok)).toBe("model checks: all 2 hold: Little's law on the order queue (100 order-hours both ways); double-entry ledger (12 entries balanced)");
    expect(brokenChecks(ok)).toEqual([]);
    const bad = [littleCheck(100, 90), ledgerCheck(12, null)];
    expect(brokenChecks(bad)).toEqual([
      "model check failed: Little's law on the order queue: time-average orders waiting × hours: 100 order-hours; hours every order waited: 90 order-hours; 11.1% apart",
    ]);
  });
});

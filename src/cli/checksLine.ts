/**
 * A run's checks (sim/model/runChecks.ts) as the CLI reports them: one line when all hold (the
 * summary's last), a line per broken one otherwise (shown with --quiet too: the results it wrote
 * break an identity the model must keep, and the exit code says the run failed). A batch's runs
 * are checked in their worker threads (batchJob.ts): a broken one fails the batch.
 */
import type { RunCheck } from '../sim/model/runChecks.ts';

export function checksLine(checks: readonly RunCheck[]): string {
  return `model checks: all ${checks.length} hold: ${checks.map((c) => `${c.title} (${c.short})`).join('; ')}`;
}

export function brokenChecks(checks: readonly RunCheck[]): string[] {
  return checks.filter((c) => !c.holds).map((c) => `model check failed: ${c.title}: ${c.detail}`);
}

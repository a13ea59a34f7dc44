// `depinsim run` on an M/M/c scenario: queueing theory beside the run's own figures.
import { describe, expect, it } from 'vitest';
import { theoryLine } from '../../src/cli/theoryLine.ts';
import type { MmcTheory } from '../../src/sim/scenario/queueTheory.ts';

const f = (...v: number[]) => new Float64Array(v);
const theory: MmcTheory = { c: 100, lambdaPerHour: 90, meanServiceHours: 1, rho: 0.9, pWait: 0.2169, meanWaitHours: 0.02169 };
// day 1 is the empty queue filling up: left out
const table = { columns: [], rows: 3, data: { utilization: f(0.5, 0.9, 0.92), wait_mean_h: f(0, 0.02, 0.04), jobs_started: f(1000, 300, 100) } };

describe('the theory line of depinsim run', () => {
  it('theory and the run after day 1, the wait weighted by leases started', () => {
    expect(theoryLine(theory, table)).toBe(
      'depinsim: this scenario is an M/M/c queue (c = 100, lambda = 90/h, 1/mu = 1 h): theory utilization 90.0%, mean wait 0.0217 h (Erlang C); simulated over days 2-3 91.0% and 0.0250 h\n',
    );
  });

  it('an overloaded queue says it grows without bound', () => {
    expect(theoryLine({ ...theory, lambdaPerHour: 110, rho: 1.1, pWait: NaN, meanWaitHours: NaN }, table)).toMatch(/rho = 1\.100 >= 1: the queue grows without bound \(simulated utilization 91\.0% over days 2-3\)/);
  });
});

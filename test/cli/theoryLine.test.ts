// `depinsim run` on an M/M/c scenario: queueing theory beside the run's own figures.
import { describe, expect, it } from 'vitest';
import { theoryLine } from '../../src/cli/theoryLine.ts';
import type { MmcTheory } from '../../src/sim/scenario/queueTheory.ts';

const f = (...v: number[]) => new Float64Array(v);
const theory: MmcTheory = {
  queue: 'M/M/c',
  c: 100,
  lambdaPerHour: 90,
  meanServiceHours: 1,
  meanPatienceHours: Infinity,
  rho: 0.9,
  stable: true,
  utilization: 0.9,
  pWait: 0.2169,
  pAbandon: 0,
  fillRate: 1,
  meanWaitHours: 0.02169,
  meanQueue: 1.952,
};
// day 1 is the empty queue filling up: left out
const table = { columns: [], rows: 3, data: { utilization: f(0.5, 0.9, 0.92), wait_mean_h: f(0, 0.02, 0.04), jobs_started: f(1000, 300, 100), jobs_expired: f(500, 100, 0) } };

describe('the theory line of depinsim run', () => {
  it('theory and the run after day 1, the wait weighted by leases started', () => {
    expect(theoryLine(theory, table)).toBe(
      'depinsim: this scenario is an M/M/c queue (c = 100, lambda = 90/h, 1/mu = 1 h): theory utilization 90.0%, mean wait 0.0217 h (Erlang C); simulated over days 2-3 91.0% and 0.0250 h\n',
    );
  });

  it('an overloaded queue says it grows without bound', () => {
    expect(theoryLine({ ...theory, lambdaPerHour: 110, rho: 1.1, stable: false, utilization: NaN, pWait: NaN, meanWaitHours: NaN }, table)).toMatch(/rho = 1\.100 >= 1: the queue grows without bound \(simulated utilization 91\.0% over days 2-3\)/);
  });

  it('with exponential patience: Erlang A, the fill rate too, from matched over matched plus expired', () => {
    const ea: MmcTheory = { ...theory, queue: 'M/M/c+M', lambdaPerHour: 120, meanPatienceHours: 0.5, rho: 1.2, utilization: 0.9958, pAbandon: 0.1701, fillRate: 0.8299, meanWaitHours: 0.08895 };
    expect(theoryLine(ea, table)).toBe(
      'depinsim: this scenario is an M/M/c+M queue (c = 100, lambda = 120/h, 1/mu = 1 h, mean patience 0.5 h): theory utilization 99.6%, fill rate 83.0%, mean wait 0.0890 h of orders matched (Erlang A); ' +
        'simulated over days 2-3 91.0%, 80.0% and 0.0250 h\n',
    );
  });
});


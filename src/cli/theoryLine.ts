/**
 * For a scenario that is exactly an M/M/c queue, or one with exponential patience (M/M/c+M,
 * Erlang A; sim/scenario/queueTheory.ts), the line `depinsim run` adds to its summary: queueing
 * theory's utilization and mean wait (and, with patience, fill rate) beside the run's own, so a
 * researcher checking the simulator reads both at once. The run's figures leave out day 1 (the
 * queue starts empty unless demand.warmStart is on); the mean wait weighs each day's by its leases
 * started, as the dashboard's card does, and the fill rate is the days' matched over matched plus
 * expired.
 */
import type { MmcTheory } from '../sim/scenario/queueTheory.ts';
import type { MetricTable } from '../sim/metrics/table.ts';

export function theoryLine(t: MmcTheory, table: MetricTable): string {
  const from = table.rows > 1 ? 1 : 0;
  const u = table.data.utilization;
  const w = table.data.wait_mean_h;
  const n = table.data.jobs_started;
  const x = table.data.jobs_expired;
  let su = 0;
  let nu = 0;
  let sw = 0;
  let nw = 0;
  let started = 0;
  let expired = 0;
  for (let i = from; i < table.rows; i++) {
    if (Number.isFinite(u[i])) (su += u[i]), nu++;
    if (Number.isFinite(w[i]) && n[i] > 0) (sw += w[i] * n[i]), (nw += n[i]);
    started += n[i];
    expired += x[i];
  }
  const patience = t.queue === 'M/M/c' ? '' : `, mean patience ${t.meanPatienceHours} h`;
  const queue = `an ${t.queue} queue (c = ${t.c}, lambda = ${t.lambdaPerHour}/h, 1/mu = ${t.meanServiceHours} h${patience})`;
  const days = from === 1 ? `days 2-${table.rows}` : `day 1`;
  if (!t.stable) return `depinsim: this scenario is ${queue} with rho = ${t.rho.toFixed(3)} >= 1: the queue grows without bound (simulated utilization ${pct(su / nu)} over ${days})\n`;
  const wait = `mean wait ${t.meanWaitHours.toPrecision(3)} h`;
  if (t.queue === 'M/M/c') {
    return `depinsim: this scenario is ${queue}: theory utilization ${pct(t.utilization)}, ${wait} (Erlang C); simulated over ${days} ${pct(su / nu)} and ${(sw / nw).toPrecision(3)} h\n`;
  }
  return (
    `depinsim: this scenario is ${queue}: theory utilization ${pct(t.utilization)}, fill rate ${pct(t.fillRate)}, ${wait} of orders matched (Erlang A); ` +
    `simulated over ${days} ${pct(su / nu)}, ${pct(started / (started + expired))} and ${(sw / nw).toPrecision(3)} h\n`
  );
}

const pct = (v: number) => (Number.isFinite(v) ? `${(100 * v).toFixed(1)}%` : 'n/a');

/**
 * Where queueing theory meets the dashboard: for a scenario that is an M/M/c queue, or one with
 * exponential patience (M/M/c+M, Erlang A; sim/scenario/queueTheory.ts), the exact steady-state
 * values drawn as reference lines on the charts and quoted on the KPI cards, so the run can be read
 * against them (research/dashboards.md §4: "a theory value next to the simulated value").
 */
import { mmcOf, type MmcTheory } from '../../sim/scenario/queueTheory.ts';
import type { Scenario } from '../../sim/scenario/schema.ts';

export interface RefLine {
  value: number;
  label: string;
  /** On the chart's right axis (the theory's lines are all on the left). */
  right?: boolean;
}

const minutes = (h: number) => `${(h * 60).toPrecision(3)} min`;
const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
/** The formula's name, as a reader would look it up. */
const formula = (t: MmcTheory) => (t.queue === 'M/M/c' ? 'Erlang C' : 'Erlang A');

/**
 * The scenario's queueing theory, or null when it is no such queue. A fault in computing it is
 * reported to `onError` and gives null: the theory is a reference beside the run, and it must not
 * take the run's cards and charts with it (Erlang A's endless sum did before 0.22.1: every card
 * and chart stayed "n/a").
 */
export function theoryOf(scenario: Scenario, onError: (e: Error) => void = (e) => console.error(`queueing theory left out: ${e.message}`)): MmcTheory | null {
  try {
    return mmcOf(scenario);
  } catch (e) {
    onError(e as Error);
    return null;
  }
}

/** Reference lines a chart gets from the theory (none without one, or for an unstable queue). */
export function theoryRefs(t: MmcTheory | null, chartId: string): RefLine[] {
  if (!t || !t.stable) return [];
  if (chartId === 'utilization') {
    if (t.queue === 'M/M/c') return [{ value: t.rho, label: `M/M/c theory: ρ = ${t.rho.toFixed(3)}` }];
    return [
      { value: t.utilization, label: `Erlang A utilization ${pct(t.utilization)}` },
      { value: t.fillRate, label: `Erlang A fill rate ${pct(t.fillRate)}` },
    ];
  }
  if (chartId === 'waits') return [{ value: t.meanWaitHours, label: `${formula(t)} mean wait ${minutes(t.meanWaitHours)}` }];
  return [];
}

/** The theory's value of a KPI card, in the card's unit, with how to read it; null when it has none. */
export function theoryKpi(t: MmcTheory | null, kpiId: string): { value: number; text: string } | null {
  if (!t) return null;
  const patience = t.queue === 'M/M/c' ? '' : `, patience ${t.meanPatienceHours} h`;
  const queue = `${t.queue}, c = ${t.c}, λ = ${t.lambdaPerHour}/h, 1/μ = ${t.meanServiceHours} h${patience}`;
  if (!t.stable) return kpiId === 'utilization' ? { value: 1, text: `theory (${queue}): ρ = ${t.rho.toFixed(2)} ≥ 1, the queue grows without bound` } : null;
  if (kpiId === 'utilization') return { value: t.utilization, text: `theory (${queue}): ${pct(t.utilization)}` };
  if (kpiId === 'wait') {
    // who waits at all, among the orders served (the card's "x% waited", orders_waited / orders_matched):
    // everyone who gives up waited first, so P(waited | served) = (P(wait) - P(abandon)) / (1 - P(abandon))
    const waited = (t.pWait - t.pAbandon) / (1 - t.pAbandon);
    // far more servers than the load: no order waits, and the waiters' mean would be 0 / 0
    const who = waited > 0 ? `${pct(waited)} wait, ${minutes(t.meanWaitHours / waited)} on average` : 'nobody waits';
    return { value: 60 * t.meanWaitHours, text: `theory (${formula(t)}): ${minutes(t.meanWaitHours)}; ${who}` };
  }
  if (kpiId === 'fill-rate') {
    if (t.queue === 'M/M/c') return { value: 1, text: 'theory: 100% (no one leaves unserved)' };
    return { value: t.fillRate, text: `theory (Erlang A): ${pct(t.fillRate)} (${pct(t.pAbandon)} give up waiting)` };
  }
  return null;
}

/**
 * Where queueing theory meets the dashboard: for a scenario that is an M/M/c queue
 * (sim/scenario/queueTheory.ts), the exact steady-state values drawn as reference lines on the
 * charts and quoted on the KPI cards, so the run can be read against them (research/dashboards.md
 * §4: "a theory value next to the simulated value").
 */
import type { MmcTheory } from '../../sim/scenario/queueTheory.ts';

export interface RefLine {
  value: number;
  label: string;
}

const minutes = (h: number) => `${(h * 60).toPrecision(3)} min`;

/** Reference lines a chart gets from the theory (none without one, or for an unstable queue). */
export function theoryRefs(t: MmcTheory | null, chartId: string): RefLine[] {
  if (!t || !(t.rho < 1)) return [];
  if (chartId === 'utilization') return [{ value: t.rho, label: `M/M/c theory: ρ = ${t.rho.toFixed(3)}` }];
  if (chartId === 'waits') return [{ value: t.meanWaitHours, label: `Erlang C mean wait ${minutes(t.meanWaitHours)}` }];
  return [];
}

/** The theory's value of a KPI card, in the card's unit, with how to read it; null when it has none. */
export function theoryKpi(t: MmcTheory | null, kpiId: string): { value: number; text: string } | null {
  if (!t) return null;
  const queue = `M/M/c, c = ${t.c}, λ = ${t.lambdaPerHour}/h, 1/μ = ${t.meanServiceHours} h`;
  if (!(t.rho < 1)) return kpiId === 'utilization' ? { value: 1, text: `theory (${queue}): ρ = ${t.rho.toFixed(2)} ≥ 1, the queue grows without bound` } : null;
  if (kpiId === 'utilization') return { value: t.rho, text: `theory (${queue}): ${(100 * t.rho).toFixed(1)}%` };
  if (kpiId === 'wait') return { value: 60 * t.meanWaitHours, text: `theory (Erlang C): ${minutes(t.meanWaitHours)}` };
  if (kpiId === 'fill-rate') return { value: 1, text: 'theory: 100% (no one leaves unserved)' };
  return null;
}

/** Summaries of the per-provider report for the distribution chart: payback bins and a Lorenz curve. */
import { OKABE_ITO } from './chartDefs.ts';

export type ProviderRecord = Record<string, number | string>;

export const ARCHETYPE_COLORS: Record<string, string> = {
  home: OKABE_ITO.orange,
  farm: OKABE_ITO.sky,
  datacenter: OKABE_ITO.blue,
  university: OKABE_ITO.purple,
};

/** Payback bins in months: [lo, hi); the last one, 120+, also holds "never" (no profit to pay back from). */
export const PAYBACK_BINS: { label: string; lo: number; hi: number }[] = [
  { label: '<6', lo: 0, hi: 6 },
  { label: '6-12', lo: 6, hi: 12 },
  { label: '12-24', lo: 12, hi: 24 },
  { label: '24-36', lo: 24, hi: 36 },
  { label: '36-60', lo: 36, hi: 60 },
  { label: '60-120', lo: 60, hi: 120 },
  { label: '120+', lo: 120, hi: Infinity },
];

export interface Bin {
  label: string;
  total: number;
  byArchetype: Record<string, number>;
  /** Top of each archetype's segment in the stack (archetypes stacked in ARCHETYPE_COLORS order). */
  stackTop: Record<string, number>;
}

export function paybackBins(rows: readonly ProviderRecord[]): Bin[] {
  const bins: Bin[] = PAYBACK_BINS.map((b) => ({ label: b.label, total: 0, byArchetype: {}, stackTop: {} }));
  for (const r of rows) {
    const m = r.payback_months;
    if (typeof m !== 'number' || Number.isNaN(m)) continue;
    const v = m < 0 ? Infinity : m;
    const i = PAYBACK_BINS.findIndex((b) => v >= b.lo && v < b.hi);
    const bin = bins[i < 0 ? bins.length - 1 : i];
    const a = String(r.archetype);
    bin.byArchetype[a] = (bin.byArchetype[a] ?? 0) + 1;
    bin.total++;
  }
  for (const b of bins) {
    let top = 0;
    for (const a of Object.keys(ARCHETYPE_COLORS)) {
      top += b.byArchetype[a] ?? 0;
      b.stackTop[a] = top;
    }
  }
  return bins;
}

/**
 * Lorenz curve of provider income (revenue_usd + rewards_usd; negatives count as 0) and its Gini
 * coefficient (1 - 2 x the area under the curve, trapezoids).
 */
export function lorenz(rows: readonly ProviderRecord[]): { points: [number, number][]; gini: number } {
  const income = rows
    .map((r) => Math.max(0, (Number(r.revenue_usd) || 0) + (Number(r.rewards_usd) || 0)))
    .sort((a, b) => a - b);
  const n = income.length;
  const total = income.reduce((s, v) => s + v, 0);
  if (n === 0 || total <= 0) return { points: [[0, 0], [1, 1]], gini: NaN };
  const points: [number, number][] = [[0, 0]];
  let cum = 0;
  let area = 0;
  const step = Math.max(1, Math.floor(n / 200));
  let prevY = 0;
  for (let i = 0; i < n; i++) {
    cum += income[i];
    const y = cum / total;
    area += (prevY + y) / (2 * n);
    prevY = y;
    if ((i + 1) % step === 0 || i === n - 1) points.push([(i + 1) / n, y]);
  }
  return { points, gini: 1 - 2 * area };
}

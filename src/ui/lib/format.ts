/** Number formatting for the screen (never for CSV: that is formatCsvNumber in the core). */
import { format } from 'd3';

const compact = format('.3~s');
const fixed2 = format(',.2f');
const fixed3 = format(',.3~f');
const int = format(',d');
const pct = format('.1%');

/** Human formatting by unit: shares as %, USD with $, large counts compact (k, M, G). */
export function formatValue(v: number | undefined | null, unit = ''): string {
  if (v === undefined || v === null || Number.isNaN(v)) return 'n/a';
  if (v === Infinity) return '∞';
  if (v === -Infinity) return '-∞';
  const u = unit.toLowerCase();
  if (u === 'share' || u.startsWith('share ') || u === '%' || u === 'share of gmv') return pct(v);
  const a = Math.abs(v);
  let s: string;
  if (a >= 1e5) s = compact(v).replace('G', 'B');
  else if (Number.isInteger(v)) s = int(v);
  else if (a >= 100) s = int(Math.round(v));
  else if (a >= 1) s = fixed2(v);
  else s = fixed3(v);
  if (u.startsWith('usd') && !u.includes('/')) return `$${s}`.replace('$-', '-$');
  if (u.startsWith('usd/')) return `$${s}/${unit.slice(4)}`;
  return s;
}

/** Value and unit for a label: "61.2%" or "1,234 GPU-h". */
export function formatWithUnit(v: number | undefined | null, unit = ''): string {
  const s = formatValue(v, unit);
  const u = unit.toLowerCase();
  if (s === 'n/a' || u === 'share' || u.startsWith('usd') || u === '' || u === 'day' || u === 'ratio') return s;
  return `${s} ${unit}`;
}

/** Short axis tick formatting. */
export function tickFormat(unit: string): (v: number) => string {
  const u = unit.toLowerCase();
  if (u === 'share') return format('.0%');
  return (v: number) => {
    const a = Math.abs(v);
    if (a >= 1000) return compact(v).replace('G', 'B');
    if (a >= 1 || v === 0) return format(',.4~g')(v);
    return format('.2~g')(v);
  };
}

export function formatDays(d: number): string {
  return `day ${Math.round(d)}`;
}

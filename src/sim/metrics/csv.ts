/**
 * CSV formatting shared by the CLI and the dashboard, so both write the same bytes for the same run.
 * Numbers: integers as they are; other finite values with up to 6 significant decimals, trailing
 * zeros trimmed; NaN (undefined in this period) as an empty cell.
 */
import type { MetricTable } from './table.ts';

const NEG_POW10 = [1, 1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9];

export function formatCsvNumber(v: number): string {
  if (Number.isNaN(v)) return '';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return String(v);
  const a = Math.abs(v);
  // 6 decimals for ordinary magnitudes, more for tiny ones, so small shares keep their precision:
  // 6 + ceil(-log10 a), found by comparing with powers of ten (Math.log10 may differ by engine).
  let n = 0;
  while (n < 9 && a < NEG_POW10[n]) n++;
  const digits = 6 + n;
  let s = v.toFixed(digits);
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  return s === '-0' ? '0' : s;
}

/** Quotes a text cell when it needs quoting (RFC 4180). */
export function csvCell(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The whole table as CSV text: a header row of column names, then one row per period. */
export function tableToCsv(t: MetricTable): string {
  const names = t.columns.map((c) => c.name);
  const cols = names.map((n) => t.data[n]);
  const lines = [names.map(csvCell).join(',')];
  for (let r = 0; r < t.rows; r++) {
    let line = '';
    for (let c = 0; c < cols.length; c++) line += (c ? ',' : '') + formatCsvNumber(cols[c][r]);
    lines.push(line);
  }
  return lines.join('\n') + '\n';
}

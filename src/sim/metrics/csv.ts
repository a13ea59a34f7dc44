/**
 * CSV formatting shared by the CLI and the dashboard, so both write the same bytes for the same run.
 * Numbers: integers as they are; other finite values with up to 6 significant decimals, trailing
 * zeros trimmed; NaN (undefined in this period) as an empty cell.
 */
import type { MetricTable } from './table.ts';
import { csvDecimals, fixedParts } from './fixedDecimal.ts';

/** Scratch for fixedParts (integer part, fraction digits). */
const parts = new Float64Array(2);

export function formatCsvNumber(v: number): string {
  if (Number.isNaN(v)) return '';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return String(v);
  const a = Math.abs(v);
  const digits = csvDecimals(a);
  if (fixedParts(a, digits, parts)) {
    const int = parts[0];
    const frac = parts[1];
    if (int === 0 && frac === 0) return '0';
    const head = (v < 0 ? '-' : '') + String(int);
    if (frac === 0) return head;
    const f = String(frac).padStart(digits, '0');
    let end = f.length;
    while (f.charCodeAt(end - 1) === 48) end--; // trailing zeros ('0')
    return head + '.' + f.slice(0, end);
  }
  return formatCsvNumberSlow(v, digits);
}

/** The reference route (toFixed, then trailing zeros trimmed), for what fixedParts cannot round exactly. */
export function formatCsvNumberSlow(v: number, digits: number): string {
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

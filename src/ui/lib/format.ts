/** Number formatting for the screen (never for CSV: that is formatCsvNumber in the core). */
import { format, precisionFixed } from 'd3';

const compact = format('.3~s');
const fixed2 = format(',.2f');
const fixed1 = format(',.1~f');
// below 1, three significant digits: a burn-to-mint ratio of 0.00087 must not read as 0.001, nor 0.0004 as 0
const sig3 = format('.3~r');
const sig2 = format('.2~r');
const int = format(',d');
const pct = format('.1%');

/**
 * Human formatting by unit: shares as %, USD with $, large counts compact (k, M, G). `digits`
 * asks for that many significant digits (shares: digits - 2 decimals of a percent) where the
 * default would round two different numbers to the same text (formatRange).
 */
export function formatValue(v: number | undefined | null, unit = '', digits = 0): string {
  if (v === undefined || v === null || Number.isNaN(v)) return 'n/a';
  if (v === Infinity) return '∞';
  if (v === -Infinity) return '-∞';
  const u = unit.toLowerCase();
  if (u === 'share' || u.startsWith('share ') || u === '%' || u === 'share of gmv') return bigShare(v) ?? (digits ? format(`.${digits - 2}%`)(v) : pct(v));
  const a = Math.abs(v);
  // a payback to one decimal, as the tables give it (formatMonths): a second decimal of a median
  // over noisy months is no information
  if (u === 'months' && !digits && a < 1e5) return fixed1(v);
  let s: string;
  if (digits) s = a >= 1e5 ? format(`.${digits}~s`)(v).replace('G', 'B') : format(`,.${digits}~r`)(v);
  else if (a >= 1e5) s = compact(v).replace('G', 'B');
  else if (Number.isInteger(v)) s = int(v);
  else if (a >= 100) s = int(Math.round(v));
  else if (a >= 1) s = fixed2(v);
  else s = sig3(v);
  // the sign before the dollar (d3 writes a Unicode minus): −$21,600, not $−21,600
  const neg = s.startsWith('−') || s.startsWith('-');
  const money = neg ? `−$${s.slice(1)}` : `$${s}`;
  if (u.startsWith('usd') && !u.includes('/')) return money;
  if (u.startsWith('usd/')) return `${money}/${unit.slice(4)}`;
  return s;
}

/**
 * A share of 10 (1,000%) or more: whole percents with separators, and from 1e3 (100,000%) a power
 * of ten, so an extreme run (a token launched with no supply grows by 1e15% a year) still fits a card.
 */
function bigShare(v: number): string | null {
  const a = Math.abs(v);
  if (a < 10) return null;
  return a < 1e3 ? format(',.0%')(v) : `${format('.2~e')(v * 100).replace('e+', '×10^')}%`;
}

/** A payback in months to one decimal; "never" when it never pays back (Infinity), "n/a" when unknown. */
export function formatMonths(v: number): string {
  return v === Infinity ? 'never' : Number.isFinite(v) ? v.toFixed(1) : 'n/a';
}

/**
 * A count rounded to a whole number with thousands separators: "92,994". (Not toLocaleString: its
 * first call loads the locale's data, 50-80 ms of the page's main thread at start-up.)
 */
export function formatCount(n: number): string {
  return int(Math.round(n));
}

/** Value and unit for a label: "61.2%", "7.5%/year" (a share per year), "5.0% of GMV" or "1,234 GPU-h". */
export function formatWithUnit(v: number | undefined | null, unit = ''): string {
  // in a sentence a payback never reached reads "never", not "∞ months"
  if (v === Infinity && unit === 'months') return 'never';
  const s = formatValue(v, unit);
  return s === 'n/a' ? s : `${s}${unitSuffix(unit)}`;
}

/**
 * What formatWithUnit writes after formatValue's number: " jobs/h", "/year" (a share per year), ""
 * where the number carries its unit ("61.2%", "$0.76"). For a list of values with the unit once:
 * "200k, 300k, 400k tokens/day".
 */
export function unitSuffix(unit = ''): string {
  const u = unit.toLowerCase();
  if (u === 'share' || u.startsWith('usd') || u === '' || u === 'day' || u === 'ratio') return '';
  // the percent says "share": what qualifies it follows ("83.7% share per year" read badly)
  if (u.startsWith('share per ')) return `/${unit.slice('share per '.length)}`;
  if (u.startsWith('share ')) return ` ${unit.slice('share '.length)}`;
  return ` ${unit}`;
}

/** A share, drawn in percent: 'share' and its qualified forms ('share per year'). */
const isShareUnit = (unit: string) => {
  const u = unit.toLowerCase();
  return u === 'share' || u.startsWith('share ');
};

/**
 * Short axis tick formatting. Given the axis's ticks, shares get as many decimals as the tick step
 * needs: ticks 0.08, 0.085, 0.09 must not all read as whole percents ("8% 9% 9%").
 */
export function tickFormat(unit: string, ticks: readonly number[] = []): (v: number) => string {
  if (isShareUnit(unit)) {
    const step = ticks.length > 1 ? Math.abs(ticks[1] - ticks[0]) : 0;
    const f = format(`.${step > 0 ? Math.max(0, precisionFixed(step) - 2) : 0}%`);
    return (v: number) => bigShare(v) ?? f(v);
  }
  return (v: number) => {
    const a = Math.abs(v);
    if (a >= 1000) return compact(v).replace('G', 'B');
    if (a >= 1 || v === 0) return format(',.4~g')(v);
    return format('.2~g')(v);
  };
}

/**
 * Ticks of an axis of changes (a difference from a baseline): signed, "+5" or "−0.5", zero as "0";
 * a change of shares in percentage points with the decimals the step needs (the axis says "pp").
 */
export function changeTickFormat(unit: string, ticks: readonly number[] = []): (v: number) => string {
  if (isShareUnit(unit)) {
    const step = ticks.length > 1 ? Math.abs(ticks[1] - ticks[0]) * 100 : 1;
    const f = format(`+.${precisionFixed(step)}f`);
    return (v) => (v === 0 ? '0' : f(v * 100));
  }
  const plain = tickFormat(unit, ticks);
  return (v) => (v > 0 ? `+${plain(v)}` : plain(v));
}

/**
 * Labels for a set of values that sit side by side (a heatmap's cells): shares get the decimals
 * the closest two distinct values need to read differently (54.0% and 54.3%, not 54% twice), at
 * most two; other units as tickFormat writes them.
 */
export function labelFormat(unit: string, values: readonly number[]): (v: number) => string {
  const x = [...new Set(values.filter((v) => Number.isFinite(v)))].sort((a, b) => a - b);
  let gap = Infinity;
  for (let i = 1; i < x.length; i++) gap = Math.min(gap, x[i] - x[i - 1]);
  return tickFormat(unit, Number.isFinite(gap) ? [0, Math.max(gap, 1e-4)] : []);
}

export function formatDays(d: number): string {
  return `day ${Math.round(d)}`;
}

/**
 * A change against the pinned baseline: "▲ +10.2 pp", "▼ −$0.133", "= no change". Shares change in
 * percentage points; a change too small for one decimal keeps two significant digits, so a real
 * difference never reads as "+0" beside the words better or worse.
 */
export function formatDelta(d: number, unit = ''): string {
  if (d === 0) return '= no change';
  return `${d > 0 ? '▲' : '▼'} ${formatSigned(d, unit)}`;
}

/** A change with its sign and unit, no arrow: "+0.7 pp", "−$0.03"; shares in percentage points. */
export function formatSigned(d: number, unit = ''): string {
  if (d === 0) return unit.toLowerCase() === 'share' ? '0 pp' : '0';
  const sign = d > 0 ? '+' : '−';
  const a = Math.abs(d);
  const u = unit.toLowerCase();
  if (u === 'share') {
    const pp = a * 100;
    return `${sign}${pp >= 0.1 ? pp.toFixed(1) : sig2(pp)} pp`;
  }
  return `${sign}${formatValue(a, u.startsWith('usd/') ? 'USD' : unit)}`;
}

/** A range of changes, "+0.4 to +1.1 pp" (the unit once when both ends share it). */
export function formatSignedRange(lo: number, hi: number, unit = ''): string {
  const a = formatSigned(lo, unit);
  const b = formatSigned(hi, unit);
  const tail = b.match(/ [^\d\s]+$/)?.[0];
  return tail && a.endsWith(tail) ? `${a.slice(0, -tail.length)} to ${b}` : `${a} to ${b}`;
}

/** "lo – hi", with more digits when the usual ones would print two different ends the same. */
export function formatRange(lo: number, hi: number, unit = ''): string {
  let a = formatValue(lo, unit);
  let b = formatValue(hi, unit);
  for (let digits = 4; a === b && lo !== hi && digits <= 6; digits++) {
    a = formatValue(lo, unit, digits);
    b = formatValue(hi, unit, digits);
  }
  return `${a} – ${b}`;
}

/** A p-value for a tooltip: two significant digits, "< 0.001" below that (more digits would be noise). */
export function formatP(p: number): string {
  if (Number.isNaN(p)) return 'n/a';
  if (p < 0.001) return '< 0.001';
  return p >= 0.1 ? p.toFixed(2) : p.toPrecision(2);
}

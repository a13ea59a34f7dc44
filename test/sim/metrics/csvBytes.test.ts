/**
 * The CSV number format is a public interface: the fast routes (integer arithmetic for the string
 * formatter, bytes for the lease export) must write exactly what the reference route does
 * (toFixed, trailing zeros trimmed), ties and tiny values included, or researchers' files would
 * change under them.
 */
import { describe, expect, test } from 'vitest';
import { csvCell, formatCsvNumber, formatCsvNumberSlow } from '../../../src/sim/metrics/csv.ts';
import { CsvBytes, utf8 } from '../../../src/sim/metrics/csvBytes.ts';
import { csvDecimals } from '../../../src/sim/metrics/fixedDecimal.ts';
import { LEASE_COLUMNS, writeLeaseRow, type LeaseRow } from '../../../src/sim/model/leaseRow.ts';
import { createRun } from '../../../src/sim/run.ts';
import { parseScenario } from '../../../src/sim/scenario/validate.ts';

/** The format as first defined: integers as they are, else toFixed(digits) with zeros trimmed. */
function reference(v: number): string {
  if (Number.isNaN(v)) return '';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return String(v);
  return formatCsvNumberSlow(v, csvDecimals(Math.abs(v)));
}

/** A deterministic mix of values: every magnitude, raw bit patterns, decimal ties and their neighbours, exact binary ties. */
function values(n: number, seed: number): number[] {
  let s = seed >>> 0;
  const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0), s / 2 ** 32);
  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    out.push((rnd() < 0.5 ? -1 : 1) * 10 ** (-12 + rnd() * 28));
    words[0] = (rnd() * 2 ** 32) >>> 0;
    words[1] = (rnd() * 2 ** 32) >>> 0;
    out.push(bits[0]);
    const tie = (Math.floor(rnd() * 1e6) + 0.5) / 10 ** (6 + Math.floor(rnd() * 10));
    out.push(tie, tie * (1 + 2 ** -52), tie * (1 - 2 ** -52), -tie);
    out.push(Math.floor(rnd() * 1e5) / 128 + 1 / 256); // x.yyyyyy5 exactly: a true tie at 6 decimals
    out.push(Math.round(rnd() * 1e8) / 1e4, rnd() * 24, Math.floor(rnd() * 2 ** 53), rnd() * 1e15 + 0.25);
  }
  out.push(0, -0, NaN, Infinity, -Infinity, 1e15, -1e15, 4503599627370495.5, 1e16, 1e21, 1e22, Number.MAX_VALUE, Number.MIN_VALUE, -Number.MIN_VALUE, 1.0078125, 2.5000001, 1e-9, 9.99999e-10);
  return out;
}

describe('CSV numbers', () => {
  test('formatCsvNumber writes what toFixed writes, on 700 k values including decimal and binary ties', () => {
    const vs = values(70_000, 7);
    const bad = vs.filter((v) => formatCsvNumber(v) !== reference(v));
    expect(bad.map((v) => [v, formatCsvNumber(v), reference(v)])).toEqual([]);
    // a tie rounds away from zero, as toFixed does
    expect(formatCsvNumber(1.0078125)).toBe('1.007813');
    expect(formatCsvNumber(-1.0078125)).toBe('-1.007813');
  });

  test('CsvBytes writes the bytes of formatCsvNumber and csvCell, across chunk boundaries', () => {
    const vs = values(20_000, 11);
    const texts = ['inference', 'provider offline', 'a,b', 'say "hi"', 'line\nbreak', 'Zürich €', '😀', ''];
    const chunks: Uint8Array[] = [];
    // a small buffer so flushes fall inside rows and cells of every kind
    const w = new CsvBytes((b) => chunks.push(b.slice()), 300);
    const want: string[] = [];
    let row: string[] = [];
    vs.forEach((v, i) => {
      w.num(v);
      row.push(formatCsvNumber(v));
      if (i % 7 === 0) {
        const t = texts[i % texts.length];
        w.text(t);
        row.push(csvCell(t));
      }
      if (i % 13 === 12) {
        w.endRow();
        want.push(row.join(',') + '\n');
        row = [];
      }
    });
    w.endRow();
    want.push(row.join(',') + '\n');
    w.finish();
    const got = Buffer.concat(chunks).toString('utf8');
    expect(got === want.join('')).toBe(true);
    expect(chunks.length).toBeGreaterThan(100);
  });

  test('utf8 encodes as TextEncoder does, lone surrogates included', () => {
    const enc = new TextEncoder();
    for (const s of ['', 'ascii', 'Zürich', '€100', '😀 ok', 'a\ud800b', '\udc00', 'é\u0301']) {
      expect(Array.from(utf8(s))).toEqual(Array.from(enc.encode(s)));
    }
  });
});

describe('lease export', () => {
  test('writeLeaseRow writes every column in LEASE_COLUMNS order, as the generic formatting would', () => {
    const rows: LeaseRow[] = [];
    const s = parseScenario({ name: 'small', scale: 0.05, horizonDays: 10, demand: { warmStart: true } });
    const run = createRun(s, 3, { onLease: (r) => rows.push(r) });
    run.advance(s.horizonDays * 24);
    expect(rows.length).toBeGreaterThan(500);
    // every outcome and both matched and never-matched rows (empty cells) are covered
    expect(new Set(rows.map((r) => r.outcome)).size).toBeGreaterThanOrEqual(3);
    const chunks: Uint8Array[] = [];
    const w = new CsvBytes((b) => chunks.push(b.slice()), 4096);
    for (const r of rows) writeLeaseRow(w, r);
    w.finish();
    const generic = rows.map((r) => LEASE_COLUMNS.map((c) => (typeof r[c] === 'number' ? formatCsvNumber(r[c]) : csvCell(r[c]))).join(',') + '\n').join('');
    expect(Buffer.concat(chunks).toString('utf8')).toBe(generic);
    // the writer covers exactly the row type's fields
    expect([...LEASE_COLUMNS].sort()).toEqual(Object.keys(rows[0]).sort());
  });
});

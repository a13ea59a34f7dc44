/**
 * A CSV writer straight into bytes, for exports of millions of rows (the per-lease file). Building
 * each row as a string and the file as concatenated strings made garbage collection a quarter of a
 * run with `--leases`; this writes ASCII digits into one reused buffer and hands full chunks to
 * `flush`. The bytes are exactly those of formatCsvNumber and csvCell (tested against them).
 */
import { csvCell, formatCsvNumber } from './csv.ts';
import { csvDecimals, fixedParts } from './fixedDecimal.ts';

const COMMA = 44;
const NEWLINE = 10;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;

export class CsvBytes {
  private buf: Uint8Array;
  private n = 0;
  /** Whether the next cell starts a row (no comma before it). */
  private rowStart = true;
  private parts = new Float64Array(2);
  private digits = new Uint8Array(24);
  /** Encoded text cells (quoted when needed), by text: cells come from small sets of names. */
  private texts = new Map<string, Uint8Array>();

  /**
   * `flush` receives the bytes written so far (a view valid only during the call: copy or write it
   * out before returning). `chunkBytes` is the buffer size; a full buffer is flushed.
   */
  constructor(
    private flush: (bytes: Uint8Array) => void,
    chunkBytes = 1 << 20,
  ) {
    this.buf = new Uint8Array(Math.max(256, chunkBytes));
  }

  /** A number cell, as formatCsvNumber writes it. */
  num(v: number): void {
    this.cell(64);
    if (Number.isInteger(v) && Math.abs(v) < 1e15) {
      if (v < 0) this.buf[this.n++] = MINUS;
      this.uint(Math.abs(v), 0);
      return;
    }
    if (Number.isFinite(v)) {
      const a = Math.abs(v);
      const digits = csvDecimals(a);
      const p = this.parts;
      if (fixedParts(a, digits, p)) {
        if (p[0] === 0 && p[1] === 0) {
          this.buf[this.n++] = ZERO;
          return;
        }
        if (v < 0) this.buf[this.n++] = MINUS;
        this.uint(p[0], 0);
        if (p[1] === 0) return;
        this.buf[this.n++] = DOT;
        this.uint(p[1], digits, true);
        return;
      }
    }
    this.ascii(formatCsvNumber(v));
  }

  /** A text cell, quoted when it needs quoting. */
  text(s: string): void {
    let b = this.texts.get(s);
    if (b === undefined) {
      b = utf8(csvCell(s));
      if (this.texts.size < 4096) this.texts.set(s, b);
    }
    this.cell(b.length);
    if (b.length > this.buf.length) {
      this.flushNow();
      this.flush(b);
      return;
    }
    this.buf.set(b, this.n);
    this.n += b.length;
  }

  /** Ends the row. */
  endRow(): void {
    this.room(1);
    this.buf[this.n++] = NEWLINE;
    this.rowStart = true;
  }

  /** Flushes what is buffered (call once at the end). */
  finish(): void {
    this.flushNow();
  }

  /** Starts a cell of at most `max` bytes: a comma unless it opens the row, and room for it. */
  private cell(max: number): void {
    this.room(max + 1);
    if (!this.rowStart) this.buf[this.n++] = COMMA;
    this.rowStart = false;
  }

  private room(bytes: number): void {
    if (this.n + bytes > this.buf.length) this.flushNow();
  }

  private flushNow(): void {
    if (this.n === 0) return;
    this.flush(this.buf.subarray(0, this.n));
    this.n = 0;
  }

  /**
   * Digits of a non-negative integer below 2^53, left-padded with zeros to `width`; `trim` drops
   * trailing zeros (a fraction's). Digits come from int32 arithmetic, nine at a time: `%` on a double
   * is a library call.
   */
  private uint(x: number, width: number, trim = false): void {
    const d = this.digits;
    let k = 0;
    if (x >= 1e9) {
      let hi = Math.floor(x / 1e9);
      let lo = x - hi * 1e9;
      if (lo < 0) (hi--, (lo += 1e9));
      else if (lo >= 1e9) (hi++, (lo -= 1e9));
      let y = lo | 0;
      for (let i = 0; i < 9; i++) {
        const q = (y / 10) | 0;
        d[k++] = y - q * 10;
        y = q;
      }
      x = hi;
    }
    let y = x | 0;
    do {
      const q = (y / 10) | 0;
      d[k++] = y - q * 10;
      y = q;
    } while (y > 0);
    while (k < width) d[k++] = 0;
    let low = 0;
    if (trim) while (low < k - 1 && d[low] === 0) low++;
    while (k > low) this.buf[this.n++] = ZERO + d[--k];
  }

  private ascii(s: string): void {
    for (let i = 0; i < s.length; i++) this.buf[this.n++] = s.charCodeAt(i);
  }
}

/** UTF-8 bytes of a string (the core has no TextEncoder in its type environment; text cells are few). */
export function utf8(s: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const lo = s.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      }
    }
    if (c >= 0xd800 && c < 0xe000) c = 0xfffd; // a lone surrogate, as TextEncoder writes it
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

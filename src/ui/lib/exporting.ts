/**
 * Exports: the time series as CSV (papaparse, numbers formatted by the core's formatCsvNumber so
 * they are byte-identical to the CLI's), the scenario as JSON, and charts as SVG and PNG. Every
 * file carries the scenario hash, the seed and the app version: in the CSV as leading `#` comment
 * lines, in JSON as fields, in SVG as <metadata> and a footer, in PNG as tEXt chunks and a footer
 * (the DOM parts are in browserExport.ts).
 */
import Papa from 'papaparse';
import { formatCsvNumber } from '../../sim/metrics/csv.ts';
import { asInCsv, BAND_METHOD, bandCells, bandColumns } from '../../sim/metrics/bandStats.ts';
import { DEFAULT_BAND_LEVEL, type BandLevel } from '../../sim/metrics/bandLevel.ts';
import { batchOrder } from '../../sim/rng/runSeeds.ts';

export interface Provenance {
  version: string;
  scenarioName: string;
  scenarioHash: string;
  seed: number;
  days: number;
}

export function provenanceLine(p: Provenance): string {
  return `depinsim ${p.version} · scenario ${p.scenarioName} · hash ${p.scenarioHash} · seed ${p.seed} · ${p.days} days`;
}

export function baseFileName(p: Provenance, what: string): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 40);
  return `depinsim-${safe(p.scenarioName)}-${p.scenarioHash}-seed${p.seed}-${safe(what)}`;
}

/** The provenance as `# key: value` lines (readers skip them with `comment: '#'`). */
export function provenanceComments(p: Provenance): string {
  return (
    [
      `# depinsim_version: ${p.version}`,
      `# scenario: ${p.scenarioName.replace(/[\r\n]/g, ' ')}`,
      `# scenario_hash: ${p.scenarioHash}`,
      `# seed: ${p.seed}`,
      `# days: ${p.days}`,
    ].join('\n') + '\n'
  );
}

/** Columns as CSV text: provenance comments, a header of column names, one line per row. */
export function columnsToCsv(columns: string[], data: Record<string, ArrayLike<number>>, rows: number, p: Provenance): string {
  const body: string[][] = [];
  for (let r = 0; r < rows; r++) body.push(columns.map((c) => formatCsvNumber(data[c][r])));
  const text = Papa.unparse({ fields: columns, data: body }, { newline: '\n', quotes: false });
  return provenanceComments(p) + text + '\n';
}

/** A run's daily time series as a file: its name (with hash and seed) and the CSV text, as the CLI's `--out` after the `#` lines. */
export function timeseriesFile(columns: readonly { name: string }[], table: { rows: number; data: Record<string, ArrayLike<number>> }, p: Provenance): { name: string; text: string } {
  return { name: `${baseFileName(p, 'timeseries')}.csv`, text: columnsToCsv(columns.map((c) => c.name), table.data, table.rows, p) };
}

export function scenarioJson(resolved: unknown, raw: unknown, p: Provenance): string {
  return (
    JSON.stringify(
      { depinsim_version: p.version, scenario_hash: p.scenarioHash, seed: p.seed, scenario: raw, resolved },
      null,
      2,
    ) + '\n'
  );
}

// ---- PNG tEXt chunks ----------------------------------------------------------------------------

let crcTable: Uint32Array | null = null;
function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = crcTable[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Inserts tEXt chunks (Latin-1 key/value) right after the IHDR chunk of a PNG. */
export function addPngText(png: Uint8Array, entries: Record<string, string>): Uint8Array {
  const sig = 8;
  const ihdrLen = new DataView(png.buffer, png.byteOffset).getUint32(sig);
  const afterIhdr = sig + 12 + ihdrLen;
  const chunks: Uint8Array[] = [];
  for (const [k, v] of Object.entries(entries)) {
    const text = `${k}\0${v}`.replace(/[^\x00-\xff]/g, '?');
    const data = Uint8Array.from(text, (ch) => ch.charCodeAt(0));
    const chunk = new Uint8Array(12 + data.length);
    const dv = new DataView(chunk.buffer);
    dv.setUint32(0, data.length);
    chunk.set([0x74, 0x45, 0x58, 0x74], 4); // "tEXt"
    chunk.set(data, 8);
    dv.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
    chunks.push(chunk);
  }
  const total = png.length + chunks.reduce((s, c) => s + c.length, 0);
  const out = new Uint8Array(total);
  out.set(png.subarray(0, afterIhdr), 0);
  let o = afterIhdr;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  out.set(png.subarray(afterIhdr), o);
  return out;
}

/** Reads the tEXt chunks of a PNG (used by the tests). */
export function readPngText(png: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  const dv = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let o = 8;
  while (o + 8 <= png.length) {
    const len = dv.getUint32(o);
    const type = String.fromCharCode(...png.subarray(o + 4, o + 8));
    if (type === 'tEXt') {
      const text = String.fromCharCode(...png.subarray(o + 8, o + 8 + len));
      const z = text.indexOf('\0');
      out[text.slice(0, z)] = text.slice(z + 1);
    }
    if (type === 'IEND') break;
    o += 12 + len;
  }
  return out;
}

/**
 * The Monte Carlo bands as CSV: provenance comments (with every seed), then per day each column's
 * mean, the band's ends at `level` (p10 and p90 at 80%) and the median across the runs, computed
 * by the core's bandCells from the values as the runs' CSVs hold them: the body is byte for byte
 * the CLI's `--seed s --runs N --bands` file (`--seeds` with the seeds listed, for runs kept from
 * before 0.7.0) with the same `--band-level`.
 */
export function bandsToCsv(
  columns: readonly { name: string; unit: string; description: string }[],
  tables: readonly { rows: number; data: Record<string, ArrayLike<number>> }[],
  seeds: readonly number[],
  p: Provenance,
  level: BandLevel = DEFAULT_BAND_LEVEL,
): string {
  // in the order the CLI adds them (the mean's sum is then the same to the last bit)
  const at = new Map(seeds.map((s, i) => [s, i]));
  const ordered = batchOrder(seeds);
  tables = ordered.map((s) => tables[at.get(s)!]);
  seeds = ordered;
  const cols = bandColumns(columns, level);
  const rows = Math.max(0, ...tables.map((t) => t.rows));
  const longest = tables.find((t) => t.rows === rows);
  const n = tables.length;
  const values = new Float64Array(n);
  const scratch = new Float64Array(n);
  const lines = [cols.map((c) => c.name).join(',')];
  for (let r = 0; r < rows; r++) {
    const cells = [formatCsvNumber(longest!.data[columns[0].name][r])];
    for (const c of columns.slice(1)) {
      tables.forEach((t, k) => (values[k] = r < t.rows && t.data[c.name] ? asInCsv(t.data[c.name][r]) : NaN));
      cells.push(...bandCells(values, n, scratch, level));
    }
    lines.push(cells.join(','));
  }
  const head = provenanceComments(p).replace(/^# seed: .*$/m, `# seeds: ${seeds.join(',')}`) + `# statistics: ${BAND_METHOD}\n# band_level: ${level}\n`;
  return head + lines.join('\n') + '\n';
}

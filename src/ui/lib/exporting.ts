/**
 * Exports: the time series as CSV (papaparse, numbers formatted by the core's formatCsvNumber so
 * they are byte-identical to the CLI's), the scenario as JSON, and charts as SVG and PNG. Every
 * file carries the scenario hash, the seed and the app version: in the CSV as leading `#` comment
 * lines, in JSON as fields, in SVG as <metadata> and a footer, in PNG as tEXt chunks and a footer.
 */
import Papa from 'papaparse';
import { formatCsvNumber } from '../../sim/metrics/csv.ts';

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

// ---- browser-only helpers -------------------------------------------------------------------------

export function download(name: string, content: Blob | string, type = 'text/plain'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * A standalone copy of a chart's SVG: explicit size, white background, a provenance footer and
 * <metadata>. Charts draw with attributes (not CSS classes) for anything visible, so the copy
 * renders the same outside the page.
 */
export function standaloneSvg(svg: SVGSVGElement, title: string, p: Provenance): { text: string; width: number; height: number } {
  const width = svg.viewBox.baseVal?.width || svg.clientWidth || 640;
  const height0 = svg.viewBox.baseVal?.height || svg.clientHeight || 300;
  const footer = 34;
  const height = height0 + footer;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.querySelectorAll('[data-export-skip]').forEach((n) => n.remove());
  const ns = 'http://www.w3.org/2000/svg';
  const wrap = document.createElementNS(ns, 'svg');
  wrap.setAttribute('xmlns', ns);
  wrap.setAttribute('width', String(width));
  wrap.setAttribute('height', String(height));
  wrap.setAttribute('viewBox', `0 0 ${width} ${height}`);
  wrap.setAttribute('font-family', 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif');
  const meta = document.createElementNS(ns, 'metadata');
  meta.textContent = JSON.stringify({ depinsim_version: p.version, scenario: p.scenarioName, scenario_hash: p.scenarioHash, seed: p.seed, days: p.days, chart: title });
  wrap.appendChild(meta);
  const t = document.createElementNS(ns, 'title');
  t.textContent = title;
  wrap.appendChild(t);
  const bg = document.createElementNS(ns, 'rect');
  bg.setAttribute('width', String(width));
  bg.setAttribute('height', String(height));
  bg.setAttribute('fill', '#ffffff');
  wrap.appendChild(bg);
  const head = document.createElementNS(ns, 'text');
  head.setAttribute('x', '8');
  head.setAttribute('y', '16');
  head.setAttribute('font-size', '13');
  head.setAttribute('font-weight', '600');
  head.setAttribute('fill', '#1a1a1a');
  head.textContent = title;
  wrap.appendChild(head);
  clone.removeAttribute('class');
  clone.setAttribute('x', '0');
  clone.setAttribute('y', '20');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height0 - 6));
  wrap.appendChild(clone);
  const foot = document.createElementNS(ns, 'text');
  foot.setAttribute('x', '8');
  foot.setAttribute('y', String(height - 10));
  foot.setAttribute('font-size', '11');
  foot.setAttribute('fill', '#444444');
  foot.textContent = provenanceLine(p);
  wrap.appendChild(foot);
  return { text: new XMLSerializer().serializeToString(wrap), width, height };
}

export async function svgToPng(svgText: string, width: number, height: number, p: Provenance, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.decoding = 'sync';
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the chart could not be rendered to an image'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas available');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('PNG encoding failed');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const tagged = addPngText(bytes, {
      Software: `depinsim ${p.version}`,
      'depinsim:scenario': p.scenarioName,
      'depinsim:scenario_hash': p.scenarioHash,
      'depinsim:seed': String(p.seed),
      'depinsim:days': String(p.days),
    });
    return new Blob([tagged as BlobPart], { type: 'image/png' });
  } finally {
    URL.revokeObjectURL(url);
  }
}

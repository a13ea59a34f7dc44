/**
 * Browser-only export helpers: file downloads, a standalone copy of a chart's SVG, and SVG to PNG
 * through a canvas (with the provenance as PNG tEXt chunks). The pure parts live in exporting.ts.
 */
import { addPngText, baseFileName, provenanceLine, type Provenance } from './exporting.ts';

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
 * Downloads a chart as SVG or PNG (`fileId` names the file after the run's provenance) and says how
 * it went: what every chart's SVG and PNG buttons do.
 */
export async function saveChart(svg: SVGSVGElement, title: string, fileId: string, png: boolean, p: Provenance, say: (kind: 'success' | 'error', text: string) => void): Promise<void> {
  const { text, width, height } = standaloneSvg(svg, title, p);
  try {
    if (png) download(`${baseFileName(p, fileId)}.png`, await svgToPng(text, width, height, p));
    else download(`${baseFileName(p, fileId)}.svg`, text, 'image/svg+xml');
    say('success', `Saved ${title} as ${png ? 'PNG' : 'SVG'}.`);
  } catch (e) {
    say('error', `Could not export the chart: ${e instanceof Error ? e.message : String(e)}`);
  }
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

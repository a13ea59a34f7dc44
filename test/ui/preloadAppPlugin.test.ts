// The build's index.html preloads the app chunks that main.ts imports dynamically, so they download
// beside the entry instead of after it has run (scripts/preloadAppPlugin.ts).
import { describe, expect, it } from 'vitest';
import type { IndexHtmlTransformContext } from 'vite';
import { preloadAppPlugin } from '../../scripts/preloadAppPlugin.ts';

type Chunk = { type: 'chunk'; fileName: string; isEntry: boolean; imports: string[]; dynamicImports: string[] };
const chunk = (fileName: string, o: Partial<Chunk> = {}): Chunk => ({ type: 'chunk', fileName, isEntry: false, imports: [], dynamicImports: [], ...o });

function tags(chunks: Chunk[], base = '/') {
  const p = preloadAppPlugin();
  (p.configResolved as (c: { base: string }) => void)({ base });
  const bundle = Object.fromEntries(chunks.map((c) => [c.fileName, c]));
  const t = p.transformIndexHtml as unknown as { handler: (html: string, ctx: IndexHtmlTransformContext) => { attrs: { href: string; rel: string } }[] };
  return t.handler('', { bundle, path: '/index.html', filename: 'index.html' } as unknown as IndexHtmlTransformContext).map((x) => `${x.attrs.rel} ${x.attrs.href}`);
}

describe('modulepreload for the dynamically imported app', () => {
  it('preloads the app chunk and what it imports, not the entry, its static imports or unrelated chunks', () => {
    const out = tags([
      chunk('assets/index.js', { isEntry: true, imports: ['assets/css-shim.js'], dynamicImports: ['assets/App.js', 'assets/svelte.js'] }),
      chunk('assets/App.js', { imports: ['assets/index.js', 'assets/d3.js', 'assets/svelte.js'] }),
      chunk('assets/svelte.js'),
      chunk('assets/d3.js', { imports: ['assets/css-shim.js'] }),
      chunk('assets/css-shim.js'),
      chunk('assets/lazy-panel.js'), // imported by nobody the entry loads dynamically
    ]);
    expect(out.sort()).toEqual(['modulepreload /assets/App.js', 'modulepreload /assets/d3.js', 'modulepreload /assets/svelte.js']);
  });

  it('follows the configured base, and adds nothing without a bundle (the dev server)', () => {
    expect(tags([chunk('assets/index.js', { isEntry: true, dynamicImports: ['assets/App.js'] }), chunk('assets/App.js')], '/depinsim/')).toEqual(['modulepreload /depinsim/assets/App.js']);
    const p = preloadAppPlugin();
    const t = p.transformIndexHtml as unknown as { handler: (html: string, ctx: IndexHtmlTransformContext) => unknown[] };
    expect(t.handler('', { path: '/index.html', filename: 'index.html' } as IndexHtmlTransformContext)).toEqual([]);
  });
});

/**
 * A Vite plugin that lets the browser fetch the app while the entry starts the simulation worker.
 *
 * src/ui/main.ts imports the app dynamically (after a yield, so the worker starts first), and a
 * dynamic import is normally fetched only once the entry has run. In the build this adds a
 * `<link rel="modulepreload">` to index.html for every chunk the entry imports dynamically and for
 * what those chunks import, so they download beside the entry instead of after it. The dev server
 * serves modules one by one and needs nothing.
 */
import type { Plugin } from 'vite';

export function preloadAppPlugin(): Plugin {
  let base = '/';
  return {
    name: 'depinsim-preload-app',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return [];
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
        const byName = new Map(chunks.map((c) => [c.fileName, c]));
        const wanted = new Set<string>();
        const visit = (file: string) => {
          if (wanted.has(file)) return;
          const c = byName.get(file);
          if (!c) return;
          wanted.add(file);
          for (const dep of c.imports) visit(dep);
        };
        for (const entry of chunks.filter((c) => c.isEntry)) {
          for (const dep of entry.dynamicImports) visit(dep);
        }
        // the entries themselves and their static imports are loaded by the page's script tags already
        for (const entry of chunks.filter((c) => c.isEntry)) {
          wanted.delete(entry.fileName);
          for (const dep of entry.imports) wanted.delete(dep);
        }
        return [...wanted].map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${file}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

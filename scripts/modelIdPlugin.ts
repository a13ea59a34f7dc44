/**
 * A Vite plugin giving the dashboard `virtual:depinsim-model-id`: a fingerprint of the code that
 * decides a run's numbers (the simulation core, the worker that drives it, the package version and
 * the locked versions of its dependencies: seedrandom draws the numbers, zod fills the defaults),
 * and the dashboard's derived columns (chart definitions and their views), which the kept tables hold.
 * The dashboard keeps finished runs across reloads under this id (src/ui/lib/runStore.ts), so a
 * run kept by another version of the model is never shown as this version's. In the dev server the
 * id is recomputed whenever a file it covers changes.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Plugin } from 'vite';

const ID = 'virtual:depinsim-model-id';
const RESOLVED = `\0${ID}`;
/** What a run's numbers depend on, relative to the project root. */
// src/ui/lib/chartDefs: the dashboard's derived columns a kept table holds (derivedColumns.ts) and,
// through the charts' views' twin columns, the chart definitions, with the palette, whose provider
// types name the profit-per-GPU columns; the folder as a whole, so a file added to it counts too.
const COVERED = ['src/sim', 'src/worker', 'src/ui/lib/chartDefs', 'src/ui/lib/chartViews.ts', 'package.json', 'package-lock.json'];

function files(root: string, path: string): string[] {
  const abs = join(root, path);
  if (!existsSync(abs)) return [];
  if (!statSync(abs).isDirectory()) return [path];
  return readdirSync(abs)
    .sort()
    .flatMap((name) => files(root, join(path, name)));
}

/** sha256 over the covered files' paths and bytes, first 16 hex digits. */
export function modelId(root: string): string {
  const h = createHash('sha256');
  for (const f of COVERED.flatMap((p) => files(root, p))) {
    h.update(f.split(sep).join('/'));
    h.update('\0');
    h.update(readFileSync(join(root, f)));
    h.update('\0');
  }
  return h.digest('hex').slice(0, 16);
}

export function modelIdPlugin(): Plugin {
  let root = process.cwd();
  return {
    name: 'depinsim-model-id',
    configResolved(c) {
      root = c.root;
    },
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load: (id) => (id === RESOLVED ? `export const MODEL_ID = ${JSON.stringify(modelId(root))};\n` : undefined),
    handleHotUpdate({ file, server }) {
      const rel = relative(root, file).split(sep).join('/');
      if (!COVERED.some((p) => rel === p || rel.startsWith(`${p}/`))) return;
      const m = server.moduleGraph.getModuleById(RESOLVED);
      if (m) server.moduleGraph.invalidateModule(m);
    },
  };
}

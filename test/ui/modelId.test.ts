// The model id files the runs the dashboard keeps across reloads: it must change whenever the code
// that decides a run's numbers changes, and only then.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { modelId } from '../../scripts/modelIdPlugin.ts';

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'depinsim-modelid-'));
  mkdirSync(join(root, 'src/sim/core'), { recursive: true });
  mkdirSync(join(root, 'src/worker'), { recursive: true });
  mkdirSync(join(root, 'src/ui'), { recursive: true });
  writeFileSync(join(root, 'src/sim/core/engine.ts'), 'export const a = 1;\n');
  writeFileSync(join(root, 'src/worker/sim.worker.ts'), 'export const w = 1;\n');
  writeFileSync(join(root, 'src/ui/App.svelte'), '<p>hi</p>\n');
  writeFileSync(join(root, 'package.json'), '{"version":"0.1.0"}\n');
  return root;
}

describe('modelId', () => {
  it('changes with the core, the worker, the version or the locked dependencies, not with the UI', () => {
    const root = project();
    const id = modelId(root);
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(modelId(root)).toBe(id);
    writeFileSync(join(root, 'src/ui/App.svelte'), '<p>hello</p>\n');
    expect(modelId(root)).toBe(id);
    writeFileSync(join(root, 'src/sim/core/engine.ts'), 'export const a = 2;\n');
    const afterCore = modelId(root);
    expect(afterCore).not.toBe(id);
    writeFileSync(join(root, 'src/worker/sim.worker.ts'), 'export const w = 2;\n');
    expect(modelId(root)).not.toBe(afterCore);
    const beforeVersion = modelId(root);
    writeFileSync(join(root, 'package.json'), '{"version":"0.2.0"}\n');
    expect(modelId(root)).not.toBe(beforeVersion);
    const beforeLock = modelId(root);
    writeFileSync(join(root, 'package-lock.json'), '{"packages":{"node_modules/seedrandom":{"version":"3.0.5"}}}\n');
    expect(modelId(root)).not.toBe(beforeLock);
  });

  it('changes with the derived columns a kept table holds (chart definitions and views), not with the rest of the UI', () => {
    const root = project();
    mkdirSync(join(root, 'src/ui/lib/chartDefs'), { recursive: true });
    writeFileSync(join(root, 'src/ui/lib/chartDefs/derivedColumns.ts'), 'export const d = 1;\n');
    const id = modelId(root);
    writeFileSync(join(root, 'src/ui/lib/chartViews.ts'), 'export const v = 1;\n');
    const withViews = modelId(root);
    expect(withViews).not.toBe(id);
    writeFileSync(join(root, 'src/ui/lib/chartDefs/derivedColumns.ts'), 'export const d = 2;\n');
    expect(modelId(root)).not.toBe(withViews);
    const withDerived = modelId(root);
    writeFileSync(join(root, 'src/ui/lib/chartDefs/chartsMarket.ts'), 'export const c = 1;\n');
    expect(modelId(root)).not.toBe(withDerived);
    // a chart definitions file added later counts without being listed
    const withMarket = modelId(root);
    writeFileSync(join(root, 'src/ui/lib/chartDefs/chartsNew.ts'), 'export const n = 1;\n');
    expect(modelId(root)).not.toBe(withMarket);
    const before = modelId(root);
    writeFileSync(join(root, 'src/ui/lib/format.ts'), 'export const f = 1;\n');
    expect(modelId(root)).toBe(before);
  });

  it('covers a file added to the core', () => {
    const root = project();
    const id = modelId(root);
    writeFileSync(join(root, 'src/sim/core/extra.ts'), '');
    expect(modelId(root)).not.toBe(id);
  });
});

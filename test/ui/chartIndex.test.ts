import { describe, expect, it } from 'vitest';
import { anchorOf, chartIndex, PANELS_AFTER } from '../../src/ui/lib/chartIndex.ts';
import { CHARTS } from '../../src/ui/lib/chartDefs/charts.ts';
import { usesMechanism } from '../../src/ui/lib/chartDefs/chartTypes.ts';
import { parseScenario } from '../../src/sim/scenario/validate.ts';
import { findPreset } from '../../src/sim/scenario/presets.ts';

const scenarioOf = (name: string) => parseScenario(findPreset(name)!.raw);

describe('the chart index above the charts', () => {
  it("lists every panel the page draws for the scenario, in the page's order, by family", () => {
    const s = scenarioOf('baseline');
    const idx = chartIndex(s);
    expect(idx.map((f) => f.title)).toEqual(['Market', 'Providers', 'Token value', 'Mechanisms', 'Token supply']);
    const ids = idx.flatMap((f) => f.entries.map((e) => e.id));
    const drawn = CHARTS.filter((d) => usesMechanism(s, d)).flatMap((d) => [d.id, ...(PANELS_AFTER[d.id] ?? []).map((p) => p.id)]);
    expect(ids).toEqual(drawn);
    expect(new Set(ids.map(anchorOf)).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['burn-mint-ratio', 'provider-distribution', 'archetype-table', 'region-table']));
  });

  it('lists a mechanism\'s chart only for a scenario that has the mechanism', () => {
    const spot = (name: string) => chartIndex(scenarioOf(name)).flatMap((f) => f.entries.map((e) => e.id)).filter((id) => CHARTS.find((c) => c.id === id)?.onlyWith !== undefined || CHARTS.find((c) => c.id === id)?.onlyWhen !== undefined);
    expect(spot('baseline').length).toBeLessThan(spot('spot_market').length);
  });

  it('places the extra panels after charts that exist', () => {
    for (const id of Object.keys(PANELS_AFTER)) expect(CHARTS.some((c) => c.id === id), id).toBe(true);
  });
});

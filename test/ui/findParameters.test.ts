import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { scenarioSchema } from '../../src/sim/scenario/schema.ts';
import { controlsFromJsonSchema } from '../../src/ui/lib/schemaControls.ts';
import { scheduleKindsFromJsonSchema } from '../../src/ui/lib/scheduleKinds.ts';
import { findParameters, queryWords } from '../../src/ui/lib/findParameters.ts';

const schema = z.toJSONSchema(scenarioSchema, { io: 'input' });
const controls = controlsFromJsonSchema(schema);
const kinds = scheduleKindsFromJsonSchema(schema);
const find = (q: string) => findParameters(controls, kinds, q);
const paths = (q: string) => find(q).fields.map((c) => c.path);

describe('finding a parameter in every group', () => {
  it('splits a query into lower-case words at spaces, dashes, dots and underscores', () => {
    expect(queryWords(' Take-Rate ')).toEqual(['take', 'rate']);
    expect(queryWords('economy.takeRate')).toEqual(['economy', 'takerate']);
    expect(queryWords('   ')).toEqual([]);
  });

  it('finds a field by its label, first, then by its path or explanation', () => {
    expect(paths('take rate')[0]).toBe('economy.takeRate');
    expect(paths('halving')).toContain('economy.emission.halvingDays');
    // a camelCase path part reads as words: base rate jobs per hour
    expect(paths('base rate')[0]).toBe('demand.baseRateJobsPerHour');
    expect(paths('demand.baseRateJobsPerHour')).toEqual(['demand.baseRateJobsPerHour']);
    // every word must appear: the home archetype's share, not every share
    const home = paths('home share');
    expect(home[0]).toBe('supply.archetypes.home.share');
    expect(home).not.toContain('supply.archetypes.farm.share');
    // label matches come first, then path matches, then the fields that only explain the word
    const rank = (c: { label: string; path: string }, w: string) => (c.label.toLowerCase().includes(w) ? 0 : c.path.toLowerCase().includes(w) ? 1 : 2);
    const ranks = find('stake').fields.map((c) => rank(c, 'stake'));
    expect(ranks).toEqual([...ranks].sort());
    expect(ranks[0]).toBe(0);
    expect(ranks).toContain(2);
  });

  it('finds the kinds of scheduled event by title and line', () => {
    expect(find('shock').events.map((k) => k.path)).toEqual(expect.arrayContaining(['demand.shocks', 'supply.electricityShocks']));
    expect(find('take rate').events.map((k) => k.path)).toEqual(['economy.takeRateChanges']);
    expect(find('halving').events).toEqual([]);
  });

  it('offers the query with its slipped word corrected when nothing matches, and nothing for an empty query', () => {
    const r = find('emmision');
    expect(r.fields).toEqual([]);
    expect(r.suggestions).toContain('emission');
    expect(find('tokn price').suggestions).toContain('token price');
    expect(paths(find('tokn price').suggestions[0]).length).toBeGreaterThan(0);
    expect(find('qqqqqq')).toEqual({ fields: [], charts: [], events: [], suggestions: [] });
    expect(find('')).toEqual({ fields: [], charts: [], events: [], suggestions: [] });
  });

  it("finds the page's charts by their titles too", () => {
    const panels = [
      { id: 'burn-mint-ratio', title: 'Burn-to-mint ratio' },
      { id: 'supply-demand', title: 'Supply vs demand' },
    ];
    expect(findParameters(controls, kinds, 'burn mint', panels).charts).toEqual([{ id: 'burn-mint-ratio', title: 'Burn-to-mint ratio' }]);
    // a query only a chart answers is found, not a slip
    const r = findParameters(controls, kinds, 'vs demand', panels);
    expect(r.charts.map((c) => c.id)).toEqual(['supply-demand']);
    expect(r.suggestions).toEqual([]);
  });
});

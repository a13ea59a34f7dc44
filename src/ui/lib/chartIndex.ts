/**
 * The page's charts and tables by family, for the jump list above them: about thirty panels in one
 * column of two, where a reader looking for the burn-to-mint ratio would otherwise scroll past
 * twenty. Each entry's anchor is the id its panel carries (`chart-<id>`); the extra panels (the
 * payback distribution, the tables by type and region) sit where the page draws them, after the
 * chart they follow.
 */
import type { ChartDef } from './chartDefs/chartTypes.ts';
import { usesMechanism } from './chartDefs/chartTypes.ts';
import { MARKET_CHARTS } from './chartDefs/chartsMarket.ts';
import { PROVIDER_CHARTS } from './chartDefs/chartsProviders.ts';
import { TOKEN_VALUE_CHARTS } from './chartDefs/chartsTokenValue.ts';
import { MECHANISM_CHARTS } from './chartDefs/chartsMechanisms.ts';
import { TOKEN_SUPPLY_CHARTS } from './chartDefs/chartsTokenSupply.ts';

export interface IndexEntry {
  id: string;
  title: string;
}

/** The panels the page draws after a chart: what follows the chart of that id. */
export const PANELS_AFTER: Record<string, IndexEntry[]> = {
  'provider-economics': [{ id: 'provider-distribution', title: 'Provider payback and income distribution' }],
  'revenue-incentives': [
    { id: 'archetype-table', title: 'Providers by type' },
    { id: 'region-table', title: 'Providers by region' },
  ],
};

const FAMILIES: { title: string; charts: ChartDef[] }[] = [
  { title: 'Market', charts: MARKET_CHARTS },
  { title: 'Providers', charts: PROVIDER_CHARTS },
  { title: 'Token value', charts: TOKEN_VALUE_CHARTS },
  { title: 'Mechanisms', charts: MECHANISM_CHARTS },
  { title: 'Token supply', charts: TOKEN_SUPPLY_CHARTS },
];

/** The anchor a panel carries, for `href="#..."`. */
export const anchorOf = (id: string) => `chart-${id}`;

/** The families with the panels this scenario shows, in the page's order (a family with none is left out). */
export function chartIndex(scenario: unknown): { title: string; entries: IndexEntry[] }[] {
  return FAMILIES.map((f) => ({
    title: f.title,
    entries: f.charts.filter((d) => usesMechanism(scenario, d)).flatMap((d) => [{ id: d.id, title: d.title }, ...(PANELS_AFTER[d.id] ?? [])]),
  })).filter((f) => f.entries.length > 0);
}

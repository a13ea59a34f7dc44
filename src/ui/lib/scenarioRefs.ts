/**
 * Reference lines a chart gets from the scenario on the page (research/dashboards.md §6.2 #5: the
 * supply stack "with a max-supply rule"): the token's supply cap, where emissions stop, at the
 * scenario's scale.
 */
import type { Scenario } from '../../sim/scenario/schema.ts';
import type { RefLine } from './theoryRefs.ts';
import { formatValue } from './format.ts';

export function scenarioRefs(s: Scenario | null | undefined, chartId: string): RefLine[] {
  const cap = supplyCapTokens(s);
  if (cap === undefined) return [];
  if (chartId === 'supply-stack') return [{ value: cap, label: `max supply ${formatValue(cap)} tokens: emissions stop at it` }];
  return [];
}

/** The token's supply cap at the scenario's scale (tokens), where emissions stop; none without the economy. */
export function supplyCapTokens(s: Scenario | null | undefined): number | undefined {
  return s && s.economy.enabled ? s.economy.token.maxSupply * s.scale : undefined;
}

/**
 * A scenario's line is drawn when it lies within twice the chart's highest value: a cap a hundred
 * times the supply would flatten the chart to keep itself in view.
 */
export const NEAR_ENOUGH = 2;

/**
 * Reference lines a chart gets from the scenario on the page: the token's supply cap, where
 * emissions stop, at the scenario's scale (research/dashboards.md §6.2 #5: the supply stack "with a
 * max-supply rule"); the burn-and-mint breaker's halt threshold, the run's own or, without a
 * breaker, Akash's for comparison.
 */
import type { Scenario } from '../../sim/scenario/schema.ts';
import type { RefLine } from './theoryRefs.ts';
import { formatValue } from './format.ts';

export function scenarioRefs(s: Scenario | null | undefined, chartId: string): RefLine[] {
  if (chartId === 'bmeBreaker') return s ? [bmeHaltLine(s)] : [];
  const cap = supplyCapTokens(s);
  if (cap === undefined) return [];
  if (chartId === 'supply-stack') return [{ value: cap, label: `max supply ${formatValue(cap)} tokens: emissions stop at it` }];
  return [];
}

/** Akash's collateral ratio below which no credits are minted (AEP-76 halt_cr). */
export const AKASH_HALT_RATIO = 0.9;

function bmeHaltLine(s: Scenario): RefLine {
  const halt = s.economy.bmeBreaker?.haltRatio;
  if (halt !== undefined) return { value: halt, label: `${halt.toFixed(2)}: this run's halt threshold (economy.bmeBreaker)` };
  return { value: AKASH_HALT_RATIO, label: `${AKASH_HALT_RATIO.toFixed(2)}: Akash's halt (AEP-76); no breaker in this run` };
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

/**
 * The token economy in one line after a single run's summary, for a run with the economy on: what
 * the dashboard's cards give first (token price, providers' profit and its share from emissions,
 * the median provider's payback, exits), so a script's log or a terminal user sees the economy's
 * outcome without opening the CSV. From the run's summary figures (replicaMessages.ts), so the
 * numbers are those `--runs` would average.
 */
import { FIGURES, type RunFigures } from './replicaMessages.ts';

const fig = (key: string) => FIGURES.find((f) => f.key === key)!;

/** "token price $0.901 on the last day, providers' profit $160.2 k over the run (24.2% of their income from emissions), median payback 84.0 months on the last day, 43 providers left"; null without the economy's columns. */
export function economyLine(figures: RunFigures, startPrice: number): string | null {
  if (!('token_price_usd' in figures)) return null;
  const show = (key: string) => fig(key).format(figures[key]);
  // the schema keeps the starting price above 0
  const moved = (100 * (figures.token_price_usd - startPrice)) / startPrice;
  const parts = [`token price ${show('token_price_usd')} on the last day (${moved >= 0 ? '+' : '-'}${Math.abs(moved).toFixed(1)}% from $${startPrice.toFixed(3)})`];
  if ('provider_profit_usd' in figures) parts.push(`providers' profit ${show('provider_profit_usd')} over the run${Number.isFinite(figures.emission_income_share) ? ` (${show('emission_income_share')} of their income from emissions)` : ''}`);
  if ('payback_months' in figures && !Number.isNaN(figures.payback_months)) parts.push(figures.payback_months === Infinity ? 'the median provider does not pay back its hardware (last day)' : `the median provider pays back its hardware in ${show('payback_months')} (last day)`);
  if ('providers_exited' in figures) parts.push(`${show('providers_exited')} providers left`);
  return `economy: ${parts.join(', ')}`;
}

/**
 * What the dashboard draws: the charts (series, units, scales), in the order it shows them. They are
 * kept one family a file, concatenated here in that order: the market (chartsMarket.ts), the
 * providers (chartsProviders.ts), the token economy in dollars (chartsTokenValue.ts), the optional
 * market mechanisms (chartsMechanisms.ts) and the token supply (chartsTokenSupply.ts). Columns come
 * from the core's metric table, a few derived by the dashboard (derivedColumns.ts). A chart whose
 * columns are not in the table yet says so instead of drawing zeros.
 */
import type { ChartDef } from './chartTypes.ts';
import { MARKET_CHARTS } from './chartsMarket.ts';
import { PROVIDER_CHARTS } from './chartsProviders.ts';
import { TOKEN_VALUE_CHARTS } from './chartsTokenValue.ts';
import { MECHANISM_CHARTS } from './chartsMechanisms.ts';
import { TOKEN_SUPPLY_CHARTS } from './chartsTokenSupply.ts';

export const CHARTS: ChartDef[] = [...MARKET_CHARTS, ...PROVIDER_CHARTS, ...TOKEN_VALUE_CHARTS, ...MECHANISM_CHARTS, ...TOKEN_SUPPLY_CHARTS];

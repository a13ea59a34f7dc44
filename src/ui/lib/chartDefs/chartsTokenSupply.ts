/**
 * The token supply's charts, last on the dashboard: minted against burned, the burn-to-mint ratio,
 * net inflation, the staking yield (nominal and real) and the supply stack. Their smoothed lines
 * are over the trailing TRAILING_DAYS, the window derivedColumns.ts computes them over.
 */
import { ECONOMY_NOTE, type ChartDef } from './chartTypes.ts';
import { OKABE_ITO } from './palette.ts';

/** The trailing window of the token charts' smoothed lines, days. */
export const TRAILING_DAYS = 30;

export const TOKEN_SUPPLY_CHARTS: ChartDef[] = [
  {
    id: 'mint-burn',
    title: 'Minted vs burned',
    subtitle: 'Tokens minted (up) and burned (down) per day; the line is net issuance',
    unit: 'tokens',
    log: 'never',
    needs: ['minted_tokens', 'burned_tokens'],
    pendingNote: ECONOMY_NOTE,
    toggles: ['cumulative', 'usd'],
    series: [
      { column: 'minted_tokens', label: 'Minted', color: OKABE_ITO.sky, type: 'barUp' },
      { column: 'burned_tokens', label: 'Burned', color: OKABE_ITO.orange, type: 'barDown' },
      { column: 'net_issuance_tokens', label: 'Net issuance', color: OKABE_ITO.black, width: 2 },
    ],
  },
  {
    // research/dashboards.md §6.1 (the DTSE solvency ratio, "line with 1.0 rule") and §6.2 #4
    id: 'burn-mint-ratio',
    title: 'Burn-to-mint ratio',
    subtitle: `Tokens burned / tokens minted, each day (thin) and over the trailing ${TRAILING_DAYS} days (fewer at the start); above 1 the supply shrinks`,
    unit: 'ratio',
    // a ratio: 0.001 and 10 are as far from 1 on a log axis (offered, off until the values span 100x)
    log: 'auto',
    needs: ['burned_tokens', 'minted_tokens'],
    pendingNote: ECONOMY_NOTE,
    refs: [{ value: 1, label: 'burn = mint: supply flat' }],
    series: [
      { column: 'burn_mint_ratio', label: 'Each day', color: OKABE_ITO.grey, width: 1 },
      { column: 'burn_mint_ratio_trailing', label: `Trailing ${TRAILING_DAYS} days`, color: OKABE_ITO.orange, width: 2.5 },
    ],
  },
  {
    // research/dashboards.md §6.1: inflation "line with zero rule, inflationary/deflationary annotations" (CADLabs)
    id: 'net-inflation',
    title: 'Net inflation',
    subtitle: `Change of the token supply, compounded to a year as the KPI card: each day (thin) and over the trailing ${TRAILING_DAYS} days (bold)`,
    unit: 'share per year',
    log: 'never',
    needs: ['supply_tokens', 'minted_tokens', 'burned_tokens'],
    pendingNote: ECONOMY_NOTE,
    refs: [{ value: 0, label: '0: inflationary above, deflationary below' }],
    series: [
      { column: 'net_inflation_period', label: 'Each day', color: OKABE_ITO.grey, width: 1 },
      { column: 'net_inflation_trailing', label: `Trailing ${TRAILING_DAYS} days`, color: OKABE_ITO.blue, width: 2.5 },
    ],
  },
  {
    // research/dashboards.md §6.2 #11: "staking ratio with nominal vs real APR"
    id: 'stake-yield',
    title: 'Staking yield: nominal and real',
    subtitle: `What staking to serve earns in token rewards over the trailing ${TRAILING_DAYS} days, as a yearly rate (nominal APR, as the Net inflation card's detail line), and net of the supply's growth over the same days (real: what a staker's share of the supply gains); before any price move`,
    unit: 'share per year',
    log: 'never',
    needs: ['staked_tokens', 'rewards_tokens', 'supply_tokens'],
    pendingNote: ECONOMY_NOTE,
    refs: [{ value: 0, label: '0: stakers diluted below' }],
    series: [
      { column: 'stake_yield_trailing', label: 'Nominal APR', color: OKABE_ITO.blue, width: 2.5 },
      { column: 'stake_real_yield_trailing', label: 'Real APR (net of supply growth)', color: OKABE_ITO.vermillion, dash: '7 3', width: 2 },
    ],
  },
  {
    id: 'supply-stack',
    title: 'Token supply stack',
    subtitle: "Circulating (what the market has for sale, and the rest), locked (vesting), staked and treasury tokens, with the cumulative burn on top",
    unit: 'tokens',
    log: 'never',
    needs: ['supply_tokens'],
    pendingNote: ECONOMY_NOTE,
    toggles: ['usd'],
    series: [
      // a run from before 0.6.0 has no float column: its circulating tokens in one band
      { column: 'circulating_unsplit_tokens', label: 'Circulating', color: OKABE_ITO.sky, type: 'stack', standIn: true },
      { column: 'token_for_sale_tokens', label: 'For sale on the market', color: OKABE_ITO.amber, type: 'stack' },
      { column: 'circulating_held_tokens', label: 'Circulating, held (providers, escrow, pools)', color: OKABE_ITO.sky, type: 'stack' },
      { column: 'locked_tokens', label: 'Locked (team, investors)', color: OKABE_ITO.grey, type: 'stack', onlyWhenNonZero: true },
      { column: 'staked_tokens', label: 'Staked', color: OKABE_ITO.blue, type: 'stack' },
      { column: 'treasury_tokens', label: 'Treasury', color: OKABE_ITO.green, type: 'stack' },
      { column: 'burned_cumulative_tokens', label: 'Burned (cumulative)', color: OKABE_ITO.orange, type: 'stack' },
    ],
  },
];

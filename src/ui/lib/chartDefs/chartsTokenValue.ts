/**
 * The token economy's charts in dollars: the token's price (and what unlocked tokens sell), the
 * market cap against the fully diluted value, the security budget and the treasury, and the
 * incentive programs' budget and runway.
 */
import { cameIn, ECONOMY_NOTE, type ChartDef } from './chartTypes.ts';
import { OKABE_ITO } from './palette.ts';

export const TOKEN_VALUE_CHARTS: ChartDef[] = [
  {
    id: 'token-price',
    title: 'Token price',
    subtitle: 'Market price of the network token at the end of each day; in a scenario with token unlocks, what their holders sell (right)',
    unit: 'USD/token',
    log: 'auto',
    needs: ['token_price_usd'],
    pendingNote: ECONOMY_NOTE,
    rightUnit: 'USD/day',
    series: [
      { column: 'token_price_usd', label: 'Token price', color: OKABE_ITO.purple, width: 2 },
      // the unlock shock's sell pressure, in scenarios that lock tokens (economy.vesting)
      { column: 'unlock_sell_usd', label: 'Unlocked tokens sold (right axis)', color: OKABE_ITO.vermillion, dash: '4 2', width: 1.5, right: true, onlyWhenNonZero: true },
    ],
  },
  {
    // research/dashboards.md §6.2 #7 and §3 ("circulating MC is charted against FDV to show the
    // magnitude of future unlocks"): what the market values, and what is still to come
    id: 'market-cap',
    title: 'Market cap and fully diluted value',
    subtitle: "At each day's token price: the circulating tokens (not locked, staked or in the treasury), the whole supply, and every token the emission schedule may mint up to the supply cap (fully diluted); the gaps are tokens held back and emissions still to come",
    unit: 'USD',
    log: 'auto',
    needs: ['market_cap_usd', 'token_price_usd'],
    pendingNote: ECONOMY_NOTE,
    series: [
      { column: 'circulating_market_cap_usd', label: 'Circulating market cap', color: OKABE_ITO.sky, width: 2.5 },
      { column: 'market_cap_usd', label: 'Market cap (whole supply)', color: OKABE_ITO.blue, dash: '7 3', width: 2 },
      { column: 'fdv_usd', label: 'Fully diluted value (supply cap)', color: OKABE_ITO.black, dash: '2 3', width: 2 },
    ],
  },
  {
    // the token_crash preset's question: how far does the USD value of stake (what an attacker must
    // put at risk, the network's security budget) fall with the price? (research §6.2 #11-12)
    id: 'security',
    title: 'Security budget and treasury',
    subtitle: 'USD value of the providers\' stake (the security budget) and of the treasury (its tokens at the day\'s price plus its USD), left; share of the token supply staked, right',
    unit: 'USD',
    rightUnit: 'share',
    log: 'never',
    needs: ['stake_value_usd', 'staked_tokens', 'supply_tokens'],
    pendingNote: ECONOMY_NOTE,
    series: [
      { column: 'stake_value_usd', label: 'Stake value (security budget)', color: OKABE_ITO.blue, width: 2 },
      { column: 'treasury_value_usd', label: 'Treasury value', color: OKABE_ITO.green, dash: '7 3', width: 2 },
      { column: 'staking_ratio', label: 'Staked share of supply (right axis)', color: OKABE_ITO.vermillion, dash: '2 3', width: 2, right: true },
    ],
  },
  {
    // the incentive_pilot preset's question: how fast does the budget run out (research/dashboards.md
    // §6.2 #12: "treasury balance and runway")?
    id: 'incentive-programs',
    title: 'Incentive programs: budget and runway',
    subtitle: 'USD the programs have paid providers so far and what their budgets have left (left); days the budgets last at the day\'s spend (right)',
    unit: 'USD',
    rightUnit: 'days',
    rightLinear: true,
    log: 'never',
    needs: ['incentive_paid_usd', 'incentive_budget_usd'],
    pendingNote: cameIn('Incentive programs', '0.10.0'),
    onlyWith: 'economy.incentivePrograms',
    series: [
      { column: 'incentive_budget_usd', label: 'Budget left', color: OKABE_ITO.blue, width: 2 },
      { column: 'incentive_spent_usd', label: 'Paid so far', color: OKABE_ITO.orange, dash: '7 3', width: 2 },
      { column: 'incentive_runway_days', label: 'Runway at the day\'s spend (right axis)', color: OKABE_ITO.vermillion, dash: '2 3', width: 2, right: true },
    ],
  },
];

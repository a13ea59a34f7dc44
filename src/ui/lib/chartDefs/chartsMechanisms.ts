/**
 * The charts of mechanisms a scenario may add to the market: escrow runways, spot leases,
 * reservations, the waits of each kind of order (with spot leases or reservations), and slashing
 * and cheating. All but slashing are drawn only for runs whose scenario uses their mechanism
 * (`onlyWith`).
 */
import { cameIn, ECONOMY_NOTE, type ChartDef, type SeriesDef } from './chartTypes.ts';
import { OKABE_ITO } from './palette.ts';

/** The on-demand leases' realized price, on the right axis, beside a discounted kind of lease's (spot, reserved): one colour in both charts. */
const ON_DEMAND_PRICE: SeriesDef = { column: 'on_demand_price_usd_per_gpu_h', label: 'On-demand price (right axis)', color: OKABE_ITO.blue, width: 2, right: true };

export const MECHANISM_CHARTS: ChartDef[] = [
  {
    // the escrow_exhaustion preset's question: how many leases close when tenants stop topping up?
    id: 'escrow',
    title: 'Escrow: leases closed for insufficient funds',
    subtitle: "Per day, left: leases closed because the tenant's escrow ran dry without a top-up; right: the chance that a tenant tops up a deposit that runs out",
    unit: 'leases per day',
    rightUnit: 'share',
    log: 'never',
    needs: ['leases_overdrawn', 'escrow_top_up_probability'],
    pendingNote: cameIn('Escrow runways', '0.11.0'),
    onlyWith: 'market.escrow',
    toggles: ['cumulative'],
    cumulativeUnit: 'leases',
    series: [
      { column: 'leases_overdrawn', label: 'Leases closed for insufficient funds', color: OKABE_ITO.vermillion, type: 'barUp' },
      { column: 'escrow_top_up_probability', label: 'Top-up probability (right axis)', color: OKABE_ITO.blue, width: 2, right: true },
    ],
  },
  {
    // the spot_market preset's question: how often are spot leases preempted, and at what discount does spot sell?
    id: 'spot',
    title: 'Spot leases: preemptions and prices',
    subtitle: 'Per day, left: spot leases whose GPUs on-demand orders took; right: the realized price per GPU-hour of spot and of on-demand leases',
    unit: 'leases per day',
    rightUnit: 'USD/GPU-h',
    log: 'never',
    needs: ['leases_preempted', 'spot_price_usd_per_gpu_h', 'on_demand_price_usd_per_gpu_h'],
    pendingNote: cameIn('Spot leases', '0.12.0'),
    onlyWith: 'market.spot',
    toggles: ['cumulative'],
    cumulativeUnit: 'leases',
    series: [
      { column: 'leases_preempted', label: 'Spot leases preempted', color: OKABE_ITO.vermillion, type: 'barUp' },
      { column: 'spot_price_usd_per_gpu_h', label: 'Spot price (right axis)', color: OKABE_ITO.green, width: 2, dash: '6 3', right: true },
      ON_DEMAND_PRICE,
    ],
  },
  {
    // the reserved_instances preset's question: how much of the work do reservations take, and at what discount?
    id: 'reserved',
    title: 'Reservations: GPU-hours and prices',
    subtitle: 'Per day, left: GPU-hours run by reservations; right: the realized price per GPU-hour of reservations and of on-demand leases',
    unit: 'GPU-h per day',
    rightUnit: 'USD/GPU-h',
    log: 'never',
    needs: ['reserved_gpu_hours_served', 'reserved_price_usd_per_gpu_h', 'on_demand_price_usd_per_gpu_h'],
    pendingNote: cameIn('Reserved instances', '0.13.0'),
    onlyWith: 'market.reserved',
    toggles: ['cumulative'],
    cumulativeUnit: 'GPU-h',
    series: [
      { column: 'reserved_gpu_hours_served', label: 'GPU-hours run by reservations', color: OKABE_ITO.grey, type: 'barUp' },
      { column: 'reserved_price_usd_per_gpu_h', label: 'Reserved price (right axis)', color: OKABE_ITO.vermillion, width: 2, dash: '6 3', right: true },
      ON_DEMAND_PRICE,
    ],
  },
  {
    // with spot leases or reservations, wait_mean_h mixes kinds of orders that wait in their own ways:
    // does offering them make on-demand tenants wait longer? (a reservation order waits hours for always-on capacity)
    id: 'kindWaits',
    title: 'Waiting by kind of order',
    subtitle: 'Mean time from order to match of the orders of each kind matched each day (left, hours; the log view shows minutes beside hours); on-demand orders waiting, time-average (right)',
    unit: 'h',
    rightUnit: 'orders',
    log: 'auto',
    needs: ['wait_mean_h_on_demand', 'queue_len_mean_on_demand'],
    pendingNote: cameIn('Waits by kind of order', '0.14.0'),
    onlyWith: ['market.spot', 'market.reserved'],
    series: [
      { column: 'wait_mean_h_on_demand', label: 'On-demand orders', color: OKABE_ITO.blue, width: 2 },
      { column: 'wait_mean_h_spot', label: 'Spot orders', color: OKABE_ITO.green, dash: '6 3', width: 2, onlyWhenValued: true },
      { column: 'wait_mean_h_reserved', label: 'Reservation orders', color: OKABE_ITO.vermillion, dash: '2 2', width: 2, onlyWhenValued: true },
      { column: 'queue_len_mean_on_demand', label: 'On-demand orders waiting (right axis)', color: OKABE_ITO.grey, dash: '1 3', width: 1.5, right: true },
    ],
  },
  {
    // burn-and-mint with settlement mints (Akash AEP-76): when the token falls between a lease's
    // escrow and its settlement, are the credits still backed? With the circuit breaker
    // (economy.bmeBreaker), for how long does it stop new leases? Without it the ratio is what the
    // breaker would have watched, and the hours halted stay at zero.
    id: 'bmeBreaker',
    title: 'Burn-and-mint collateral and the circuit breaker',
    subtitle: "Collateral ratio at each day's end: the vault's tokens at the day's price over the compute credits outstanding (left); hours of the day the breaker halted new leases (right; zero without economy.bmeBreaker)",
    unit: 'ratio',
    rightUnit: 'h',
    log: 'never',
    needs: ['bme_collateral_ratio', 'bme_mint_halted_h'],
    pendingNote: cameIn('The burn-and-mint collateral ratio', '0.15.0'),
    onlyWith: 'economy.bmeBreaker',
    onlyWhen: (s) => s.economy.enabled && s.economy.payment === 'burnMint' && s.economy.bmeProviderPay === 'mint',
    series: [
      { column: 'bme_collateral_ratio', label: 'Collateral ratio', color: OKABE_ITO.blue, width: 2 },
      { column: 'bme_mint_halted_h', label: 'Hours halted (right axis)', color: OKABE_ITO.vermillion, dash: '6 3', width: 2, right: true },
    ],
    // the halt threshold is the run's own (lib/scenarioRefs.ts)
    refs: [{ value: 1, label: 'fully backed' }],
  },
  {
    // the cheating preset's question: how fast do spot checks catch the cheaters, at what cost?
    id: 'slashing',
    title: 'Slashing and cheating',
    subtitle: 'Per day, left: slashing events (downtime during leases and caught cheating) and cheating providers caught by spot checks; right: share of the network\'s GPUs held by cheating providers',
    unit: 'per day',
    rightUnit: 'share',
    // a log axis shows the few cheaters caught beside ~100 downtime slashes a day
    log: 'auto',
    needs: ['slashes', 'cheater_share'],
    pendingNote: ECONOMY_NOTE,
    toggles: ['cumulative'],
    cumulativeUnit: 'events',
    series: [
      { column: 'slashes', label: 'Slashes', color: OKABE_ITO.vermillion, type: 'barUp' },
      { column: 'cheaters_caught', label: 'Cheaters caught', color: OKABE_ITO.blue, width: 2 },
      { column: 'cheater_share', label: 'GPUs of cheating providers (right axis)', color: OKABE_ITO.black, width: 2, right: true },
    ],
  },
];

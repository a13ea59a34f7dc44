import { describe, expect, it } from 'vitest';
import { CHARTS } from '../../src/ui/lib/chartDefs/charts.ts';
import { burnMintWords, KPIS } from '../../src/ui/lib/chartDefs/kpiDefs.ts';
import { deriveColumns } from '../../src/ui/lib/chartDefs/derivedColumns.ts';
import { usesMechanism } from '../../src/ui/lib/chartDefs/chartTypes.ts';
import { parseScenario } from '../../src/sim/scenario/validate.ts';
import { formatValue } from '../../src/ui/lib/format.ts';
import { ESCROW_COLUMNS, SPOT_COLUMNS, RESERVED_COLUMNS, ORDER_KIND_COLUMNS, ORDER_MATCH_COLUMNS, FIRST_ORDER_COLUMNS, WAITED_COLUMNS, MARKET_COLUMNS, NEW_JOB_COLUMNS, REGION_MARKET_COLUMNS, TYPE_MARKET_COLUMNS } from '../../src/sim/metrics/marketMetrics.ts';
import { TYPE_ECONOMY_COLUMNS } from '../../src/sim/economy/typeBooks.ts';
import { PROVIDER_INCOME_COLUMNS, ECONOMY_COLUMNS, TOKEN_FLOAT_COLUMNS, INCENTIVE_COLUMNS, BME_COLUMNS, concentration } from '../../src/sim/metrics/economyMetrics.ts';

const f = (...v: number[]) => new Float64Array(v);

describe('chart and KPI definitions', () => {
  it('the tier charts say the asks start at list price and how fast they move, with the scenario\'s step; nothing when asks stay as listed', () => {
    const tierCharts = CHARTS.filter((c) => c.note);
    expect(tierCharts.map((c) => c.id).sort()).toEqual(['prices', 'utilization']);
    for (const c of tierCharts) {
      expect(c.note!(parseScenario({}))).toBe(
        "Asks start at list price and move 3% a day toward each provider's target utilization (about 23 days to double or halve one): the tiers take the first weeks to settle.",
      );
      expect(c.note!(parseScenario({ supply: { priceAdjustPerDay: 0.1 } }))).toMatch(/move 10% a day .*about 7 days/);
      expect(c.note!(parseScenario({ supply: { priceAdjustPerDay: 0.5 } }))).toMatch(/about 2 days/);
      expect(c.note!(parseScenario({ supply: { priceAdjustPerDay: 0 } }))).toBeNull();
    }
  });

  it('every chart reads columns the core produces or the dashboard derives (no silent schema drift)', () => {
    const names = new Set([...MARKET_COLUMNS, ...NEW_JOB_COLUMNS, ...ESCROW_COLUMNS, ...SPOT_COLUMNS, ...RESERVED_COLUMNS, ...ORDER_KIND_COLUMNS, ...ECONOMY_COLUMNS, ...TYPE_MARKET_COLUMNS, ...TYPE_ECONOMY_COLUMNS, ...REGION_MARKET_COLUMNS, ...TOKEN_FLOAT_COLUMNS, ...PROVIDER_INCOME_COLUMNS, ...INCENTIVE_COLUMNS, ...BME_COLUMNS, ...ORDER_MATCH_COLUMNS, ...FIRST_ORDER_COLUMNS, ...WAITED_COLUMNS].map((c) => c.name));
    const derived = new Set(Object.keys(deriveColumns(Object.fromEntries([...names].map((n) => [n, f(1)])), 1, 24, 800e6)));
    // a CSV from before the float (0.6.0) gets its circulating tokens in one band instead
    derived.add('circulating_unsplit_tokens');
    // (the charts' views' twin columns, name__cum and name__usd, are chartViews.test.ts')
    expect([...derived].filter((n) => !n.includes('__')).sort()).toEqual(['burn_mint_ratio_trailing', 'burned_cumulative_tokens', 'capacity_gpu_h', 'circulating_held_tokens', 'circulating_market_cap_usd', 'circulating_tokens', 'circulating_unsplit_tokens', 'exited_cumulative_banned', 'exited_cumulative_churn', 'exited_cumulative_losses', 'exited_cumulative_rival', 'fdv_usd', 'incentive_spent_usd', 'net_inflation_period', 'net_inflation_trailing', 'net_issuance_tokens', 'profit_per_gpu_usd_datacenter', 'profit_per_gpu_usd_farm', 'profit_per_gpu_usd_home', 'profit_per_gpu_usd_university', 'protocol_earnings_usd', 'stake_real_yield_trailing', 'stake_yield_trailing', 'staking_ratio', 'supply_side_usd', 'treasury_value_usd']);
    for (const chart of CHARTS) {
      for (const s of chart.series) expect(names.has(s.column) || derived.has(s.column), `${chart.id}: ${s.column}`).toBe(true);
      for (const n of chart.needs) expect(names.has(n), `${chart.id} needs ${n}`).toBe(true);
    }
  });

  it('a chart with a log toggle has nothing a log axis cannot place: no bars drawn downwards, no stacks', () => {
    for (const chart of CHARTS) {
      if (chart.log === 'never') continue;
      for (const s of chart.series) expect(s.type === 'barDown' || s.type === 'stack', `${chart.id}: ${s.column}`).toBe(false);
    }
    // the slashing chart can go log, so its few caught cheaters show beside ~100 slashes a day
    expect(CHARTS.find((c) => c.id === 'slashing')?.log).toBe('auto');
  });

  it('splits what tenants pay into the providers\' share and the protocol\'s fees, and nets the incentives against the fees', () => {
    const d = deriveColumns({ gmv_usd: f(1000, 0, NaN), fees_usd: f(100, 0, 5), provider_rewards_usd: f(250, 40, 1) }, 3, 24);
    expect(Array.from(d.supply_side_usd)).toEqual([900, 0, NaN]);
    // earnings = revenue - token incentives: negative when emissions pay more than the take brings in
    expect(Array.from(d.protocol_earnings_usd)).toEqual([-150, -40, 4]);
  });

  it('the providers\' share of payments leaves out what they served unpaid, which the chart stacks on its own so the stack is still what tenants were billed', () => {
    // gmv_usd bills the hours served after a tenant's escrow ran dry too (unpaid_usd): they are not a payment
    const d = deriveColumns({ gmv_usd: f(1000, 500), fees_usd: f(100, 50), unpaid_usd: f(30, NaN), provider_rewards_usd: f(0, 0) }, 2, 24);
    expect(Array.from(d.supply_side_usd)).toEqual([870, 450]);
    const chart = CHARTS.find((c) => c.id === 'revenue-incentives')!;
    const stacked = chart.series.filter((s) => s.type === 'stack').map((s) => s.column);
    expect(stacked).toEqual(['supply_side_usd', 'fees_usd', 'unpaid_usd']);
    // shown only in runs where some escrow ran dry
    expect(chart.series.find((s) => s.column === 'unpaid_usd')?.onlyWhenNonZero).toBe(true);
  });

  it('a type\'s profit per GPU and day: income less costs over the type\'s GPUs in the network, none without GPUs', () => {
    const d = deriveColumns(
      { provider_revenue_usd_home: f(100, 50), provider_rewards_usd_home: f(20, 10), provider_costs_usd_home: f(60, 90), gpus_total_home: f(10, 0) },
      2,
      48,
    );
    // (100 + 20 - 60) / 10 GPUs / 2 days per period
    expect(Array.from(d.profit_per_gpu_usd_home)).toEqual([3, NaN]);
    expect(d.profit_per_gpu_usd_farm).toBeUndefined();
  });

  it('the staked share of the supply, and the treasury valued at the day\'s price with its USD', () => {
    const d = deriveColumns({ staked_tokens: f(30, 0), supply_tokens: f(100, 0), treasury_tokens: f(10, 20), token_price_usd: f(2, 0.5), treasury_usd: f(5, NaN) }, 2, 24);
    expect(Array.from(d.staking_ratio)).toEqual([0.3, NaN]); // no supply: no share
    expect(Array.from(d.treasury_value_usd)).toEqual([25, NaN]);
  });

  it('derives capacity, net issuance, cumulative burn and circulating supply, NaN-safe', () => {
    const d = deriveColumns(
      { gpus_online: f(10, 20), minted_tokens: f(5, 5), burned_tokens: f(1, NaN), supply_tokens: f(100, 104), staked_tokens: f(30, 30), treasury_tokens: f(10, 12) },
      2,
      24,
    );
    expect(Array.from(d.capacity_gpu_h)).toEqual([240, 480]);
    expect(Array.from(d.net_issuance_tokens)).toEqual([4, NaN]);
    expect(Array.from(d.burned_cumulative_tokens)).toEqual([1, 1]);
    expect(Array.from(d.circulating_tokens)).toEqual([60, 62]);
    // without the market's float (a CSV from before 0.6.0) the chart's one band; with it, the float and the rest
    expect(Array.from(d.circulating_unsplit_tokens)).toEqual([60, 62]);
    expect(d.circulating_held_tokens).toBeUndefined();
    const split = deriveColumns({ supply_tokens: f(100, 104), staked_tokens: f(30, 30), token_for_sale_tokens: f(45, 50) }, 2, 24);
    expect(Array.from(split.circulating_held_tokens)).toEqual([25, 24]);
    expect(split.circulating_unsplit_tokens).toBeUndefined();
    expect(deriveColumns({}, 0, 24)).toEqual({});
  });

  it('the token charts\' trailing 30 days: burn-to-mint of the window\'s sums, and the supply\'s change compounded to a year as the KPI card computes it', () => {
    const n = 80;
    // 10 tokens minted a day until day 40, then none (a cap reached); 5 burned every day
    const minted = new Float64Array(n).map((_, i) => (i < 40 ? 10 : 0));
    const burned = new Float64Array(n).fill(5);
    const supply = new Float64Array(n);
    let s = 1000;
    for (let i = 0; i < n; i++) supply[i] = s += minted[i] - burned[i];
    const d = deriveColumns({ minted_tokens: minted, burned_tokens: burned, supply_tokens: supply }, n, 24);
    expect(d.burn_mint_ratio_trailing[0]).toBe(0.5);
    expect(d.burn_mint_ratio_trailing[39]).toBe(0.5);
    // day 50: 10 days without mint in the window of 30: 150 burned / 200 minted
    expect(d.burn_mint_ratio_trailing[49]).toBe(0.75);
    // 30 days after the last mint the window holds none: no ratio, not a huge one
    expect(d.burn_mint_ratio_trailing[69]).toBeNaN();
    const kpi = KPIS.find((x) => x.id === 'inflation')!;
    for (const i of [30, 45, 79]) expect(d.net_inflation_trailing[i]).toBeCloseTo(kpi.compute({ data: { supply_tokens: supply }, lo: i - 30, hi: i, periodHours: 24 }), 12);
    // the first days use the days there are, from the supply before day 1 (1000)
    expect(d.net_inflation_trailing[0]).toBeCloseTo((1005 / 1000) ** 365 - 1, 12);
    expect(d.net_inflation_trailing[79]).toBeLessThan(0); // burning without minting: deflationary
    // each day alone, compounded the same way
    expect(d.net_inflation_period[45]).toBeCloseTo((supply[45] / supply[44]) ** 365 - 1, 12);
    expect(d.net_inflation_period[0]).toBeCloseTo(d.net_inflation_trailing[0], 12);
    // weekly periods: 30 days are 4 rows
    const w = deriveColumns({ minted_tokens: f(10, 10, 10, 10, 10, 0), burned_tokens: f(0, 0, 0, 0, 0, 0) }, 6, 168);
    expect(Array.from(w.burn_mint_ratio_trailing)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(deriveColumns({ minted_tokens: f(0, 0), burned_tokens: f(1, NaN) }, 2, 24).burn_mint_ratio_trailing.every(Number.isNaN)).toBe(true);
  });

  it('staking yield: the trailing window\'s rewards over the mean stake as an APR (the inflation card\'s detail line), and net of the supply\'s growth', () => {
    const n = 60;
    // 1000 staked; 10 reward tokens a day; the supply grows by the rewards alone from 100,000
    const staked = new Float64Array(n).fill(1000);
    const rewards = new Float64Array(n).fill(10);
    const supply = new Float64Array(n).map((_, i) => 100_000 + 10 * (i + 1));
    const minted = new Float64Array(n).fill(10);
    const burned = new Float64Array(n).fill(0);
    const d = deriveColumns({ staked_tokens: staked, rewards_tokens: rewards, supply_tokens: supply, minted_tokens: minted, burned_tokens: burned }, n, 24);
    // 1% a day of the stake: 365% a year, from the first day
    for (const i of [0, 29, 59]) expect(d.stake_yield_trailing[i]).toBeCloseTo(3.65, 12);
    const kpi = KPIS.find((x) => x.id === 'inflation')!;
    expect(kpi.detail!({ data: { staked_tokens: staked, rewards_tokens: rewards, supply_tokens: supply }, lo: 30, hi: 59, periodHours: 24 })).toBe(`stake earns ${formatValue(d.stake_yield_trailing[59], 'share')}/yr in rewards`);
    // real: the window's 30% return net of the supply's 0.3% growth over the same 30 days
    const grew = supply[59] / supply[29];
    expect(d.stake_real_yield_trailing[59]).toBeCloseTo(((1.3 / grew) - 1) * (365 / 30), 12);
    expect(d.stake_real_yield_trailing[59]).toBeLessThan(d.stake_yield_trailing[59]);
    // rewards paid to a stake that is a tiny part of a fast-growing supply: diluted, real yield below 0
    const diluted = deriveColumns({ staked_tokens: staked, rewards_tokens: new Float64Array(n).fill(0.1), supply_tokens: new Float64Array(n).map((_, i) => 100_000 * 1.01 ** (i + 1)), minted_tokens: minted, burned_tokens: burned }, n, 24);
    expect(diluted.stake_real_yield_trailing[59]).toBeLessThan(0);
    // nothing staked: no yield rather than an infinite one
    expect(deriveColumns({ staked_tokens: new Float64Array(n), rewards_tokens: rewards, supply_tokens: supply, minted_tokens: minted, burned_tokens: burned }, n, 24).stake_yield_trailing.every(Number.isNaN)).toBe(true);
  });

  it('income concentration: HHI is the sum of squared shares, Nakamoto the fewest top earners past half; the Gini card gives both', () => {
    expect(concentration(f(1, 1, 1, 1))).toEqual({ hhi: 0.25, nakamoto: 3 }); // two of four make exactly half: not more
    expect(concentration(f(0, 0, 10))).toEqual({ hhi: 1, nakamoto: 1 });
    const c = concentration(f(1, 2, 3, 4));
    expect(c.hhi).toBeCloseTo((1 + 4 + 9 + 16) / 100, 12);
    expect(c.nakamoto).toBe(2); // 4 + 3 = 7 of 10
    expect(concentration(f(0, 0))).toEqual({ hhi: NaN, nakamoto: NaN });
    expect(concentration(f())).toEqual({ hhi: NaN, nakamoto: NaN });
    const g = KPIS.find((k) => k.id === 'gini')!;
    expect(g.detail!({ data: { income_nakamoto: f(40, 212), income_hhi: f(0.01, 0.00123) }, lo: 0, hi: 1, periodHours: 24 })).toBe('half of it to 212 providers · HHI 12');
    expect(g.detail!({ data: { revenue_gini: f(0.5) }, lo: 0, hi: 0, periodHours: 24 })).toBeNull(); // a run from before 0.7.0
  });

  it('the payback card gives the share of providers under water on the window\'s last day, nothing for a run without the column', () => {
    const k = KPIS.find((x) => x.id === 'payback')!;
    expect(k.detail!({ data: { payback_months_median: f(30, 20), providers_under_water_share: f(0.4, 0.116) }, lo: 0, hi: 1, periodHours: 24 })).toBe('11.6% of providers under water');
    expect(k.detail!({ data: { payback_months_median: f(30) }, lo: 0, hi: 0, periodHours: 24 })).toBeNull();
  });

  it('payback thresholds are reference lines on the payback\'s own (right) axis', () => {
    const c = CHARTS.find((x) => x.id === 'provider-economics')!;
    expect(c.refs?.map((r) => [r.value, r.right])).toEqual([[12, true], [24, true]]);
    expect(c.series.find((x) => x.column === 'payback_months_median')?.right).toBe(true);
  });

  it('KPIs: utilization is a ratio of sums; missing values are skipped, never zeros', () => {
    const util = KPIS.find((k) => k.id === 'utilization')!;
    const t = { data: { gpus_busy: f(10, 0, 30), gpus_online: f(20, 0, 40) }, lo: 0, hi: 2, periodHours: 24 };
    expect(util.compute(t)).toBeCloseTo(40 / 60);
    const fill = KPIS.find((k) => k.id === 'fill-rate')!;
    expect(fill.compute({ data: { fill_rate: f(1, NaN, 0.5) }, lo: 0, hi: 2, periodHours: 24 })).toBeCloseTo(0.75);
    expect(fill.compute({ data: { fill_rate: f(NaN) }, lo: 0, hi: 0, periodHours: 24 })).toBeNaN();
    // from 0.16.0 over the orders: 100 matched of 100 on a quiet day, 300 of 600 on a busy one: 400 of 700, where the mean of days says 75%
    expect(fill.compute({ data: { fill_rate: f(1, NaN, 0.5), orders_matched: f(100, 0, 300), jobs_expired: f(0, 0, 300) }, lo: 0, hi: 2, periodHours: 24 })).toBeCloseTo(400 / 700, 12);
    expect(fill.compute({ data: { fill_rate: f(NaN), orders_matched: f(0), jobs_expired: f(0) }, lo: 0, hi: 0, periodHours: 24 })).toBeNaN();
    // the re-orders of failed leases among the orders: 100 of 100 + 900
    expect(fill.detail!({ data: { fill_rate: f(0.8, 0.9), leases_failed: f(40, 60), jobs_arrived: f(500, 400) }, lo: 0, hi: 1, periodHours: 24 })).toBe('10.0% of orders re-order failed leases');
    // with the new jobs' own fill rate (0.10.0), first
    expect(fill.detail!({ data: { fill_rate: f(0.8, 0.9), fill_rate_new_jobs: f(0.7, 0.8), leases_failed: f(40, 60), jobs_arrived: f(500, 400) }, lo: 0, hi: 1, periodHours: 24 })).toBe('new jobs 75.0%; 10.0% of orders re-order failed leases');
    // from 0.17.0 over the first orders: 90 of 100 on a quiet day, 100 of 400 on a busy one: 190 of 500, where the mean of the days' rates says 57.5%
    const counted = { fill_rate: f(0.9, 0.3), fill_rate_new_jobs: f(0.9, 0.25), first_orders_matched: f(90, 100), first_orders_expired: f(10, 300), leases_failed: f(0, 0), jobs_arrived: f(100, 400) };
    expect(fill.detail!({ data: counted, lo: 0, hi: 1, periodHours: 24 })).toBe('new jobs 38.0%');
    expect(fill.detail!({ data: counted, lo: 1, hi: 1, periodHours: 24 })).toBe('new jobs 25.0%');
    expect(fill.detail!({ data: { ...counted, first_orders_matched: f(0, 0), first_orders_expired: f(0, 0) }, lo: 0, hi: 1, periodHours: 24 })).toBeNull();
    expect(fill.detail!({ data: { fill_rate: f(0.8), leases_failed: f(0), jobs_arrived: f(500) }, lo: 0, hi: 0, periodHours: 24 })).toBeNull();
  });

  it('KPIs: the mean wait weighs each day by its leases started, in minutes; lease failures are a ratio of sums', () => {
    const wait = KPIS.find((k) => k.id === 'wait')!;
    // day 2 has no match (NaN wait): it counts for neither the sum nor the weight
    const t = { data: { wait_mean_h: f(0.1, NaN, 0.4), wait_p95_h: f(0.5, NaN, 1.25), jobs_started: f(300, 50, 100) }, lo: 0, hi: 2, periodHours: 24 };
    expect(wait.compute(t)).toBeCloseTo((60 * (0.1 * 300 + 0.4 * 100)) / 400, 10);
    expect(wait.detail!(t)).toBe("worst day's 95th pct 1.3 h");
    expect(wait.detail!({ ...t, hi: 0 })).toBe("worst day's 95th pct 30 min");
    // without spot leases or reservations the on-demand wait is the same column over: not repeated
    expect(wait.detail!({ ...t, data: { ...t.data, wait_mean_h_on_demand: f(0.1, NaN, 0.4) } })).toBe("worst day's 95th pct 1.3 h");
    // with them, on-demand orders' own wait first (the mean of the days' means, NaN days left out)
    expect(wait.detail!({ ...t, data: { ...t.data, wait_mean_h_on_demand: f(0.05, NaN, 0.15) } })).toBe("on-demand orders 6.0 min; worst day's 95th pct 1.3 h");
    // from 0.16.0 each day weighs by its orders matched, the count its mean is over, not by the leases started
    const counted = { ...t, data: { ...t.data, orders_matched: f(100, 0, 300), wait_mean_h_on_demand: f(0.05, NaN, 0.15), orders_matched_on_demand: f(100, 0, 100) } };
    expect(wait.compute(counted)).toBeCloseTo((60 * (0.1 * 100 + 0.4 * 300)) / 400, 10);
    expect(wait.detail!(counted)).toBe("on-demand orders 6.0 min; worst day's 95th pct 1.3 h");
    expect(wait.detail!({ ...counted, data: { ...counted.data, orders_matched_on_demand: f(100, 0, 300) } })).toBe("on-demand orders 7.5 min; worst day's 95th pct 1.3 h");
    // from 0.22.0, who waited at all: 10 of 100 orders for 1 h, 20 of 300 for 2.5 h: 30 of 400, (10 + 50) / 30 h on average
    const waited = { ...t, data: { ...t.data, orders_matched: f(100, 0, 300), orders_waited: f(10, 0, 20), wait_mean_h_waited: f(1, NaN, 2.5) } };
    expect(wait.detail!(waited)).toBe("7.5% waited, 2.0 h on average; worst day's 95th pct 1.3 h");
    expect(wait.detail!({ ...waited, hi: 0 })).toBe("10.0% waited, 1.0 h on average; worst day's 95th pct 30 min");
    // a window in which nobody waited says so, with no mean
    expect(wait.detail!({ ...waited, lo: 1, hi: 1 })).toBeNull();
    expect(wait.detail!({ ...waited, data: { ...waited.data, orders_waited: f(0, 0, 0), wait_mean_h_waited: f(NaN, NaN, NaN) } })).toBe("0.0% waited; worst day's 95th pct 1.3 h");
    const fail = KPIS.find((k) => k.id === 'failures')!;
    const u = { data: { leases_failed: f(10, 30), jobs_started: f(100, 100) }, lo: 0, hi: 1, periodHours: 24 };
    expect(fail.compute(u)).toBeCloseTo(0.2);
    expect(fail.detail!(u)).toBe('40 of 200 started');
    // with the resumes column (runs since the outage grace): how many leases rode out an outage
    expect(fail.detail!({ ...u, data: { ...u.data, leases_resumed: f(1200, 34) } })).toBe('40 of 200 started; 1,234 resumed after an outage');
    expect(fail.detail!({ ...u, data: { ...u.data, leases_resumed: f(0, 0) } })).toBe('40 of 200 started');
  });

  it('KPIs: buyer price vs cloud weighs the cloud price by GPU-hours served', () => {
    const k = KPIS.find((x) => x.id === 'buyer-price')!;
    const t = { data: { gmv_usd: f(10, 30), gpu_hours_served: f(10, 30), cloud_price_usd_per_gpu_h: f(2, 4) }, lo: 0, hi: 1, periodHours: 24 };
    expect(k.compute(t)).toBe(1);
    expect(k.detail!(t)).toBe('29% of cloud ($3.50)');
  });

  it('KPIs: provider earnings count rewards, and the emission share is a ratio of sums', () => {
    const k = KPIS.find((x) => x.id === 'provider-earnings')!;
    const t = { data: { provider_revenue_usd: f(60, 20), provider_rewards_usd: f(20, 0), gpu_hours_served: f(50, 50) }, lo: 0, hi: 1, periodHours: 24 };
    expect(k.compute(t)).toBeCloseTo(1);
    expect(k.detail!(t)).toBe('20% funded by emissions');
    // an incentive program's pay is income too, with its own share
    const withProgram = { ...t, data: { ...t.data, incentive_paid_usd: f(10, 10) } };
    expect(k.compute(withProgram)).toBeCloseTo(1.2);
    expect(k.detail!(withProgram)).toBe('17% funded by emissions, 17% by incentive programs');
  });

  it('KPIs: net inflation gives the reward yield of stake, annualized over the window, and nothing without stake', () => {
    const k = KPIS.find((x) => x.id === 'inflation')!;
    // two days: 10 + 30 tokens of rewards on a mean stake of 1,000 -> 4% in 2 days -> 730%/yr
    const t = { data: { supply_tokens: f(1e6, 1e6), rewards_tokens: f(10, 30), staked_tokens: f(900, 1100) }, lo: 0, hi: 1, periodHours: 24 };
    expect(k.detail!(t)).toBe('stake earns 730.0%/yr in rewards');
    expect(k.detail!({ ...t, hi: 0 })).toBe('stake earns 405.6%/yr in rewards');
    expect(k.detail!({ ...t, data: { ...t.data, staked_tokens: f(0, 0) } })).toBeNull();
    expect(k.detail!({ ...t, data: { supply_tokens: f(1, 1) } })).toBeNull();
  });

  it('KPIs: the median payback is the last defined day, infinite when the median provider does not pay back (not an older finite day)', () => {
    const k = KPIS.find((x) => x.id === 'payback')!;
    expect(k.compute({ data: { payback_months_median: f(30, Infinity) }, lo: 0, hi: 1, periodHours: 24 })).toBe(Infinity);
    expect(k.compute({ data: { payback_months_median: f(30, NaN) }, lo: 0, hi: 1, periodHours: 24 })).toBe(30);
  });

  it('KPIs: annualized net inflation from the supply over the window', () => {
    const k = KPIS.find((x) => x.id === 'inflation')!;
    const supply = new Float64Array(366).map((_, i) => 1000 * 1.1 ** (i / 365));
    expect(k.compute({ data: { supply_tokens: supply }, lo: 0, hi: 365, periodHours: 24 })).toBeCloseTo(0.1, 6);
    const b = KPIS.find((x) => x.id === 'burn-mint')!;
    expect(b.compute({ data: { burned_tokens: f(1, 2), minted_tokens: f(3, 3) }, lo: 0, hi: 1, periodHours: 24 })).toBeCloseTo(0.5);
  });

  it('KPIs: burn-to-mint gives the leases\' burn-and-mint net burn as a share of their burn, and nothing without burn-and-mint', () => {
    const b = KPIS.find((x) => x.id === 'burn-mint')!;
    const t = { data: { burned_tokens: f(120, 80), minted_tokens: f(300, 300), bme_burned_tokens: f(100, 60), bme_minted_tokens: f(98, 58) }, lo: 0, hi: 1, periodHours: 24 };
    expect(b.detail!(t)).toBe("leases' net burn 2.5% of their burn");
    // without burn-and-mint's own burn, the ratio in words
    expect(b.detail!({ ...t, data: { ...t.data, bme_burned_tokens: f(0, 0), bme_minted_tokens: f(0, 0) } })).toBe('1 token burned per 3 minted: the supply grows');
    expect(b.detail!({ ...t, data: { burned_tokens: f(1, 1), minted_tokens: f(1, 1) } })).toBe('as many tokens burned as minted: the supply stays flat');
  });

  it('KPIs: burn-to-mint in words says how many tokens are minted per token burned, and which way the supply goes', () => {
    // the baseline's year: 0.00109
    expect(burnMintWords(0.00109)).toBe('1 token burned per 917 minted: the supply grows');
    expect(burnMintWords(1 / 12345)).toBe('1 token burned per 12,345 minted: the supply grows');
    expect(burnMintWords(0)).toBe('no tokens burned: the supply grows by all it mints');
    expect(burnMintWords(2.5)).toMatch(/^2\.5\d* tokens burned per token minted: the supply shrinks$/);
    // nothing minted: no ratio, no words
    expect(burnMintWords(NaN)).toBeNull();
    expect(burnMintWords(Infinity)).toBeNull();
  });

  it('a chart of a mechanism is drawn only for runs whose scenario has it: a list with items, or a group present', () => {
    const chart = (id: string) => CHARTS.find((c) => c.id === id)!;
    const baseline = parseScenario({});
    expect(usesMechanism(baseline, chart('incentive-programs'))).toBe(false);
    expect(usesMechanism(baseline, chart('escrow'))).toBe(false);
    expect(usesMechanism(baseline, chart('utilization'))).toBe(true);
    expect(usesMechanism(undefined, chart('escrow'))).toBe(false);
    expect(usesMechanism(parseScenario({ market: { escrow: {} } }), chart('escrow'))).toBe(true);
    expect(usesMechanism(baseline, chart('spot'))).toBe(false);
    expect(usesMechanism(parseScenario({ market: { spot: {} } }), chart('spot'))).toBe(true);
    expect(usesMechanism(baseline, chart('reserved'))).toBe(false);
    expect(usesMechanism(parseScenario({ market: { reserved: {} } }), chart('reserved'))).toBe(true);
    // the waits by kind of order: with spot leases or reservations, either will do
    expect(usesMechanism(baseline, chart('kindWaits'))).toBe(false);
    expect(usesMechanism(parseScenario({ market: { spot: {} } }), chart('kindWaits'))).toBe(true);
    expect(usesMechanism(parseScenario({ market: { reserved: {} } }), chart('kindWaits'))).toBe(true);
    expect(usesMechanism(parseScenario({ market: { spot: {}, reserved: {} } }), chart('kindWaits'))).toBe(true);
    expect(usesMechanism(parseScenario({ economy: { incentivePrograms: [] } }), chart('incentive-programs'))).toBe(false);
    expect(usesMechanism(parseScenario({ economy: { incentivePrograms: [{ startDay: 1, durationDays: 5, budgetUsd: 10, usdPerGpuHour: 0.1 }] } }), chart('incentive-programs'))).toBe(true);
    // the collateral ratio: for every burn-and-mint run whose settlements mint (the columns are filled), breaker or not
    expect(usesMechanism(baseline, chart('bmeBreaker'))).toBe(false);
    expect(usesMechanism(parseScenario({ economy: { payment: 'burnMint' } }), chart('bmeBreaker'))).toBe(true);
    expect(usesMechanism(parseScenario({ economy: { payment: 'burnMint', bmeBreaker: {} } }), chart('bmeBreaker'))).toBe(true);
    expect(usesMechanism(parseScenario({ economy: { payment: 'burnMint', bmeProviderPay: 'emissions' } }), chart('bmeBreaker'))).toBe(false);
    expect(usesMechanism(parseScenario({ economy: { payment: 'token' } }), chart('bmeBreaker'))).toBe(false);
    expect(usesMechanism(undefined, chart('bmeBreaker'))).toBe(false);
  });
});

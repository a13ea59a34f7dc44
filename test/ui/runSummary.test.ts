// The run in plain sentences: the cards' numbers, their reference points, and the changes against a baseline.
import { describe, expect, it } from 'vitest';
import { runSummary } from '../../src/ui/lib/runSummary.ts';
import type { WindowedTable } from '../../src/ui/lib/chartDefs/kpiDefs.ts';

const f = (...v: number[]) => new Float64Array(v);

function table(over: Record<string, Float64Array> = {}): WindowedTable {
  return {
    data: {
      day: f(1, 2),
      gpus_busy: f(60, 60),
      gpus_online: f(100, 100),
      gmv_usd: f(100, 100),
      gpu_hours_served: f(100, 100),
      cloud_price_usd_per_gpu_h: f(4, 4),
      fill_rate: f(0.9, 0.8),
      wait_mean_h: f(0.1, 0.1),
      wait_p95_h: f(0.5, 0.5),
      jobs_started: f(100, 100),
      leases_failed: f(10, 30),
      ...over,
    },
    lo: 0,
    hi: 1,
    periodHours: 24,
  };
}
const whole = { from: 0, to: 2, whole: true, done: true };
const text = (id: string, s: ReturnType<typeof runSummary>) => s.find((x) => x.id === id)?.text;

describe('the run in short', () => {
  it('who came and went, and why they left, in shares of the exits', () => {
    const s = runSummary(
      table({
        providers_exited: f(10, 30),
        providers_exited_churn: f(6, 10),
        providers_exited_losses: f(4, 5),
        providers_exited_rival: f(0, 15),
        providers_exited_banned: f(0, 0),
        providers_joined: f(3, 4),
        providers_active: f(1990, 1964),
      }),
      whole,
    );
    expect(text('population', s)).toBe("40 providers left (40.0% the usual churn, 22.5% losses, 37.5% a rival's offer) and 7 joined; 1,964 were in at the end.");
    // without the cause columns (a run from before them), only the counts
    expect(text('population', runSummary(table({ providers_exited: f(1, 2), providers_joined: f(0, 1), providers_active: f(5, 4) }), whole))).toBe('3 providers left and 1 joined; 4 were in at the end.');
  });

  it('says when the token market ran dry in the window, and nothing when it did not', () => {
    const dry = table({ day: f(1, 2, 3), token_buy_shortfall_tokens: f(0, 500, 20), gpus_busy: f(60, 60, 60), gpus_online: f(100, 100, 100) });
    expect(text('market', runSummary({ ...dry, hi: 2 }, { from: 0, to: 3, whole: true, done: true }))).toMatch(/^The token market ran out of tokens for sale on 2 of 3 days, first on day 2 \(token_buy_shortfall_tokens\): stake purchases got what was for sale/);
    // a window over day 1 only: the market had tokens then
    expect(text('market', runSummary({ ...dry, hi: 0 }, { from: 0, to: 1, whole: false, done: true }))).toBeUndefined();
    expect(text('market', runSummary(table({ token_buy_shortfall_tokens: f(0, 0) }), whole))).toBeUndefined();
  });

  it("says the cards' numbers as the cards print them, against the reference points", () => {
    const s = runSummary(table(), whole);
    expect(text('window', s)).toBe('Over the 2 days of the run:');
    expect(text('utilization', s)).toBe('GPUs were busy 60.0% of the hours they were online, within the 50–70% live networks report (Akash, 2024).');
    expect(text('tenants', s)).toBe('Tenants paid $1 per GPU-hour, 25% of what the cloud charges for the same GPUs ($4.00); 85.0% of orders found a GPU before their patience ran out; the mean wait for a match was 6 min.');
    // from 0.22.0 it says who waited at all: 5 of 100 orders each day, for 2 h (the mean 6 min over all)
    const waited = runSummary(table({ orders_matched: f(100, 100), orders_waited: f(5, 5), wait_mean_h_waited: f(2, 2) }), whole);
    expect(text('tenants', waited)).toBe('Tenants paid $1 per GPU-hour, 25% of what the cloud charges for the same GPUs ($4.00); 85.0% of orders found a GPU before their patience ran out; the mean wait for a match was 6 min (5.0% of the orders waited at all, 2.0 h on average).');
    expect(text('failures', s)).toBe('20.0% of leases failed (40 of 200 started): their provider stayed down past the outage grace or was caught cheating, and their remaining work was ordered again.');
    // a run without the economy columns says nothing about providers' earnings or the token
    expect(text('providers', s)).toBeUndefined();
    expect(text('token', s)).toBeUndefined();
    expect(text('utilization', runSummary(table({ gpus_busy: f(95, 95) }), whole))).toMatch(/near saturation/);
    expect(text('utilization', runSummary(table({ gpus_busy: f(20, 20) }), whole))).toMatch(/below the 50–70%.*idles/);
    expect(text('window', runSummary(table(), { from: 30, to: 90, whole: false, done: true }))).toBe('Over days 30–90 (the selected window):');
    expect(text('window', runSummary(table(), { ...whole, done: false }))).toBe('So far, over the first 2 days of the run:');
  });

  it("the providers' payback against 12 and 24 months, and the token's direction", () => {
    const eco = (payback: number, burned: number) =>
      table({ provider_revenue_usd: f(80, 80), provider_rewards_usd: f(20, 20), payback_months_median: f(payback, payback), supply_tokens: f(1000, 1000 * 1.1 ** (1 / 365)), minted_tokens: f(10, 10), burned_tokens: f(burned, burned) });
    const s = runSummary(eco(8, 2), whole);
    expect(text('providers', s)).toBe('Providers earned $1 per GPU-hour served, 20% of it from token emissions; the median provider pays back its hardware in 8 months (healthy: under 12).');
    expect(text('token', s)).toBe('The token supply grew 10.0% a year (annualized): 0.2 tokens were burned per token minted, so emissions outpace burns.');
    expect(text('providers', runSummary(eco(30, 2), whole))).toMatch(/in 30 months \(critical: above 24\)/);
    expect(text('providers', runSummary(eco(Infinity, 2), whole))).toMatch(/does not pay back its hardware at these earnings/);
    expect(text('token', runSummary(eco(8, 12), whole))).toMatch(/more tokens were burned than minted/);
    // the security budget over the window, when the run has stake
    expect(text('security', runSummary(table({ stake_value_usd: f(20e6, 4.5e6) }), whole))).toBe("The providers' stake, the network's security budget, was worth $4.5M at the end, down 77.5% from $20M at the start.");
    expect(text('security', s)).toBeUndefined();
  });

  it('what incentive programs paid and how they stopped: ran dry, ended with budget left, or still paying; nothing when they paid nothing', () => {
    const three = (over: Record<string, Float64Array>) => ({ ...table({ day: f(1, 2, 3), provider_revenue_usd: f(100, 100, 100), provider_rewards_usd: f(0, 0, 0), ...over }), hi: 2 });
    const dry = three({ incentive_paid_usd: f(50, 50, 0), incentive_budget_usd: f(50, 0, 0), incentive_runway_days: f(1, 0, NaN) });
    expect(text('incentives', runSummary(dry, whole))).toBe('Incentive programs paid providers $100 (25.0% of their income); their budget ran dry on day 2.');
    const ended = three({ incentive_paid_usd: f(50, 50, 0), incentive_budget_usd: f(950, 0, 0), incentive_runway_days: f(19, 18, NaN) });
    expect(text('incentives', runSummary(ended, whole))).toBe('Incentive programs paid providers $100 (25.0% of their income); they ended as scheduled on day 2 with 18 days of budget unspent.');
    const going = three({ incentive_paid_usd: f(50, 50, 50), incentive_budget_usd: f(950, 900, 850), incentive_runway_days: f(19, 18, 17) });
    expect(text('incentives', runSummary(going, whole))).toBe("Incentive programs paid providers $150 (33.3% of their income); still paying at the end, $850 left: 17 days at the day's spend.");
    expect(text('providers', runSummary(dry, whole))).toMatch(/^Providers earned \$[\d.]+ per GPU-hour served, 0% of it from token emissions, 25% from incentive programs/);
    expect(text('incentives', runSummary(three({ incentive_paid_usd: f(0, 0, 0), incentive_budget_usd: f(0, 0, 0), incentive_runway_days: f(NaN, NaN, NaN) }), whole))).toBeUndefined();
  });

  it("spot leases' share of the GPU-hours, their price against on-demand's (weighted by each day's hours) and the preemptions; nothing without", () => {
    const s = runSummary(
      table({ gpu_hours_served: f(100, 300), spot_gpu_hours_served: f(50, 50), spot_price_usd_per_gpu_h: f(0.4, 0.6), on_demand_price_usd_per_gpu_h: f(1, 0.8), leases_preempted: f(2, 5) }),
      whole,
    );
    // spot (50 x 0.4 + 50 x 0.6) / 100 = 0.5; on-demand (50 x 1 + 250 x 0.8) / 300 = 0.833
    expect(text('spot', s)).toBe('Spot leases ran 25.0% of the GPU-hours served at $0.5/GPU-h against $0.833/GPU-h on-demand; on-demand orders preempted 7 of them.');
    // with the waits by kind (0.14.0): the mean of the days' means, a day with no spot match left out
    const waits = runSummary(
      table({ gpu_hours_served: f(100, 300), spot_gpu_hours_served: f(50, 50), spot_price_usd_per_gpu_h: f(0.4, 0.6), on_demand_price_usd_per_gpu_h: f(1, 0.8), leases_preempted: f(2, 5), wait_mean_h_spot: f(0.03, NaN), wait_mean_h_on_demand: f(0.05, 0.07) }),
      whole,
    );
    expect(text('spot', waits)).toBe('Spot leases ran 25.0% of the GPU-hours served at $0.5/GPU-h against $0.833/GPU-h on-demand; on-demand orders preempted 7 of them. Spot orders waited 1.8 min for a match on a mean day, on-demand orders 3.6 min.');
    expect(text('spot', runSummary(table({ gpu_hours_served: f(100, 300), spot_gpu_hours_served: f(0, 0), spot_price_usd_per_gpu_h: f(NaN, NaN), on_demand_price_usd_per_gpu_h: f(1, 1), leases_preempted: f(0, 0) }), whole))).toBeUndefined();
    expect(text('spot', runSummary(table(), whole))).toBeUndefined();
  });

  it("reservations' share of the GPU-hours, their price against on-demand's (weighted by each day's on-demand hours), the jobs run inside them and the leases started; nothing without", () => {
    const cols = { gpu_hours_served: f(100, 300), reserved_gpu_hours_served: f(30, 90), reserved_price_usd_per_gpu_h: f(0.5, 0.7), on_demand_price_usd_per_gpu_h: f(1, 0.8), reservations_started: f(3, 1), jobs_taken_over: f(40, 60) };
    // reserved (30 x 0.5 + 90 x 0.7) / 120 = 0.65; on-demand (70 x 1 + 210 x 0.8) / 280 = 0.85
    expect(text('reserved', runSummary(table(cols), whole))).toBe("Reservations ran 30.0% of the GPU-hours served at $0.65/GPU-h against $0.85/GPU-h on-demand; 100 jobs ran inside their tenants' reservations instead of being ordered, and 4 reservation leases started (re-orders after provider failures included).");
    // with the waits by kind (0.14.0): reservation orders wait hours for always-on capacity
    expect(text('reserved', runSummary(table({ ...cols, wait_mean_h_reserved: f(2, 3), wait_mean_h_on_demand: f(0.25, 0.25) }), whole))).toMatch(/started \(re-orders after provider failures included\)\. Reservation orders waited 2\.5 h for a match on a mean day, on-demand orders 15 min\.$/);
    // with spot leases too, on-demand's hours are what neither took: (50 x 1 + 150 x 0.8) / 200 = 0.85 again, by construction
    const both = runSummary(table({ ...cols, spot_gpu_hours_served: f(20, 60), spot_price_usd_per_gpu_h: f(0.4, 0.4), leases_preempted: f(1, 1) }), whole);
    expect(text('reserved', both)).toMatch(/^Reservations ran 30\.0% of the GPU-hours served at \$0\.65\/GPU-h against \$0\.85\/GPU-h on-demand;/);
    expect(text('spot', both)).toMatch(/^Spot leases ran 20\.0% of the GPU-hours served at \$0\.4\/GPU-h against \$0\.85\/GPU-h on-demand;/);
    // reservations ran every GPU-hour: no on-demand price to set theirs against
    const all = table({ ...cols, gpu_hours_served: f(30, 90), on_demand_price_usd_per_gpu_h: f(NaN, NaN) });
    expect(text('reserved', runSummary(all, whole))).toMatch(/^Reservations ran 100\.0% of the GPU-hours served at \$0\.65\/GPU-h while no on-demand lease ran; /);
    expect(text('reserved', runSummary(table({ ...cols, reserved_gpu_hours_served: f(0, 0), reserved_price_usd_per_gpu_h: f(NaN, NaN), reservations_started: f(0, 0), jobs_taken_over: f(0, 0) }), whole))).toBeUndefined();
    expect(text('reserved', runSummary(table(), whole))).toBeUndefined();
  });

  it('leases closed for insufficient funds and the hours served unpaid, with escrow runways; nothing without', () => {
    const s = runSummary(table({ leases_overdrawn: f(3, 7), gpu_hours_unpaid: f(2.5, 4), unpaid_usd: f(1.25, 2) }), whole);
    expect(text('escrow', s)).toBe("10 leases were closed for insufficient funds, their tenants' escrow run dry without a top-up (5.0% as many as leases started); their providers served 6.50 GPU-h unpaid before noticing ($3.25).");
    expect(text('escrow', runSummary(table({ leases_overdrawn: f(0, 0), gpu_hours_unpaid: f(0, 0), unpaid_usd: f(0, 0) }), whole))).toBeUndefined();
    expect(text('escrow', runSummary(table(), whole))).toBeUndefined();
  });

  it('against a pinned baseline: the largest changes, better or worse in words, with the verdict seed by seed when there is one', () => {
    const base = { label: 'the pinned baseline (baseline, seed 1)', table: table({ gpus_busy: f(50, 50), leases_failed: f(30, 30) }), verdict: (id: string) => (id === 'utilization' ? 'clear' : null) };
    const s = runSummary(table(), whole, base);
    // the largest relative change first; KPIs that did not move are not listed
    expect(text('baseline', s)).toBe('Against the pinned baseline (baseline, seed 1): lease failures −10.0 pp (better), utilization +10.0 pp (better, clear seed by seed).');
    expect(text('baseline', runSummary(table(), whole, { ...base, table: table() }))).toBe('Against the pinned baseline (baseline, seed 1): no KPI moved by more than half a percent.');
  });
});

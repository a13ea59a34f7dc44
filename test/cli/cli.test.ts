// The CLI as researchers script it: outputs, provenance, reproducibility and exit codes.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// Each case spawns the CLI (a fresh Node with tsx): give them room on a loaded 2-core CI box.
vi.setConfig({ testTimeout: 120_000 });
import { BEGIN, END, columnsMarkdown, parametersMarkdown } from '../../src/cli/docs.ts';
import { PRESETS } from '../../src/sim/scenario/presets.ts';
import { VERSION } from '../../src/sim/version.ts';
import { formatWait } from '../../src/sim/metrics/kindWaits.ts';
import { runSeeds } from '../../src/sim/rng/runSeeds.ts';
import { jsonSchema } from '../../src/cli/infoCommands.ts';

const BIN = join(__dirname, '../../bin/depinsim.js');
const dir = mkdtempSync(join(tmpdir(), 'depinsim-cli-'));

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: dir });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A CSV the CLI wrote (in the test directory), as rows of name -> cell. */
function csvRows(f: string): Record<string, string>[] {
  const [head, ...rows] = readFileSync(join(dir, f), 'utf8').trim().split('\n');
  const names = head.split(',');
  return rows.map((l) => Object.fromEntries(l.split(',').map((v, i) => [names[i], v])));
}

/** The mean of a column's non-empty cells (days with no value left out), as the summary lines average waits. */
function meanOfDays(rows: Record<string, string>[], c: string): number {
  const v = rows.map((x) => x[c]).filter((x) => x !== '').map(Number);
  return v.reduce((a, b) => a + b, 0) / v.length;
}

/** The mean of column c over the orders: each day's value weighted by its count in column `per` (days without a value left out). */
function meanOverOrders(rows: Record<string, string>[], c: string, per: string): number {
  let s = 0;
  let n = 0;
  for (const x of rows) {
    if (x[c] === '') continue;
    s += Number(x[c]) * Number(x[per]);
    n += Number(x[per]);
  }
  return s / n;
}

/** Quantile p of sorted values by type 7 (R's quantile(), numpy.percentile), written out here apart from the core's. */
function type7(x: readonly number[], p: number): number {
  const h = (x.length - 1) * p;
  const lo = Math.floor(h);
  return lo + 1 < x.length ? x[lo] + (h - lo) * (x[lo + 1] - x[lo]) : x[lo];
}

const REQUIRED = [
  'day', 'gpus_total', 'gpus_online', 'gpus_busy', 'utilization', 'jobs_arrived', 'jobs_started', 'jobs_completed', 'jobs_expired',
  'leases_failed', 'queue_len_mean', 'wait_mean_h', 'wait_p95_h', 'fill_rate', 'gpu_hours_demanded', 'gpu_hours_served',
  'price_usd_per_gpu_h', 'gmv_usd', 'providers_active',
  ...['entry', 'low', 'medium', 'high', 'ultra'].flatMap((t) => [`utilization_${t}`, `price_usd_per_gpu_h_${t}`]),
];

describe('depinsim run', () => {
  it('writes the documented columns, one row per day, with a provenance sidecar', () => {
    const r = cli(['run', 'baseline', '--seed', '1', '--days', '20', '--scale', '0.2', '--out', 'a.csv', '--leases', 'l.csv', '--quiet']);
    expect(r.code, r.err).toBe(0);
    const lines = readFileSync(join(dir, 'a.csv'), 'utf8').trim().split('\n');
    const header = lines[0].split(',');
    for (const c of REQUIRED) expect(header).toContain(c);
    expect(lines.length).toBe(21);
    const meta = JSON.parse(readFileSync(join(dir, 'a.csv.meta.json'), 'utf8'));
    expect(meta).toMatchObject({ depinsim_version: VERSION, seed: 1, days: 20, scenario: 'baseline' });
    expect(meta.scenario_hash).toMatch(/^[0-9a-f]{16}$/);
    const leases = readFileSync(join(dir, 'l.csv'), 'utf8').trim().split('\n');
    expect(leases.length).toBeGreaterThan(100);
    expect(leases[0].startsWith('lease_id,job_id,attempt,job_class')).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'l.csv.meta.json'), 'utf8')).scenario_hash).toBe(meta.scenario_hash);
  });

  it("ends with a summary line on stderr whose utilization, price, fill rate, wait and failure share are the CSV's over the run", () => {
    const r = cli(['run', 'baseline', '--seed', '1', '--days', '8', '--scale', '0.2', '--out', 's.csv']);
    expect(r.code, r.err).toBe(0);
    const [head, ...rows] = readFileSync(join(dir, 's.csv'), 'utf8').trim().split('\n');
    const names = head.split(',');
    const total = (c: string) => rows.reduce((s, l) => s + Number(l.split(',')[names.indexOf(c)]), 0);
    const share = total('leases_failed') / total('jobs_started');
    expect(share).toBeGreaterThan(0);
    expect(r.err).toContain(`leases failed ${(100 * share).toFixed(1)}% of those started; wrote s.csv`);
    // busy / online GPU-hours and USD billed / GPU-hours served over the run, as the dashboard's cards (0.17.0)
    const util = total('gpus_busy') / total('gpus_online');
    const price = total('gmv_usd') / total('gpu_hours_served');
    const lastPrice = Number(rows[rows.length - 1].split(',')[names.indexOf('price_usd_per_gpu_h')]);
    // the fill rate and the mean wait over the orders: matched / (matched + expired), each day's wait weighted by its orders matched
    const matched = total('orders_matched');
    const fill = matched / (matched + total('jobs_expired'));
    const cell = (l: string, c: string) => Number(l.split(',')[names.indexOf(c)]);
    const waitH = rows.reduce((s, l) => (cell(l, 'orders_matched') > 0 ? s + cell(l, 'wait_mean_h') * cell(l, 'orders_matched') : s), 0) / matched;
    // and who waited at all (0.22.0): the orders that waited of those matched, and their own mean wait
    const waited = total('orders_waited');
    const waitedPct = ((100 * waited) / matched).toFixed(1);
    const waitedH = rows.reduce((s, l) => (cell(l, 'orders_waited') > 0 ? s + cell(l, 'wait_mean_h_waited') * cell(l, 'orders_waited') : s), 0) / waited;
    expect(waited).toBeGreaterThan(0);
    expect(r.err).toContain(`utilization ${(100 * util).toFixed(1)}% of online GPU-hours, price $${price.toFixed(2)}/GPU-h over the run (last day $${lastPrice.toFixed(2)}/GPU-h), ${(100 * fill).toFixed(1)}% of orders matched before their patience ran out, mean wait ${formatWait(waitH)} (${waitedPct}% of them waited, ${formatWait(waitedH)} on average), leases failed`);
    // the model's checks close the summary, Little's law's order-hours those of the CSV's queue_len_mean over the 8 days
    const queueH = (total('queue_len_mean') * 24).toLocaleString('en-US', { maximumFractionDigits: 1 });
    const last = r.err.trim().split('\n').at(-1)!;
    // ... and the GPU-hours served and GMV those of its gpu_hours_served and gmv_usd columns (0.19.0)
    const servedH = total('gpu_hours_served').toLocaleString('en-US', { maximumFractionDigits: 0 });
    const gmvUsd = total('gmv_usd').toLocaleString('en-US', { maximumFractionDigits: 2 });
    const [, escrowUsd] = last.match(/; escrow held for the live leases \(([\d,.]+) USD, exact\)/)!;
    expect(Number(escrowUsd.replace(/,/g, ''))).toBeGreaterThan(0);
    // every order (0.20.0): at least the new jobs' orders the CSV counts (re-orders and the jobs running at day 0 come on top)
    const [, ordersN] = last.match(/; every order accounted for \(([\d,]+) orders, each ended once or live\)/)!;
    expect(Number(ordersN.replace(/,/g, ''))).toBeGreaterThanOrEqual(total('jobs_arrived'));
    expect(last).toBe(
      `depinsim: model checks: all 8 hold: Little's law on the order queue (${queueH} order-hours both ways); every order accounted for (${ordersN} orders, each ended once or live); GPU-hours served in metrics and leases alike (${servedH} GPU-h both ways); ` +
        `GMV in metrics and leases alike ($${gmvUsd} both ways); ` +
        `busy GPUs within online GPUs (all 8 periods); escrow held for the live leases (${escrowUsd} USD, exact); token supply (exact); double-entry ledger (${last.match(/\(([\d,]+) entries balanced/)![1]} entries balanced)`,
    );
    // --quiet: no summary, so no checks either (they are said only when one breaks)
    expect(cli(['run', 'baseline', '--seed', '1', '--days', '2', '--scale', '0.1', '--out', 'sq.csv', '--quiet']).err).toBe('');
  });

  it('gives identical bytes for the same seed and other numbers for another seed', () => {
    for (const [f, seed] of [['s1.csv', '3'], ['s2.csv', '3'], ['s3.csv', '4']]) {
      expect(cli(['run', 'baseline', '--seed', seed, '--days', '10', '--scale', '0.1', '--out', f, '--quiet']).code).toBe(0);
    }
    const [a, b, c] = ['s1.csv', 's2.csv', 's3.csv'].map((f) => readFileSync(join(dir, f), 'utf8'));
    expect(b).toBe(a);
    expect(c).not.toBe(a);
  });

  it('applies --set overrides, which change the hash', () => {
    cli(['run', 'baseline', '--days', '5', '--scale', '0.1', '--out', 'x.csv', '--quiet']);
    cli(['run', 'baseline', '--days', '5', '--scale', '0.1', '--set', 'market.matcher=auction', '--out', 'y.csv', '--quiet']);
    const hx = JSON.parse(readFileSync(join(dir, 'x.csv.meta.json'), 'utf8'));
    const hy = JSON.parse(readFileSync(join(dir, 'y.csv.meta.json'), 'utf8'));
    expect(hy.scenario_resolved.market.matcher).toBe('auction');
    expect(hy.scenario_hash).not.toBe(hx.scenario_hash);
  });

  it('an M/M/c scenario prints queueing theory beside the run; any other does not', () => {
    const r = cli(['run', 'mmc', '--days', '5', '--out', 'mmc.csv']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/this scenario is an M\/M\/c queue \(c = 100, lambda = 90\/h, 1\/mu = 1 h\): theory utilization 90\.0%, mean wait 0\.0217 h \(Erlang C\); simulated over days 2-5 \d+\.\d% and [\d.]+ h/);
    expect(cli(['run', 'mmc', '--days', '5', '--set', 'demand.diurnalAmplitude=0.2', '--out', 'mmc2.csv']).err).not.toMatch(/M\/M\/c/);
  });

  it('a run with an incentive program says what it paid and how it stopped, matching its CSV; a run without one says nothing of it', () => {
    const prog = (budget: number) => `economy.incentivePrograms=[{"startDay":2,"durationDays":4,"budgetUsd":${budget},"usdPerGpuHour":0.3,"minVramGb":40}]`;
    // budgets are at scale 1: $200k x 0.05 = $10k, two days or so of its pay at this size
    const dry = cli(['run', 'baseline', '--days', '8', '--scale', '0.05', '--set', prog(200_000), '--out', 'inc.csv']);
    expect(dry.code).toBe(0);
    const rows = csvRows('inc.csv');
    const paid = rows.reduce((s, r) => s + Number(r.incentive_paid_usd), 0);
    const last = rows.filter((r) => Number(r.incentive_paid_usd) > 0).at(-1)!.day;
    expect(paid).toBeCloseTo(10_000, 1);
    expect(dry.err).toContain(`depinsim: incentive programs paid $10.0 k (`);
    expect(dry.err).toContain(`; the budget ran dry on day ${last} (incentive_paid_usd, incentive_runway_days)`);
    const ended = cli(['run', 'baseline', '--days', '8', '--scale', '0.05', '--set', prog(1e7), '--out', 'inc2.csv']);
    expect(ended.err).toMatch(/; they ended as scheduled on day 6, \d+ days of budget unspent/);
    expect(cli(['run', 'baseline', '--days', '3', '--scale', '0.05', '--out', 'plain.csv']).err).not.toContain('incentive');
  });

  it('a run with escrow runways says how many leases closed for insufficient funds and what was served unpaid, matching its CSV; a run without them says nothing of it', () => {
    const r = cli(['run', 'baseline', '--days', '10', '--scale', '0.05', '--set', 'market.escrow={"runwayDays":1,"topUpProbability":0.5}', '--out', 'esc.csv']);
    expect(r.code).toBe(0);
    const rows = csvRows('esc.csv');
    const closed = rows.reduce((s, x) => s + Number(x.leases_overdrawn), 0);
    const hours = rows.reduce((s, x) => s + Number(x.gpu_hours_unpaid), 0);
    expect(closed).toBeGreaterThan(0);
    expect(r.err).toContain(`depinsim: ${closed} leases closed for insufficient funds (`);
    expect(r.err).toContain(`; providers served ${hours.toFixed(1)} GPU-hours unpaid, $`);
    expect(cli(['run', 'baseline', '--days', '3', '--scale', '0.05', '--out', 'plain2.csv']).err).not.toContain('insufficient funds');
  });

  it('a run with spot leases says their share of the GPU-hours, their price against on-demand and the preemptions, matching its CSV; a run without them says nothing of it', () => {
    const r = cli(['run', 'spot_market', '--days', '10', '--scale', '0.05', '--set', 'demand.baseRateJobsPerHour=200', '--out', 'spot.csv', '--leases', 'spot_leases.csv']);
    expect(r.code).toBe(0);
    const rows = csvRows('spot.csv');
    const total = (c: string) => rows.reduce((s, x) => s + (x[c] === '' ? 0 : Number(x[c])), 0);
    const preempted = total('leases_preempted');
    expect(preempted).toBeGreaterThan(0);
    const share = ((total('spot_gpu_hours_served') / total('gpu_hours_served')) * 100).toFixed(1);
    expect(r.err).toMatch(new RegExp(`depinsim: spot leases ran ${share.replace('.', '\\.')}% of the GPU-hours served at \\$0\\.\\d\\d/GPU-h against \\$\\d\\.\\d\\d/GPU-h on-demand; ${preempted} preempted by on-demand orders`));
    // how long each kind of order waited: the mean of the days' means in the CSV
    expect(r.err).toContain(`; spot orders waited ${formatWait(meanOverOrders(rows, 'wait_mean_h_spot', 'orders_matched_spot'))} for a match, on-demand orders ${formatWait(meanOverOrders(rows, 'wait_mean_h_on_demand', 'orders_matched_on_demand'))} (`);
    // the lease export marks spot leases and the preempted ones
    const leases = csvRows('spot_leases.csv');
    expect(leases.filter((l) => l.outcome === 'preempted').every((l) => l.spot === '1' && l.end_reason === 'preempted')).toBe(true);
    expect(leases.filter((l) => l.outcome === 'preempted').length).toBe(preempted);
    expect(new Set(leases.map((l) => l.spot))).toEqual(new Set(['0', '1']));
    expect(cli(['run', 'baseline', '--days', '3', '--scale', '0.05', '--out', 'plain3.csv']).err).not.toContain('spot');
  });

  it('a run with reservations says their share of the GPU-hours, their price against on-demand and the jobs they took over, matching its CSV; a run without them says nothing of it', () => {
    const r = cli(['run', 'reserved_instances', '--days', '10', '--scale', '0.05', '--out', 'res.csv', '--leases', 'res_leases.csv']);
    expect(r.code).toBe(0);
    const rows = csvRows('res.csv');
    const total = (c: string) => rows.reduce((s, x) => s + (x[c] === '' ? 0 : Number(x[c])), 0);
    const share = ((total('reserved_gpu_hours_served') / total('gpu_hours_served')) * 100).toFixed(1);
    const taken = total('jobs_taken_over');
    expect(taken).toBeGreaterThan(0);
    expect(r.err).toMatch(
      new RegExp(`depinsim: reservations ran ${share.replace('.', '\\.')}% of the GPU-hours served at \\$0\\.\\d\\d/GPU-h against \\$\\d\\.\\d\\d/GPU-h on-demand; ${total('reservations_started')} reservation leases started, re-orders after failures included, and ${taken} jobs ran inside their tenants' reservations`),
    );
    expect(r.err).toContain(`; reservation orders waited ${formatWait(meanOverOrders(rows, 'wait_mean_h_reserved', 'orders_matched_reserved'))} for a match, on-demand orders ${formatWait(meanOverOrders(rows, 'wait_mean_h_on_demand', 'orders_matched_on_demand'))} (`);
    // reservation orders wait far longer than on-demand ones (up to a day for always-on capacity)
    expect(meanOfDays(rows, 'wait_mean_h_reserved')).toBeGreaterThan(5 * meanOfDays(rows, 'wait_mean_h_on_demand'));
    // the lease export marks the reservations
    const leases = csvRows('res_leases.csv');
    expect(new Set(leases.map((l) => l.reserved))).toEqual(new Set(['0', '1']));
    expect(leases.filter((l) => l.reserved === '1').every((l) => l.spot === '0')).toBe(true);
    expect(cli(['run', 'baseline', '--days', '3', '--scale', '0.05', '--out', 'plain4.csv']).err).not.toContain('reservation');
  });

  it('with exponential patience (erlang_a) it prints Erlang A: utilization, fill rate and the wait of the orders matched', () => {
    const r = cli(['run', 'erlang_a', '--days', '5', '--out', 'ea.csv']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(
      /this scenario is an M\/M\/c\+M queue \(c = 100, lambda = 120\/h, 1\/mu = 1 h, mean patience 0\.5 h\): theory utilization 99\.6%, fill rate 83\.0%, mean wait 0\.0890 h of orders matched \(Erlang A\); simulated over days 2-5 \d+\.\d%, (\d+\.\d)% and [\d.]+ h/,
    );
    const fill = Number(/, (\d+\.\d)% and/.exec(r.err)![1]);
    expect(Math.abs(fill - 83)).toBeLessThan(2); // 4 days of 2,880 orders each: well within 2 points
  });

  it('a token market that runs dry is a valid run with a warning (also with --quiet), not a ledger error', () => {
    const r = cli(['run', 'baseline', '--scale', '0.02', '--days', '3', '--set', 'economy.token.initialSupply=0', '--out', 'dry.csv', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^depinsim: warning: The token market ran out of tokens for sale on 3 of 3 days, first on day 1 \(token_buy_shortfall_tokens\)/);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    const rows = csvRows('dry.csv');
    expect(rows.map((x) => Number(x.token_buy_shortfall_tokens) > 0)).toEqual([true, true, true]);
    // a market that can supply the stake: no warning
    const ok = cli(['run', 'baseline', '--scale', '0.02', '--days', '3', '--out', 'deep.csv', '--quiet']);
    expect(ok.err).toBe('');
  });
});

describe('depinsim validate and a control run', () => {
  it("checks the scenario's control as well: its hash when valid, its mistyped path named when not", () => {
    const ok = cli(['validate', 'token_pump']);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/^ok: token_pump is a valid scenario \('token_pump', hash [0-9a-f]{16}\); its control 'without the pump' too \(hash [0-9a-f]{16}\)\n$/);
    const f = join(dir, 'bad-control.json');
    writeFileSync(f, JSON.stringify({ name: 'c', control: { name: 'no pump', set: { 'economy.price.shokcs': [] } } }));
    const bad = cli(['validate', f]);
    expect(bad.code).toBe(2);
    expect(bad.err.trim().split('\n')).toHaveLength(1);
    expect(bad.err).toMatch(/bad-control\.json: control\.set \(no pump\): economy\.price\.shokcs: unknown field/);
  });

  it('takes --days and --scale as run does, so its hash is the run\'s; a flag it does not use is refused, not ignored', () => {
    const sized = cli(['validate', 'baseline', '--days', '30', '--scale', '0.5']);
    expect(sized.code).toBe(0);
    const viaSet = cli(['validate', 'baseline', '--set', 'horizonDays=30', '--set', 'scale=0.5']);
    expect(sized.out).toBe(viaSet.out);
    expect(sized.out).not.toBe(cli(['validate', 'baseline']).out);
    expect(cli(['validate', 'baseline', '--scale', '0']).err).toMatch(/--scale: expected a number in \[0\.01, 200\]/);
    // before 0.19.1 these were ignored: validate --scale 150 printed the hash at scale 1
    for (const [args, err] of [
      [['validate', 'baseline', '--seed', '3'], "depinsim: 'validate' does not use --seed; it takes --set, --days, --scale, --sweep, --cross, --sample, --quiet\n"],
      [['validate', 'baseline', '--out', 'v.csv', '--leases', 'l.csv'], "depinsim: 'validate' does not use --out, --leases; it takes --set, --days, --scale, --sweep, --cross, --sample, --quiet\n"],
      [['scenarios', '--days', '3'], "depinsim: 'scenarios' does not use --days; it takes none\n"],
      [['schema', '--seed', '2'], "depinsim: 'schema' does not use --seed; it takes --out\n"],
    ] as const) {
      const r = cli([...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toBe(err);
      expect(r.out).toBe('');
    }
    // --quiet: the exit code is the verdict, problems still said
    const quiet = cli(['validate', 'baseline', '--scale', '150', '--quiet']);
    expect([quiet.code, quiet.out, quiet.err]).toEqual([0, '', '']);
    const bad = cli(['validate', 'baseline', '--set', 'horizonDays=0', '--quiet']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/horizonDays: expected value >= 1, got 0/);
  });

  it('says when a valid scenario is too large for the dashboard, which refuses it, and still exits 0', () => {
    const big = cli(['validate', 'baseline', '--set', 'scale=150']);
    expect(big.code).toBe(0);
    expect(big.out.split('\n')[1]).toBe('note: the dashboard refuses it: its network of 300,000 providers is more than the 250,000 a browser tab holds; run it with depinsim run');
    expect(cli(['validate', 'baseline', '--set', 'scale=100']).out).not.toContain('note:');
  });
});

describe('bad input: one line naming the field, exit code 2, no stack trace', () => {
  const cases: [string, string, RegExp][] = [
    ['unknown field', '{"horizonDayz": 3}', /horizonDayz: unknown field/],
    ['wrong type', '{"horizonDays": "long"}', /horizonDays: expected number, got "long"/],
    ['out of range', '{"demand": {"classes": {"inference": {"share": 3}}}}', /demand\.classes\.inference\.share: expected value <= 1, got 3/],
    ['malformed JSON', '{"horizonDays": 3,}', /malformed JSON at line 1, column 19/],
    ['bad enum', '{"market": {"matcher": "cheapo"}}', /market\.matcher: expected one of .*got "cheapo"/],
  ];
  for (const [name, text, re] of cases) {
    it(name, () => {
      const f = join(dir, `${name.replace(/ /g, '_')}.json`);
      writeFileSync(f, text);
      for (const cmd of ['validate', 'run']) {
        const r = cli([cmd, f]);
        expect(r.code).toBe(2);
        expect(r.err).toMatch(re);
        expect(r.err.trim().split('\n')).toHaveLength(1);
        expect(r.err).not.toMatch(/\n\s+at /);
      }
    });
  }
  it('unknown preset, bad seed, unknown option, misspelled --set path', () => {
    expect(cli(['run', 'nope']).err).toMatch(/no scenario file or preset named 'nope'/);
    expect(cli(['run', 'baseline', '--seed', 'x']).code).toBe(2);
    // a misspelled option or preset names the one it most likely meant, and the usage follows
    const sed = cli(['run', 'baseline', '--sed', '1']);
    expect(sed.code).toBe(2);
    expect(sed.err).toMatch(/^depinsim: unknown option '--sed' \(did you mean --seed or --set\?\)\nusage:/);
    expect(cli(['run', 'baseline', '--seeed', '1']).err).toMatch(/^depinsim: unknown option '--seeed' \(did you mean --seed\?\)/);
    expect(cli(['run', 'baseline', '--vary', '1']).err).toMatch(/^depinsim: unknown option '--vary'\nusage:/);
    expect(cli(['run', 'token-pump']).err).toMatch(/no scenario file or preset named 'token-pump' \(did you mean token_pump\? presets: baseline, /);
    expect(cli(['run', 'scenarios/baselin.json']).err).toMatch(/\(did you mean baseline\? presets:/);
    expect(cli(['run', 'nope']).err).not.toMatch(/did you mean/);
    // a negative number after an option is its value, refused by the option's own check (not "ambiguous")
    for (const [opt, v, msg] of [
      ['--seed', '-1', /--seed: expected an integer in \[0, 4294967295\], got '-1'/],
      ['--days', '-5', /--days: expected an integer in \[1, 3650\], got '-5'/],
      ['--scale', '-.5', /--scale: expected a number in \[0\.01, 200\] \(times the scenario's providers and demand\), got '-\.5'/],
    ] as const) {
      const neg = cli(['run', 'baseline', opt, v]);
      expect(neg.code).toBe(2);
      expect(neg.err).toMatch(msg);
      expect(neg.err).not.toMatch(/ambiguous/);
    }
    // a scale outside the schema's range is the flag's own error, not a --set's
    for (const v of ['0.001', '201', 'abc']) {
      const bad = cli(['run', 'baseline', '--scale', v]);
      expect(bad.code).toBe(2);
      expect(bad.err.trim()).toBe(`depinsim: --scale: expected a number in [0.01, 200] (times the scenario's providers and demand), got '${v}'`);
    }
    const r = cli(['run', 'baseline', '--set', 'demand.baseRate=3']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/demand\.baseRate: unknown field \(given 3\); did you mean demand\.baseRateJobsPerHour\?/);
    // a path through a prototype: one line naming it, not a run with a polluted Object.prototype
    const p = cli(['run', 'baseline', '--set', '__proto__.polluted=1', '--days', '1']);
    expect(p.code).toBe(2);
    expect(p.err.trim().split('\n')).toHaveLength(1);
    expect(p.err).toMatch(/__proto__\.polluted: is not a scenario field/);
  });

  it('an output that cannot be written is refused before the run (nothing else is written), and a failed write names the file', () => {
    // a 10-year run would take minutes: refused at once, before the lease file is even opened
    const early = cli(['run', 'baseline', '--days', '3650', '--out', 'no/such/dir/a.csv', '--leases', 'early-leases.csv']);
    expect(early.code).toBe(2);
    expect(early.err.trim()).toBe(`depinsim: --out: cannot write no/such/dir/a.csv: no such directory ${join(dir, 'no/such/dir')}`);
    expect(early.err).not.toMatch(/day \d+/); // no progress line: the run never started
    expect(readdirSync(dir)).not.toContain('early-leases.csv');
    const isDir = cli(['run', 'baseline', '--days', '3650', '--providers', '.']);
    expect(isDir.code).toBe(2);
    expect(isDir.err).toMatch(/--providers: cannot write \.: it is a directory/);
    // two outputs in one file: one would overwrite the other at the end
    const same = cli(['run', 'baseline', '--days', '3650', '--out', 'same.csv', '--leases', './same.csv']);
    expect(same.code).toBe(2);
    expect(same.err).toMatch(/--out and --leases name the same file/);
    // a write that fails at the end (a full disk) names the file, with the bad-input code, no stack trace
    const full = cli(['run', 'baseline', '--days', '2', '--scale', '0.1', '--leases', '/dev/full', '--quiet']);
    expect(full.code).toBe(2);
    expect(full.err.trim()).toMatch(/^depinsim: cannot write \/dev\/full: ENOSPC/);
    expect(full.err).not.toMatch(/\n\s+at /);
  });
});

describe('depinsim run, interrupted', () => {
  it('Ctrl-C stops a run with exit 130 and leaves the files already at its output paths as they were', async () => {
    const before = cli(['run', 'baseline', '--days', '10', '--scale', '0.1', '--out', 'keep.csv', '--leases', 'keep-leases.csv', '--quiet']);
    expect(before.code).toBe(0);
    const names = ['keep.csv', 'keep.csv.meta.json', 'keep-leases.csv', 'keep-leases.csv.meta.json'];
    const saved = names.map((n) => readFileSync(join(dir, n)));
    // the same paths for a 10-year run, stopped once it reports progress (the lease file is being written)
    const child = spawn(process.execPath, [BIN, 'run', 'baseline', '--days', '3650', '--out', 'keep.csv', '--leases', 'keep-leases.csv'], { cwd: dir });
    let err = '';
    let partialSeen = false;
    child.stderr.on('data', (b: Buffer) => {
      err += b.toString();
      if (/day \d+\/3650/.test(err) && !child.killed) {
        partialSeen = existsSync(join(dir, 'keep-leases.csv.partial'));
        child.kill('SIGINT');
      }
    });
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(code).toBe(130);
    expect(err).toMatch(/depinsim: SIGINT at day \d+\/3650: nothing written/);
    // the progress line says how far, how fast and how long is left
    expect(err).toMatch(/depinsim: day \d+\/3650 \(\d+%\), [\d.]+ M events, [\d.]+ s, about \d+(\.\d)? (s|min|h) left\n/);
    expect(partialSeen).toBe(true); // it was writing beside the old file, not over it
    names.forEach((n, i) => expect(readFileSync(join(dir, n)).equals(saved[i]), n).toBe(true));
    expect(readdirSync(dir).filter((n) => n.includes('partial'))).toEqual([]);
  });

  it('a day of millions of events reports its progress and answers Ctrl-C before it ends (slices are cut at an event budget)', async () => {
    // a million jobs an hour: its first day is about 9 M events, over a minute; a slice of a whole day
    // gave no progress line and ignored Ctrl-C until the day was over
    const child = spawn(process.execPath, [BIN, 'run', 'baseline', '--days', '1', '--scale', '0.2', '--set', 'demand.baseRateJobsPerHour=1000000', '--set', 'demand.warmStart=false', '--out', 'storm.csv'], { cwd: dir });
    let err = '';
    child.stderr.on('data', (b: Buffer) => {
      err += b.toString();
      if (/depinsim: day 0\/1 \(\d+%\), [\d.]+ M events/.test(err) && !child.killed) child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(code).toBe(130);
    expect(err).toMatch(/depinsim: SIGINT at day 0\/1: nothing written/);
    expect(existsSync(join(dir, 'storm.csv'))).toBe(false);
  }, 60_000);
});

describe('depinsim run --seeds (replications)', () => {
  it('writes one CSV with a seed column, each seed exactly as --seed N writes it, and means with 95% intervals', () => {
    const r = cli(['run', 'baseline', '--seeds', '1-3', '--days', '10', '--scale', '0.2', '--out', 'rep.csv']);
    expect(r.code, r.err).toBe(0);
    const lines = readFileSync(join(dir, 'rep.csv'), 'utf8').trim().split('\n');
    expect(lines.length).toBe(1 + 3 * 10);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['1', '2', '3'].flatMap((s) => Array(10).fill(s)));
    expect(cli(['run', 'baseline', '--seed', '2', '--days', '10', '--scale', '0.2', '--out', 'one.csv', '--quiet']).code).toBe(0);
    const one = readFileSync(join(dir, 'one.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe(`seed,${one[0]}`);
    expect(lines.slice(11, 21)).toEqual(one.slice(1).map((l) => `2,${l}`));
    const meta = JSON.parse(readFileSync(join(dir, 'rep.csv.meta.json'), 'utf8'));
    expect(meta).toMatchObject({ seeds: [1, 2, 3], days: 10, scenario: 'baseline' });
    expect(meta.scenario_hash).toBe(JSON.parse(readFileSync(join(dir, 'one.csv.meta.json'), 'utf8')).scenario_hash);
    expect(meta.columns[0].name).toBe('seed');
    // the summary table for scripts: the same figures, and each seed's
    const util = meta.summary.find((x: { figure: string }) => x.figure === 'utilization');
    expect(util).toMatchObject({ across: 'mean', n: 3 });
    expect(r.err).toContain(`${(100 * util.value).toFixed(1)}% ± ${(50 * (util.ci95_high - util.ci95_low)).toFixed(1)}%`);
    expect(meta.summary.find((x: { figure: string }) => x.figure === 'payback_months')).toMatchObject({ across: 'median', n: 3 });
    expect(meta.run_figures.map((x: { seed: number }) => x.seed)).toEqual([1, 2, 3]);
    expect(r.err).toMatch(/baseline, 3 runs \(seeds 1-3\), 10 days, hash [0-9a-f]{16}: [\d.]+ M events in [\d.]+ s on \d threads?; model checks: all 8 hold on each run; wrote rep\.csv/);
    expect(r.err).toMatch(/across seeds \(n = 3\): mean ± half-width of the 95% confidence interval \(Student's t\)/);
    expect(r.err).toMatch(/utilization \(busy \/ online GPU-hours, whole run\)\s+\d+\.\d% ± \d+\.\d%/);
  });

  it('--bands: per day, each column\'s mean and percentiles across the seeds, as computed from the long CSV', () => {
    const r = cli(['run', 'baseline', '--seeds', '1-5', '--days', '4', '--scale', '0.1', '--out', 'b-all.csv', '--bands', 'b-bands.csv']);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/wrote b-all\.csv, b-bands\.csv \(bands\) \(each with \.meta\.json\)/);
    const parse = (f: string) => {
      const [head, ...rows] = readFileSync(join(dir, f), 'utf8').trim().split('\n');
      const names = head.split(',');
      return rows.map((l) => Object.fromEntries(l.split(',').map((v, i) => [names[i], v])));
    };
    const all = parse('b-all.csv');
    const bands = parse('b-bands.csv');
    expect(bands.map((b) => b.day)).toEqual(['1', '2', '3', '4']);
    for (const col of ['utilization', 'price_usd_per_gpu_h', 'jobs_arrived', 'token_price_usd']) {
      for (const b of bands) {
        const x = all.filter((a) => a.day === b.day).map((a) => Number(a[col])).sort((p, q) => p - q);
        expect(x.length).toBe(5);
        // type 7 with 5 values: p10 at 0.4 between the first two, p90 at 0.6 between the last two
        const near = (got: string, want: number) => expect(Math.abs(Number(got) - want), `${col} day ${b.day}`).toBeLessThanOrEqual(Math.abs(want) * 1e-6 + 1e-9);
        near(b[`${col}_mean`], x.reduce((s, v) => s + v, 0) / 5);
        near(b[`${col}_p10`], x[0] + 0.4 * (x[1] - x[0]));
        near(b[`${col}_p50`], x[2]);
        near(b[`${col}_p90`], x[3] + 0.6 * (x[4] - x[3]));
      }
    }
    const meta = JSON.parse(readFileSync(join(dir, 'b-bands.csv.meta.json'), 'utf8'));
    expect(meta).toMatchObject({ seeds: [1, 2, 3, 4, 5], scenario: 'baseline', band_level: 80 });
    expect(meta.columns[0].name).toBe('day');
  });

  it('--band-level 90: each column\'s 5th and 95th percentiles across the seeds (p5, p95) in place of p10 and p90', () => {
    const r = cli(['run', 'baseline', '--seeds', '1-5', '--days', '3', '--scale', '0.1', '--out', 'bl90-all.csv', '--bands', 'bl90.csv', '--band-level', '90', '--quiet']);
    expect(r.code, r.err).toBe(0);
    const header = readFileSync(join(dir, 'bl90.csv'), 'utf8').split('\n')[0].split(',');
    expect(header.slice(0, 5)).toEqual(['day', 'gpus_total_mean', 'gpus_total_p5', 'gpus_total_p50', 'gpus_total_p95']);
    expect(header.filter((h) => /_p10$|_p90$/.test(h))).toEqual([]);
    const all = csvRows('bl90-all.csv');
    const bands = csvRows('bl90.csv');
    expect(bands.map((b) => b.day)).toEqual(['1', '2', '3']);
    let spread = 0;
    for (const col of ['utilization', 'price_usd_per_gpu_h', 'jobs_arrived']) {
      for (const b of bands) {
        const x = all.filter((a) => a.day === b.day).map((a) => Number(a[col])).sort((p, q) => p - q);
        expect(x.length).toBe(5);
        if (x[4] > x[0]) spread++;
        const near = (got: string, want: number) => expect(Math.abs(Number(got) - want), `${col} day ${b.day}`).toBeLessThanOrEqual(Math.abs(want) * 1e-6 + 1e-9);
        // type 7 with 5 values: p5 at 0.2 between the first two, p95 at 0.8 between the last two
        near(b[`${col}_p5`], type7(x, 0.05));
        near(b[`${col}_p5`], x[0] + 0.2 * (x[1] - x[0]));
        near(b[`${col}_p50`], x[2]);
        near(b[`${col}_p95`], type7(x, 0.95));
        near(b[`${col}_mean`], x.reduce((s, v) => s + v, 0) / 5);
      }
    }
    expect(spread).toBeGreaterThan(0); // the seeds differ somewhere, so the check has teeth
    const meta = JSON.parse(readFileSync(join(dir, 'bl90.csv.meta.json'), 'utf8'));
    expect(meta.band_level).toBe(90);
    expect(meta.columns.find((c: { name: string }) => c.name === 'utilization_p95').description).toMatch(/^95th percentile across seeds of utilization: /);
  });

  it('--band-level takes 50, 80, 90 or 95 and needs --bands: one line on stderr, exit 2, nothing written', () => {
    const level = "depinsim: --band-level: expected one of 50, 80, 90, 95 (% of runs inside the band), got '85'\n";
    const needs = 'depinsim: --band-level sets the share of runs inside the bands of --bands: it needs --bands (e.g. --runs 20 --bands bands.csv --band-level 90)\n';
    for (const [args, msg] of [
      [['--seeds', '1-3', '--bands', 'bl-bad.csv', '--band-level', '85'], level],
      [['--sweep', 'market.matcher=spheron,auction', '--seeds', '1-2', '--bands', 'bl-bad.csv', '--band-level', '85'], level],
      [['--seeds', '1-3', '--out', 'bl-bad.csv', '--band-level', '90'], needs],
      [['--sweep', 'market.matcher=spheron,auction', '--seeds', '1-2', '--band-level', '95'], needs],
    ] as const) {
      const r = cli(['run', 'baseline', '--days', '2', '--scale', '0.1', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toBe(msg);
      expect(existsSync(join(dir, 'bl-bad.csv'))).toBe(false);
    }
  });

  it('--seed S --runs N: seed S and N - 1 seeds derived from it, the same runs as --seeds listing them; the next seed shares none', () => {
    const batch = runSeeds(42, 3);
    const r = cli(['run', 'baseline', '--seed', '42', '--runs', '3', '--days', '3', '--scale', '0.1', '--out', 'runs42.csv']);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/baseline, 3 runs \(seed 42 and the 2 derived from it\), 3 days/);
    expect(JSON.parse(readFileSync(join(dir, 'runs42.csv.meta.json'), 'utf8')).seeds).toEqual(batch);
    const listed = cli(['run', 'baseline', '--seeds', batch.join(','), '--days', '3', '--scale', '0.1', '--out', 'listed42.csv', '--quiet']);
    expect(listed.code, listed.err).toBe(0);
    expect(readFileSync(join(dir, 'runs42.csv'), 'utf8')).toBe(readFileSync(join(dir, 'listed42.csv'), 'utf8'));
    // seed 42's own run is the batch's first: byte for byte --seed 42 alone
    const one = cli(['run', 'baseline', '--seed', '42', '--days', '3', '--scale', '0.1', '--quiet']);
    const first = csvRows('runs42.csv').filter((row) => row.seed === '42');
    expect(first.length).toBe(3);
    expect(one.out.trim().split('\n').slice(1).join('\n')).toBe(readFileSync(join(dir, 'runs42.csv'), 'utf8').trim().split('\n').slice(1, 4).map((l) => l.slice('42,'.length)).join('\n'));
    const next = cli(['run', 'baseline', '--seed', '43', '--runs', '3', '--days', '1', '--scale', '0.1', '--out', 'runs43.csv', '--quiet']);
    expect(next.code, next.err).toBe(0);
    const seeds43: number[] = JSON.parse(readFileSync(join(dir, 'runs43.csv.meta.json'), 'utf8')).seeds;
    expect(seeds43.filter((x) => batch.includes(x))).toEqual([]);
  });

  it('--sample: each run its own values from the ranges (a latin hypercube) and its own seed; a row set is --set with --seed; the same command draws the same', () => {
    const args = ['run', 'baseline', '--sample', 'demand.baseRateJobsPerHour=80:160', '--sample', 'supply.providers=1000:3000', '--runs', '4', '--days', '2', '--scale', '0.1'];
    const r = cli([...args, '--out', 'sample.csv', '--bands', 'sample-bands.csv']);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/baseline, 4 runs sampling demand\.baseRateJobsPerHour, supply\.providers \(latin hypercube; seed 1 and the 3 derived from it\)/);
    expect(r.err).toMatch(/across the sampled runs \(n = 4\): mean ± half-width/);
    expect(r.err).toMatch(/rank correlation \(Spearman\) of each sampled parameter with each figure across 4 runs/);
    expect(r.err).toMatch(/\n {2}demand\.baseRateJobsPerHour \(80 to 160\)\s+[+-]\d\.\d\d/);
    // 4 runs cannot make any coefficient clear at 5% (even a perfect order has p = 1/12): none marked
    const tableRows = r.err.split('\n').filter((l) => /^ {2}(demand|supply)\./.test(l));
    expect(tableRows).toHaveLength(2);
    for (const l of tableRows) expect(l).not.toContain('*');
    const rows = csvRows('sample.csv');
    expect(Object.keys(rows[0]).slice(0, 5)).toEqual(['point', 'demand.baseRateJobsPerHour', 'supply.providers', 'seed', 'day']);
    const points = [...new Map(rows.map((row) => [row.point, row])).values()];
    expect(points.map((p) => Number(p.seed))).toEqual(runSeeds(1, 4));
    // one point in each quarter of each range
    expect(points.map((p) => Math.floor((Number(p['demand.baseRateJobsPerHour']) - 80) / 20)).sort()).toEqual([0, 1, 2, 3]);
    expect(points.map((p) => Math.floor((Number(p['supply.providers']) - 1000) / 500)).sort()).toEqual([0, 1, 2, 3]);
    expect(points.every((p) => Number.isInteger(Number(p['supply.providers'])))).toBe(true);
    const meta = JSON.parse(readFileSync(join(dir, 'sample.csv.meta.json'), 'utf8'));
    expect(meta.sample.map((x: { path: string; scale: string }) => [x.path, x.scale])).toEqual([['demand.baseRateJobsPerHour', 'linear'], ['supply.providers', 'linear']]);
    expect(meta.points[2].values['supply.providers']).toBe(Number(points[2]['supply.providers']));
    // point 3 is --set with its values and --seed its seed, byte for byte
    const p3 = points[2];
    const one = cli(['run', 'baseline', '--set', `demand.baseRateJobsPerHour=${p3['demand.baseRateJobsPerHour']}`, '--set', `supply.providers=${p3['supply.providers']}`, '--seed', p3.seed, '--days', '2', '--scale', '0.1', '--quiet']);
    const mine = readFileSync(join(dir, 'sample.csv'), 'utf8').split('\n').filter((l) => l.startsWith('3,')).map((l) => l.split(',').slice(4).join(','));
    expect(one.out.trim().split('\n').slice(1)).toEqual(mine);
    // the bands pool all runs: one row per day
    expect(csvRows('sample-bands.csv')).toHaveLength(2);
    const again = cli([...args, '--out', 'sample2.csv', '--quiet']);
    expect(again.code).toBe(0);
    expect(readFileSync(join(dir, 'sample2.csv'), 'utf8')).toBe(readFileSync(join(dir, 'sample.csv'), 'utf8'));
  });

  it('validate --sample checks the scenario at the ranges\' low and high ends, naming the end a value is out of range at', () => {
    const ok = cli(['validate', 'baseline', '--sample', 'demand.baseRateJobsPerHour=90:150', '--sample', 'supply.providers=1500.5:2500']);
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toMatch(/^ok: baseline with the sampled ranges is valid at their low and their high ends\n {2}low ends \(demand\.baseRateJobsPerHour=90, supply\.providers=1501\): hash [0-9a-f]{16}\n {2}high ends \(demand\.baseRateJobsPerHour=150, supply\.providers=2500\): hash [0-9a-f]{16}\n$/);
    const bad = cli(['validate', 'baseline', '--sample', 'demand.levelVolatility=0:3']);
    expect(bad.code).toBe(2);
    expect(bad.err).toBe("preset 'baseline' at sample point 2 (demand.levelVolatility=3): demand.levelVolatility: expected value <= 2, got 3\n");
    expect(cli(['validate', 'baseline', '--sample', 'demand.levelVolatility=0:1', '--sweep', 'market.matcher=spheron,auction']).err).toMatch(/--sample and --sweep: give one/);
  });

  it('refuses per-run outputs and bad seed lists as bad input', () => {
    for (const [args, msg] of [
      [['--seeds', '1-3', '--leases', 'l.csv'], /--leases writes one run's results: it cannot be combined with --seeds/],
      [['--seeds', '1-3', '--seed', '2'], /--seed writes one run's results/],
      [['--seeds', '4'], /give at least two seeds/],
      [['--seeds', '2,2'], /seed 2 is listed twice/],
      [['--threads', '2'], /--threads .* needs --runs, --seeds, --sweep or --sample/],
      [['--bands', 'b.csv'], /--bands gives percentiles across seeds: it needs --runs, --seeds or --sobol/],
      [['--runs', '3', '--seeds', '1-3'], /--runs and --seeds: give one/],
      [['--sample', 'demand.baseRateJobsPerHour=80:160'], /--sample draws a point for each run: give how many with --runs N/],
      [['--sample', 'demand.baseRateJobsPerHour=80:160', '--seeds', '1-3', '--seed', '4'], /--seed and --seeds: give one/],
      [['--sample', 'demand.baseRateJobsPerHour=80:160', '--runs', '3', '--sweep', 'market.matcher=spheron,auction'], /--sample and --sweep: give one/],
      [['--sample', 'market.matcher=1:2', '--runs', '3'], /--sample: market\.matcher is not a number/],
      [['--sample', 'demand.baseRateJobsPerHour=80:160', '--sample', 'demand.baseRateJobsPerHour=90:100', '--runs', '3'], /--sample demand\.baseRateJobsPerHour is given twice/],
      [['--sample', 'demand.baseRateJobsPerHour=80:160', '--set', 'demand.baseRateJobsPerHour=90', '--runs', '3'], /--set demand\.baseRateJobsPerHour and --sample demand\.baseRateJobsPerHour set the same field/],
      [['--sample', 'demand.levelVolatility=0:5', '--runs', '3'], /sample point \d+ \(demand\.levelVolatility=[\d.]+\): demand\.levelVolatility: expected value <= 2/],
      [['--runs', '1'], /--runs: expected an integer in \[2, 10000\], got '1'/],
      [['--runs', 'ten'], /--runs: expected an integer/],
      [['--runs', '3', '--leases', 'l.csv'], /--leases writes one run's results: it cannot be combined with --runs/],
      [['--runs', '2001', '--bands', 'b.csv'], /at most 2000 seeds, got 2001/],
      [['--seeds', '1-2001', '--bands', 'b.csv'], /at most 2000 seeds, got 2001/],
      [['--seeds', '1-3', '--out', 'same.csv', '--bands', 'same.csv'], /--out and --bands name the same file/],
    ] as const) {
      const r = cli(['run', 'baseline', '--days', '2', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(msg);
    }
  });

  it('Ctrl-C stops every run with exit 130 and writes nothing', async () => {
    writeFileSync(join(dir, 'rep-keep.csv'), 'earlier results\n');
    const child = spawn(process.execPath, [BIN, 'run', 'baseline', '--seeds', '1-4', '--days', '3650', '--out', 'rep-keep.csv'], { cwd: dir });
    let err = '';
    child.stderr.on('data', (b: Buffer) => {
      err += b.toString();
      if (/seeds done/.test(err) && !child.killed) child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(code).toBe(130);
    expect(err).toMatch(/depinsim: SIGINT after 0 of 4 seeds: nothing written/);
    expect(readFileSync(join(dir, 'rep-keep.csv'), 'utf8')).toBe('earlier results\n');
    expect(readdirSync(dir).filter((n) => n.includes('partial'))).toEqual([]);
  });
});

describe('depinsim run --sweep (a parameter grid)', () => {
  it("writes one CSV with point, value and seed columns, each run's rows exactly what --set and --seed write", () => {
    const r = cli(['run', 'baseline', '--sweep', 'market.matcher=spheron,auction', '--sweep', 'demand.baseRateJobsPerHour=80:120:40', '--seeds', '1-2', '--days', '4', '--scale', '0.1', '--out', 'sweep.csv']);
    expect(r.code, r.err).toBe(0);
    const lines = readFileSync(join(dir, 'sweep.csv'), 'utf8').trim().split('\n');
    expect(lines.length).toBe(1 + 4 * 2 * 4); // 4 points x 2 seeds x 4 days
    // point -> seed -> day, the first sweep varying slowest
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 5).join(','))).toEqual(
      [['spheron', 80], ['spheron', 120], ['auction', 80], ['auction', 120]].flatMap(([m, rate], k) =>
        [1, 2].flatMap((seed) => [1, 2, 3, 4].map((day) => `${k + 1},${m},${rate},${seed},${day}`)),
      ),
    );
    // point 3, seed 2 is the run --set gives
    expect(cli(['run', 'baseline', '--set', 'market.matcher=auction', '--set', 'demand.baseRateJobsPerHour=80', '--seed', '2', '--days', '4', '--scale', '0.1', '--out', 'p3.csv', '--quiet']).code).toBe(0);
    const one = readFileSync(join(dir, 'p3.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe(`point,market.matcher,demand.baseRateJobsPerHour,seed,${one[0]}`);
    expect(lines.slice(1).filter((l) => l.startsWith('3,auction,80,2,'))).toEqual(one.slice(1).map((l) => `3,auction,80,2,${l}`));
    const meta = JSON.parse(readFileSync(join(dir, 'sweep.csv.meta.json'), 'utf8'));
    expect(meta.sweep).toEqual([
      { path: 'market.matcher', values: ['spheron', 'auction'] },
      { path: 'demand.baseRateJobsPerHour', values: [80, 120] },
    ]);
    expect(meta.seeds).toEqual([1, 2]);
    expect(meta.points[2]).toEqual({ point: 3, values: { 'market.matcher': 'auction', 'demand.baseRateJobsPerHour': 80 }, scenario_hash: JSON.parse(readFileSync(join(dir, 'p3.csv.meta.json'), 'utf8')).scenario_hash });
    expect(meta.columns.slice(0, 5).map((c: { name: string }) => c.name)).toEqual(['point', 'market.matcher', 'demand.baseRateJobsPerHour', 'seed', 'day']);
    expect(r.err).toMatch(/baseline, sweep of market\.matcher x demand\.baseRateJobsPerHour: 4 points x 2 runs each \(seeds 1-2\), [\d.]+ M events in [\d.]+ s on \d threads?; model checks: all 8 hold on each run; wrote sweep\.csv/);
    expect(r.err).toMatch(/\n {2}3 +auction +80 +\d+\.\d% ± \d+\.\d%/);
  });

  it('--cross says where a figure crosses a value along the sweep, after the table; refused for a sweep it cannot read', () => {
    const r = cli(['run', 'baseline', '--sweep', 'demand.baseRateJobsPerHour=60,180', '--days', '2', '--scale', '0.05', '--cross', 'utilization=0%', '--cross', 'utilization=100%', '--out', 'cross.csv']);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/\n {2}where the figures cross the --cross values as demand\.baseRateJobsPerHour rises:\n {2}The utilization stays above 0\.0% over the whole range \(from [\d.]+% to [\d.]+%\)\.\n {2}The utilization stays below 100\.0% over the whole range/);
    // the sidecar holds them for scripts: each --cross, the points' means and the crossings (none here)
    const meta = JSON.parse(readFileSync(join(dir, 'cross.csv.meta.json'), 'utf8'));
    expect(meta.crossings.map((c: { figure: string; value: number; crossings: unknown[] }) => [c.figure, c.value, c.crossings])).toEqual([
      ['utilization', 0, []],
      ['utilization', 1, []],
    ]);
    expect(meta.crossings[0].means).toHaveLength(2);
    const bad = cli(['run', 'baseline', '--sweep', 'market.matcher=spheron,auction', '--days', '2', '--cross', 'utilization=50%']);
    expect(bad.code).toBe(2);
    expect(bad.err.trim()).toBe('depinsim: --cross needs a numeric --sweep: market.matcher takes "spheron", "auction"');
    expect(cli(['run', 'baseline', '--days', '2', '--cross', 'utilization=50%']).err).toMatch(/--cross .* it needs --sweep/);
    // not ignored beside another batch either
    expect(cli(['run', 'baseline', '--days', '2', '--sample', 'demand.baseRateJobsPerHour=100:140', '--runs', '2', '--cross', 'utilization=50%']).err).toMatch(/--cross .* it needs --sweep/);
    expect(cli(['validate', 'baseline', '--cross', 'utilization=50%']).err).toMatch(/--cross .* it needs --sweep/);
  });

  it('--bands gives each point its own bands, led by the point and its values', () => {
    const r = cli(['run', 'baseline', '--sweep', 'market.matcher=spheron,auction', '--seeds', '1-3', '--days', '2', '--scale', '0.1', '--bands', 'sw-bands.csv', '--quiet']);
    expect(r.code, r.err).toBe(0);
    const lines = readFileSync(join(dir, 'sw-bands.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toMatch(/^point,market\.matcher,day,gpus_total_mean,gpus_total_p10,/);
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual(['1,spheron,1', '1,spheron,2', '2,auction,1', '2,auction,2']);
    // the long CSV went to stdout; its point 2 rows are what the bands summarize
    const rows = r.out.trim().split('\n').slice(1).map((l) => l.split(','));
    const head = r.out.split('\n')[0].split(',');
    const u = head.indexOf('utilization');
    const day1 = rows.filter((c) => c[0] === '2' && c[3] === '1').map((c) => Number(c[u])); // point, matcher, seed, day
    expect(day1.length).toBe(3);
    const bandHead = lines[0].split(',');
    const b = lines[3].split(',');
    expect(Number(b[bandHead.indexOf('utilization_mean')])).toBeCloseTo(day1.reduce((s, v) => s + v, 0) / 3, 6);
  });

  it('--band-level 95 names the ends p2_5 and p97_5, per point', () => {
    const r = cli(['run', 'baseline', '--sweep', 'market.matcher=spheron,auction', '--seeds', '1-3', '--days', '2', '--scale', '0.1', '--bands', 'sw95.csv', '--band-level', '95', '--quiet']);
    expect(r.code, r.err).toBe(0);
    const lines = readFileSync(join(dir, 'sw95.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toMatch(/^point,market\.matcher,day,gpus_total_mean,gpus_total_p2_5,gpus_total_p50,gpus_total_p97_5,/);
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual(['1,spheron,1', '1,spheron,2', '2,auction,1', '2,auction,2']);
    // point 2, day 1 of the long CSV (stdout): type 7 with 3 values puts p2_5 0.05 of the way from the smallest
    const head = r.out.split('\n')[0].split(',');
    const u = head.indexOf('utilization');
    const x = r.out.trim().split('\n').slice(1).map((l) => l.split(',')).filter((c) => c[0] === '2' && c[3] === '1').map((c) => Number(c[u])).sort((p, q) => p - q);
    expect(x.length).toBe(3);
    const bandHead = lines[0].split(',');
    const b = lines[3].split(',');
    expect(Number(b[bandHead.indexOf('utilization_p2_5')])).toBeCloseTo(type7(x, 0.025), 6);
    expect(Number(b[bandHead.indexOf('utilization_p97_5')])).toBeCloseTo(type7(x, 0.975), 6);
    const meta = JSON.parse(readFileSync(join(dir, 'sw95.csv.meta.json'), 'utf8'));
    expect(meta.band_level).toBe(95);
    expect(meta.columns.find((c: { name: string }) => c.name === 'utilization_p2_5').description).toMatch(/^2\.5th percentile across seeds of utilization: /);
  });

  it('validate --sweep checks every point without running, naming each with its hash', () => {
    const ok = cli(['validate', 'baseline', '--sweep', 'market.matcher=spheron,auction', '--sweep', 'market.setupHours=0.1,0.2']);
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toMatch(/^ok: baseline with the sweep is 4 valid scenarios\n/);
    expect(ok.out).toMatch(/ {2}point 3 \(market\.matcher=auction, market\.setupHours=0\.1\): hash [0-9a-f]{16}\n/);
    const bad = cli(['validate', 'baseline', '--sweep', 'market.setupHours=1,30']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/at sweep point 2 \(market\.setupHours=30\): market\.setupHours: expected value <= 24, got 30/);
  });

  it('keeps point order when a later point finishes first', () => {
    // point 1 is six times the network of the others: on two threads, points 2-4 finish before it
    const r = cli(['run', 'baseline', '--sweep', 'scale=0.3,0.05,0.06,0.07', '--days', '3', '--threads', '2', '--quiet']);
    expect(r.code, r.err).toBe(0);
    const rows = r.out.trim().split('\n').slice(1);
    expect(rows.map((l) => l.split(',').slice(0, 4).join(','))).toEqual(
      ['0.3', '0.05', '0.06', '0.07'].flatMap((x, k) => [1, 2, 3].map((day) => `${k + 1},${x},1,${day}`)),
    );
  });

  it('refuses a bad sweep before any run, as bad input naming the point', () => {
    for (const [args, msg] of [
      [['--sweep', 'market.setupHours=1,30'], /at sweep point 2 \(market\.setupHours=30\): market\.setupHours: expected value <= 24, got 30/],
      [['--sweep', 'market.setupHour=1,2'], /at sweep point 1 \(market\.setupHour=1\): market\.setupHour: unknown field/],
      [['--sweep', 'market.setupHours=1,2', '--leases', 'l.csv'], /--leases writes one run's results: it cannot be combined with --sweep/],
      [['--sweep', 'market.setupHours=1,2', '--seed', '1', '--seeds', '1-2'], /--seed and --seeds: give one/],
      [['--sweep', 'market.setupHours=1,2', '--set', 'market.setupHours=3'], /set the same field/],
      [['--sweep', 'horizonDays=1,3'], /--days and --sweep horizonDays set the same field/],
    ] as const) {
      const r = cli(['run', 'baseline', '--days', '2', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(msg);
      expect(r.err).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
    }
  });
});

describe('depinsim run, out of memory', () => {
  it('a run that fills the heap warns early, then stops with exit 1 and a remedy, not a V8 crash; nothing written', () => {
    writeFileSync(join(dir, 'mem.csv'), 'earlier results\n');
    // an overloaded M/M/c queue: unlimited patience, so waiting orders pile up (about 12 MB a day)
    const r = spawnSync(process.execPath, ['--max-old-space-size=600', BIN, 'run', 'mmc', '--set', 'demand.baseRateJobsPerHour=1000', '--days', '120', '--out', 'mem.csv', '--leases', 'mem-leases.csv'], { encoding: 'utf8', cwd: dir });
    expect(r.stderr).not.toMatch(/FATAL ERROR|\n\s+at /);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/depinsim: warning: at this pace the heap reaches about \d+ MB by day 120, more than fits in Node's \d+ MB heap limit/);
    expect(r.stderr).toMatch(/depinsim: run failed: out of memory at day \d+\/120: \d+ MB live, too close to Node's \d+ MB heap limit .*NODE_OPTIONS=--max-old-space-size=\d+/);
    expect(readFileSync(join(dir, 'mem.csv'), 'utf8')).toBe('earlier results\n');
    expect(readdirSync(dir).filter((n) => n.startsWith('mem-leases') || n.includes('partial'))).toEqual([]);
  });

  it('a network too big to build in the heap stops during set-up with exit 1 and a remedy; nothing written', () => {
    writeFileSync(join(dir, 'big.csv'), 'earlier results\n');
    // the 30x baseline holds about 160 MB after set-up: more than 65% of a 150 MB heap
    const r = spawnSync(process.execPath, ['--max-old-space-size=150', BIN, 'run', 'baseline', '--scale', '30', '--days', '2', '--out', 'big.csv', '--leases', 'big-leases.csv'], { encoding: 'utf8', cwd: dir });
    expect(r.stderr).not.toMatch(/FATAL ERROR|\n\s+at /);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/depinsim: run failed: out of memory while building the network \([\d,]+ of [\d,]+ (providers|warm-start jobs)\): \d+ MB live, too close to Node's 150 MB heap limit .*NODE_OPTIONS=--max-old-space-size=\d+/);
    expect(readFileSync(join(dir, 'big.csv'), 'utf8')).toBe('earlier results\n');
    expect(readdirSync(dir).filter((n) => n.startsWith('big-leases') || n.includes('partial'))).toEqual([]);
  });
});

describe('info commands and generated docs', () => {
  it('lists every preset with its question, and the presets match scenarios/', () => {
    const r = cli(['scenarios']);
    expect(r.code).toBe(0);
    for (const p of PRESETS) {
      expect(r.out).toContain(p.name);
      expect(p.question.length).toBeGreaterThan(20);
    }
    const files = readdirSync(join(__dirname, '../../scenarios')).filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json');
    expect(PRESETS.map((p) => `${p.name}.json`).sort()).toEqual(files.sort());
  });

  it('--control runs the scenario\'s control: the same bytes as its edits given with --set; a scenario without one is refused', () => {
    const a = cli(['run', 'token_pump', '--control', '--days', '3', '--out', 'ctl-a.csv']);
    expect(a.code).toBe(0);
    expect(a.err).toContain("control run of preset 'token_pump': without the pump");
    const b = cli(['run', 'token_pump', '--set', 'economy.price.shocks=[]', '--days', '3', '--out', 'ctl-b.csv', '--quiet']);
    expect(b.code).toBe(0);
    expect(readFileSync(join(dir, 'ctl-a.csv'), 'utf8')).toBe(readFileSync(join(dir, 'ctl-b.csv'), 'utf8'));
    // its sidecar says it is the control (the resolved scenario keeps the scenario's name); the same run by --set does not
    const sideA = JSON.parse(readFileSync(join(dir, 'ctl-a.csv.meta.json'), 'utf8'));
    expect(sideA).toMatchObject({ scenario: 'token_pump', control: 'without the pump' });
    expect(JSON.parse(readFileSync(join(dir, 'ctl-b.csv.meta.json'), 'utf8'))).not.toHaveProperty('control');
    // and so do a batch's and a sweep's
    expect(cli(['run', 'token_pump', '--control', '--days', '2', '--runs', '2', '--out', 'ctl-r.csv', '--bands', 'ctl-rb.csv', '--quiet']).code).toBe(0);
    expect(cli(['run', 'token_pump', '--control', '--days', '2', '--sweep', 'market.setupHours=0,1', '--out', 'ctl-s.csv', '--quiet']).code).toBe(0);
    for (const f of ['ctl-r.csv', 'ctl-rb.csv', 'ctl-s.csv']) expect(JSON.parse(readFileSync(join(dir, `${f}.meta.json`), 'utf8')).control, f).toBe('without the pump');
    const none = cli(['run', 'baseline', '--control', '--days', '3', '--out', 'ctl-c.csv']);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/--control: preset 'baseline' names no control run/);
    expect(existsSync(join(dir, 'ctl-c.csv'))).toBe(false);
  });

  it('stops quietly when the reader closes the pipe early (`depinsim schema | head -1`)', () => {
    // the shell's `| head -1`: read the first line, then close the pipe while the CLI still writes
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" schema | head -1`], { encoding: 'utf8', cwd: dir });
    expect(r.stdout.trim()).toBe('{');
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
  });

  it('prints a JSON Schema that rejects unknown fields and carries units', () => {
    const schema = JSON.parse(cli(['schema']).out);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.horizonDays).toMatchObject({ unit: 'days', minimum: 1, default: 365 });
  });

  it('README column reference, docs/parameters.md and the JSON Schema are up to date (npm run docs)', () => {
    const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
    const section = readme.slice(readme.indexOf(BEGIN) + BEGIN.length, readme.indexOf(END)).trim();
    expect(section).toBe(columnsMarkdown().trim());
    expect(readFileSync(join(__dirname, '../../docs/parameters.md'), 'utf8')).toBe(parametersMarkdown());
    expect(readFileSync(join(__dirname, '../../scenarios/scenario.schema.json'), 'utf8')).toBe(JSON.stringify(jsonSchema(), null, 2) + '\n');
  });

  it('stamps the package version', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8'));
    expect(VERSION).toBe(pkg.version);
    expect(execFileSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' })).toMatch(/usage:/);
  });

  it('prints the usage for `help` as for --help, and names the commands for an unknown one', () => {
    expect(execFileSync(process.execPath, [BIN, 'help'], { encoding: 'utf8' })).toBe(execFileSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' }));
    const bad = spawnSync(process.execPath, [BIN, 'hlep'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/unknown command 'hlep' \(did you mean help\?\) \(commands: run, validate, scenarios, schema, help\)/);
    expect(spawnSync(process.execPath, [BIN, 'rn', 'baseline'], { encoding: 'utf8' }).stderr).toMatch(/unknown command 'rn' \(did you mean run\?\)/);
    // nothing close: no guess
    expect(spawnSync(process.execPath, [BIN, 'simulate'], { encoding: 'utf8' }).stderr).toMatch(/unknown command 'simulate' \(commands:/);
  });
});

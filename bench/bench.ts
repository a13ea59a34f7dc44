/**
 * npm run bench [-- --json] [--days D] [--scales 1,10,50] [--no-browser] [--no-economy-split] [--no-export] [--no-replications]
 * Measures, in one run: (1) the engine against a bare typed-array heap loop on the same M/M/c model
 * (events/s and their ratio), (2) the full market model on the mmc preset, (3) the baseline at
 * several scales (providers and demand scaled together): events, wall seconds, events/s, peak memory,
 * each in a fresh process (the median of 3 at 1x, also put on a reference machine's scale by timing
 * the bare loop just before each run; the events/s ratio of the smallest to the largest scale also
 * relative to the bare loop timed around each run, so drift over the long runs cancels), (4) the share of run time the token economy costs
 * (baseline at 1x with economy.enabled true and false, alternating), (5) the dashboard's baseline year in headless Chromium: wall time
 * and main-thread long tasks, the re-run after an edit to its first day and month on screen, and Monte Carlo bands of 5 runs, (5b) the core's baseline year alone in a Chromium Web Worker (the engine the dashboard runs it in), also on the reference scale, (6) the CLI's baseline year at 1x with the per-lease export (--leases),
 * the researchers' heaviest output: wall time, rows and bytes written, (7) four baseline years as
 * replications (--seeds) on one thread per core: wall time per run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { bareLoop, engineLoop } from './mmcLoops.ts';
import { browserBaseline } from './browserRun.ts';
import { browserCoreYear } from './browserCoreRun.ts';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean' },
    days: { type: 'string' },
    scales: { type: 'string' },
    'no-browser': { type: 'boolean' },
    'no-economy-split': { type: 'boolean' },
    'no-export': { type: 'boolean' },
    'no-replications': { type: 'boolean' },
  },
});
const days = Number(values.days ?? 365);
const scales = (values.scales ?? '1,10,50').split(',').map(Number);
const log = (s: string) => {
  if (!values.json) process.stdout.write(s + '\n');
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

// 1. Engine vs bare loop: alternate 5 times each, ~2 M events per run, take medians.
const HORIZON = 11111.1;
const bare: number[] = [];
const eng: number[] = [];
let check = { bareWait: 0, engineWait: 0, events: 0 };
for (let i = 0; i < 5; i++) {
  const a = bareLoop(HORIZON);
  const b = engineLoop(HORIZON);
  bare.push(a.eventsPerSecond);
  eng.push(b.eventsPerSecond);
  check = { bareWait: a.meanWait, engineWait: b.meanWait, events: a.events };
}
const engine = {
  model: 'M/M/c, c=100, lambda=90/h, mu=1/h',
  events: check.events,
  bareEventsPerSecond: Math.round(median(bare)),
  engineEventsPerSecond: Math.round(median(eng)),
  ratio: Number((median(eng) / median(bare)).toFixed(3)),
  meanWaitH: check.engineWait,
  erlangCWaitH: 0.021694,
  samePath: check.bareWait === check.engineWait,
};
log(`engine vs bare typed-array heap (M/M/c, ${(engine.events / 1e6).toFixed(2)} M events, median of 5):`);
log(`  bare ${(engine.bareEventsPerSecond / 1e6).toFixed(2)} M ev/s, engine ${(engine.engineEventsPerSecond / 1e6).toFixed(2)} M ev/s, ratio ${engine.ratio} (same sample path: ${engine.samePath})`);

function runOne(preset: string, scale: number, d: number, sets: string[] = []) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/runOne.ts', preset, String(scale), String(d), ...sets], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').pop()!);
}

// 2. The full market model on the mmc preset.
const mmc = runOne('mmc', 1, 60);
log(`full model on mmc (60 days): ${mmc.events} events in ${mmc.seconds} s = ${(mmc.eventsPerSecond / 1e6).toFixed(2)} M ev/s`);

// 3. The baseline at each scale. Runs that take seconds are repeated (REPEAT_BELOW_SCALE) and the
// median reported, with the economy-off run alternating with them: the machine's speed drifts by
// 10-30% within minutes, which one run each cannot tell from a change.
const REPEATS = 3;
const REPEAT_BELOW_SCALE = 2;
type RunResult = ReturnType<typeof runOne>;
const medianRun = (rs: RunResult[]): RunResult => [...rs].sort((a, b) => a.seconds - b.seconds)[rs.length >> 1];
const secondsOf = (rs: RunResult[]) => rs.map((r) => r.seconds).join(', ');
// At 1x each run is also put on a fixed scale: the bare heap loop is timed just before it, and the
// run's seconds times (that loop's events/s over REFERENCE_BARE) is what the run would take on a
// machine whose bare loop does REFERENCE_BARE, the speed the performance issue gives for this
// machine. The drift then mostly cancels: both figures move with the machine.
const REFERENCE_BARE = 10e6;
const baseline = [] as RunResult[];
const relativeSpeed: number[] = [];
let offRuns: RunResult[] = [];
let reference: { seconds: number; runs: number[]; bareEventsPerSecond: number[] } | null = null;
for (const x of scales) {
  const reps = x < REPEAT_BELOW_SCALE ? REPEATS : 1;
  const runs: RunResult[] = [];
  const bares: number[] = [];
  for (let i = 0; i < reps; i++) {
    bares.push(bareLoop(HORIZON).eventsPerSecond);
    runs.push(runOne('baseline', x, days));
    // a long run spans minutes of drift: the machine's speed over it is the mean of before and after
    if (x >= REPEAT_BELOW_SCALE) bares[i] = (bares[i] + bareLoop(HORIZON).eventsPerSecond) / 2;
    if (x === 1 && !values['no-economy-split']) offRuns.push(runOne('baseline', 1, days, ['economy.enabled=false']));
  }
  const r = medianRun(runs);
  baseline.push(r);
  // events/s per bare-loop event/s: a speed that mostly cancels the machine's drift
  relativeSpeed.push(median(runs.map((run, i) => run.eventsPerSecond / bares[i])));
  log(
    `baseline ${x}x, ${days} days: ${r.providers} providers, ${(r.events / 1e6).toFixed(2)} M events in ${r.seconds} s = ${(r.eventsPerSecond / 1e6).toFixed(2)} M ev/s, peak ${r.peakRssMb} MB` +
      (reps > 1 ? ` (median of ${reps}: ${secondsOf(runs)} s)` : ''),
  );
  if (x === 1) {
    const norm = runs.map((run, i) => Number(((run.seconds * bares[i]) / REFERENCE_BARE).toFixed(2)));
    reference = { seconds: median(norm), runs: norm, bareEventsPerSecond: bares.map(Math.round) };
    log(
      `  on the reference machine (bare loop ${REFERENCE_BARE / 1e6} M ev/s; here ${bares.map((b) => (b / 1e6).toFixed(2)).join(', ')} M just before each run): ` +
        `${reference.seconds} s (median of ${norm.join(', ')} s)`,
    );
  }
}
const first = baseline[0];
const last = baseline[baseline.length - 1];
const scaling = first && last ? Number((first.eventsPerSecond / last.eventsPerSecond).toFixed(2)) : null;
// The same ratio with each scale's events/s taken relative to the bare loop timed around its runs:
// the 50x run comes 20+ minutes after the 1x ones, and the machine's speed drifts by 10-40% in that time.
const scalingDriftCorrected = relativeSpeed.length > 1 ? Number((relativeSpeed[0] / relativeSpeed[relativeSpeed.length - 1]).toFixed(2)) : null;
log(
  `events/s at ${scales[0]}x over ${scales[scales.length - 1]}x: ${scaling} (cost grows with events when this stays near 1); ` +
    `relative to the bare loop timed around each run: ${scalingDriftCorrected}`,
);

// 4. What the economy costs: the 1x baseline with the economy off, run alternately with the runs
// above. The markets differ (no entry or exit without it), so compare time per event as well.
let economy: { onSeconds: number; offSeconds: number; onMicrosPerEvent: number; offMicrosPerEvent: number; shareOfRunTime: number } | null = null;
if (!values['no-economy-split']) {
  const on = scales[0] === 1 ? baseline[0] : runOne('baseline', 1, days);
  if (offRuns.length === 0) offRuns = [runOne('baseline', 1, days, ['economy.enabled=false'])];
  const off = medianRun(offRuns);
  const usOn = (1e6 * on.seconds) / on.events;
  const usOff = (1e6 * off.seconds) / off.events;
  economy = {
    onSeconds: on.seconds,
    offSeconds: off.seconds,
    onMicrosPerEvent: Number(usOn.toFixed(3)),
    offMicrosPerEvent: Number(usOff.toFixed(3)),
    shareOfRunTime: Number(Math.max(0, 1 - usOff / usOn).toFixed(3)),
  };
  log(
    `economy: baseline 1x ${on.seconds} s with, ${off.seconds} s without (median of ${offRuns.length}: ${secondsOf(offRuns)} s); ` +
      `${economy.onMicrosPerEvent} vs ${economy.offMicrosPerEvent} us/event: the economy is ~${(economy.shareOfRunTime * 100).toFixed(0)}% of run time`,
  );
}

// 5. The dashboard in headless Chromium.
let browser: Awaited<ReturnType<typeof browserBaseline>> | null = null;
if (!values['no-browser']) {
  browser = await browserBaseline();
  if ('skipped' in browser) log(`browser: skipped, ${browser.skipped}`);
  else
    log(
      `browser: baseline year, from load: first day on screen ${(browser.wallMsLoadToFirstDay / 1000).toFixed(2)} s, first 30 days ${(browser.wallMsLoadToFirstMonth / 1000).toFixed(2)} s, done ${(browser.wallMsLoadToDone / 1000).toFixed(1)} s; after an edit (base rate typed in): first day ${(browser.wallMsEditToFirstDay / 1000).toFixed(2)} s, first 30 days ${(browser.wallMsEditToFirstMonth / 1000).toFixed(2)} s; main-thread long tasks at start-up ${browser.startup.count} (longest ${browser.startup.longestMs} ms), during the run ${browser.duringRun.count} (longest ${browser.duringRun.longestMs} ms, ${browser.duringRun.totalMs} ms in all); Monte Carlo, 5 runs of the year: bands in ${(browser.wallMsMonteCarlo5 / 1000).toFixed(1)} s, long tasks meanwhile ${browser.duringMonteCarlo.count} (longest ${browser.duringMonteCarlo.longestMs} ms)`,
    );
}

// 5b. The core alone in a Chromium Web Worker: the JavaScript engine the dashboard runs it in.
let browserCore: Awaited<ReturnType<typeof browserCoreYear>> | null = null;
if (!values['no-browser']) {
  browserCore = await browserCoreYear(days, REPEATS, REFERENCE_BARE);
  if ('skipped' in browserCore) log(`browser core: skipped, ${browserCore.skipped}`);
  else
    log(
      `browser core: baseline ${days} days in a Chromium worker, no UI: ${(browserCore.events / 1e6).toFixed(2)} M events in ${browserCore.seconds} s (median of ${browserCore.runs.join(', ')} s); ` +
        `on the reference machine ${browserCore.referenceSeconds} s (bare loop in the same worker ${browserCore.bareEventsPerSecond.map((b) => (b / 1e6).toFixed(2)).join(', ')} M ev/s)`,
    );
}

// 6. The CLI with the per-lease export, as a researcher runs it (the process includes tsx's start-up).
let leaseExport: { seconds: number; rows: number; megabytes: number } | null = null;
if (!values['no-export']) {
  const dir = mkdtempSync(join(tmpdir(), 'depinsim-bench-'));
  try {
    const out = join(dir, 'base.csv');
    const leases = join(dir, 'leases.csv');
    const t0 = performance.now();
    execFileSync(process.execPath, ['bin/depinsim.js', 'run', 'baseline', '--seed', '1', '--days', String(days), '--out', out, '--leases', leases, '--quiet'], { stdio: 'inherit' });
    const seconds = (performance.now() - t0) / 1000;
    let rows = -1; // the header
    const bytes = readFileSync(leases);
    for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10) rows++;
    leaseExport = { seconds: Number(seconds.toFixed(2)), rows, megabytes: Number((statSync(leases).size / 2 ** 20).toFixed(1)) };
    log(`CLI baseline 1x, ${days} days, with --leases: ${leaseExport.seconds} s wall (process start included), ${leaseExport.rows} lease rows, ${leaseExport.megabytes} MB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// 7. Replications: four baseline years through `--seeds`, on one worker thread per core: what a
// researcher waits for per run when runs go in parallel.
let replications: { seeds: number; threads: number; seconds: number; secondsPerRun: number; bareEventsPerSecond: number } | null = null;
if (!values['no-replications']) {
  const seeds = 4;
  const bareBefore = bareLoop(HORIZON).eventsPerSecond;
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['bin/depinsim.js', 'run', 'baseline', '--seeds', `1-${seeds}`, '--days', String(days), '--out', '/dev/null'], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`replications failed: ${r.stderr}`);
  const threads = Number(/on (\d+) threads?/.exec(r.stderr)?.[1] ?? NaN);
  replications = { seeds, threads, seconds: Number(seconds.toFixed(2)), secondsPerRun: Number((seconds / seeds).toFixed(2)), bareEventsPerSecond: Math.round(bareBefore) };
  log(
    `replications: ${seeds} baseline runs of ${days} days with --seeds on ${threads} threads: ${replications.seconds} s wall (process start included), ` +
      `${replications.secondsPerRun} s per run (bare loop ${(bareBefore / 1e6).toFixed(2)} M ev/s just before)`,
  );
}

if (values.json) process.stdout.write(JSON.stringify({ date: new Date().toISOString(), node: process.version, engine, mmc, baseline, baseline1xOnReferenceMachine: reference, scalingRatio: scaling, scalingRatioDriftCorrected: scalingDriftCorrected, economy, browser, browserCore, leaseExport, replications }) + '\n');

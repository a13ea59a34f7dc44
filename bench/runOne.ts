// One benchmark run in a fresh process (so peak memory is this run's): prints a JSON line.
import { createRun } from '../src/sim/run.ts';
import { findPreset } from '../src/sim/scenario/presets.ts';
import { applyOverrides } from '../src/sim/scenario/overrides.ts';
import { parseScenario } from '../src/sim/scenario/validate.ts';

const [preset, scale, days, ...sets] = process.argv.slice(2);
const raw = applyOverrides(findPreset(preset)!.raw, [`scale=${scale}`, `horizonDays=${days}`, ...sets]);
const s = parseScenario(raw);
const t0 = performance.now();
const run = createRun(s, 1);
const built = performance.now();
let peak = process.memoryUsage().rss;
while (!run.done()) {
  run.advance(run.now() + 24 * 7);
  peak = Math.max(peak, process.memoryUsage().rss);
  if (process.env.BENCH_PROGRESS) process.stderr.write(`  day ${(run.now() / 24).toFixed(0)}\r`);
}
const t1 = performance.now();
const events = run.eventsProcessed();
const seconds = (t1 - t0) / 1000;
console.log(
  JSON.stringify({
    preset,
    scale: Number(scale),
    days: Number(days),
    providers: run.model.providers.length,
    events,
    seconds: Number(seconds.toFixed(3)),
    setupSeconds: Number(((built - t0) / 1000).toFixed(3)),
    eventsPerSecond: Math.round(events / seconds),
    peakRssMb: Math.round(Math.max(peak, process.resourceUsage().maxRSS * 1024) / 2 ** 20),
  }),
);

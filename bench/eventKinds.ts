/**
 * npm run bench:kinds [-- <preset> --days D --seed N --scale X --json]
 * Where a run's time goes, by event kind: each handler is wrapped to count its events and time them
 * (performance.now around each call), on one run in this process. Prints per kind the events, the
 * seconds spent in its handler and the microseconds per event, largest first; what the handlers do
 * not take is the event queue's and the loop's (events do not nest: the engine runs one handler at
 * a time). Then the wall time of the same run unwrapped, twice before the timed one: in the cold
 * process (the JIT's warm-up included) and again warm, so the timing's own cost (two clock reads per
 * event) shows against the warm one.
 */
import { parseArgs } from 'node:util';
import { createRun } from '../src/sim/run.ts';
import { findPreset } from '../src/sim/scenario/presets.ts';
import { applyOverrides } from '../src/sim/scenario/overrides.ts';
import { parseScenario, ScenarioError } from '../src/sim/scenario/validate.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { days: { type: 'string' }, seed: { type: 'string' }, scale: { type: 'string' }, json: { type: 'boolean' } },
});
const presetName = positionals[0] ?? 'baseline';
const preset = findPreset(presetName);
if (!preset) {
  process.stderr.write(`bench:kinds: no preset named '${presetName}'\n`);
  process.exit(2);
}
const sets = [...(values.days ? [`horizonDays=${values.days}`] : []), ...(values.scale ? [`scale=${values.scale}`] : [])];
const scenario = (() => {
  try {
    return parseScenario(applyOverrides(preset.raw, sets));
  } catch (e) {
    // a bad --days or --scale: the validator's one line per problem, not a stack trace
    process.stderr.write(`bench:kinds: ${e instanceof ScenarioError ? e.message : String(e)}\n`);
    process.exit(2);
  }
})();
const seed = Number(values.seed ?? 1);
if (!Number.isSafeInteger(seed) || seed < 0) {
  process.stderr.write(`bench:kinds: --seed: expected a whole number >= 0, got '${values.seed}'\n`);
  process.exit(2);
}

function runToEnd(wrap: boolean) {
  const t0 = performance.now();
  const run = createRun(scenario, seed);
  const counts = new Map<string, { events: number; ms: number }>();
  if (wrap) {
    run.model.engine.wrapHandlers((name, h) => {
      const c = { events: 0, ms: 0 };
      counts.set(name, c);
      return (a, b) => {
        const t = performance.now();
        h(a, b);
        c.ms += performance.now() - t;
        c.events++;
      };
    });
  }
  const t1 = performance.now();
  while (!run.done()) run.advance(run.now() + 24 * 7);
  const t2 = performance.now();
  return { setupSeconds: (t1 - t0) / 1000, runSeconds: (t2 - t1) / 1000, events: run.eventsProcessed(), counts };
}

const cold = runToEnd(false);
const warm = runToEnd(false);
const timed = runToEnd(true);
const kinds = [...timed.counts]
  .filter(([, c]) => c.events > 0)
  .map(([kind, c]) => ({ kind, events: c.events, seconds: Number((c.ms / 1000).toFixed(3)), usPerEvent: Number(((c.ms * 1000) / c.events).toFixed(2)), share: Number((c.ms / 1000 / timed.runSeconds).toFixed(3)) }))
  .sort((a, b) => b.seconds - a.seconds);
const inHandlers = [...timed.counts.values()].reduce((a, c) => a + c.ms / 1000, 0);
const result = {
  preset: presetName,
  seed,
  days: scenario.horizonDays,
  scale: scenario.scale,
  events: timed.events,
  setupSeconds: Number(cold.setupSeconds.toFixed(3)),
  runSecondsColdUntimed: Number(cold.runSeconds.toFixed(3)),
  runSecondsUntimed: Number(warm.runSeconds.toFixed(3)),
  runSecondsTimed: Number(timed.runSeconds.toFixed(3)),
  /** The timed run's seconds outside every handler: the event queue and the loop (and the timing's clock reads). */
  queueSeconds: Number((timed.runSeconds - inHandlers).toFixed(3)),
  kinds,
};
if (values.json) {
  process.stdout.write(JSON.stringify(result) + '\n');
} else {
  const out = [`${presetName}, seed ${seed}, ${result.days} days at ${result.scale}x: ${result.events.toLocaleString('en-US')} events`, 'kind           events   handler s  us/event  share of the timed run'];
  for (const k of kinds) out.push(`${k.kind.padEnd(12)} ${String(k.events).padStart(9)} ${k.seconds.toFixed(2).padStart(10)} ${k.usPerEvent.toFixed(2).padStart(9)}  ${(k.share * 100).toFixed(1).padStart(5)}%`);
  out.push(`${'queue, loop'.padEnd(12)} ${''.padStart(9)} ${result.queueSeconds.toFixed(2).padStart(10)} ${''.padStart(9)}  ${((result.queueSeconds / timed.runSeconds) * 100).toFixed(1).padStart(5)}%`);
  out.push(
    `set-up ${result.setupSeconds.toFixed(2)} s (cold); the run untimed ${result.runSecondsColdUntimed.toFixed(2)} s in the cold process and ${result.runSecondsUntimed.toFixed(2)} s warm, ${result.runSecondsTimed.toFixed(2)} s with every event timed (against the warm one: the timing's own cost)`,
  );
  process.stdout.write(out.join('\n') + '\n');
}

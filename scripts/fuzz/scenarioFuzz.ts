/**
 * Random combinations of parameters, each within its schema range, over every preset, short and
 * small: what a test of hand-picked scenarios misses (0.22.1 found three faults this way; at 0.27.0,
 * 3,000 trials of seed 11, 2,153 runs, found none). Each trial moves 2-15 scalar parameters of a random preset (to an end of its
 * range, into its slider's range, or log-uniformly over the whole range), runs 5-30 days at scale
 * 0.05-0.2, and reports what a user would call a fault, with the command that reproduces it:
 *  - a crash (an exception from the core);
 *  - a model check that fails (Little's law, every order accounted for, ...: model/runChecks.ts);
 *  - an infinite value outside the payback and wait columns, or NaN in a count column;
 *  - a run cut at the wall or heap budget (a "slow" note, not a fault: the CLI's guards own those).
 * A value the validator refuses with the others (a minimum above its maximum, shares over 1) is
 * dropped and the rest tried again; scenarios still refused are counted and skipped.
 */
import seedrandom from 'seedrandom';
import { controlsFromJsonSchema, type ControlSpec } from '../../src/ui/lib/schemaControls.ts';
import { jsonSchema } from '../../src/cli/jsonSchema.ts';
import { PRESETS } from '../../src/sim/scenario/presets.ts';
import { applyOverrides } from '../../src/sim/scenario/overrides.ts';
import { validateScenario } from '../../src/sim/scenario/validate.ts';
import { createRun, type MetricTable } from '../../src/sim/run.ts';
import type { Scenario } from '../../src/sim/scenario/schema.ts';

export interface Finding {
  kind: 'crash' | 'check' | 'value' | 'slow';
  what: string;
  /** The CLI command that runs the same scenario and seed. */
  repro: string;
}

export interface FuzzTally {
  trials: number;
  ran: number;
  refused: number;
  /** Trials skipped for size: a network or a demand past what the budgets here allow. */
  tooLarge: number;
  findings: Finding[];
}

export interface FuzzOptions {
  trials: number;
  seed: number;
  /** Wall seconds a run may take before it is cut (a "slow" note). */
  seconds?: number;
  /** Live heap (bytes) past which a run is cut. */
  heapBytes?: number;
  /** Called after each trial. */
  onTrial?: (t: FuzzTally) => void;
}

/** The scalar parameters a trial may move (weight maps and distribution shapes are edited whole elsewhere). */
export function fuzzableControls(): ControlSpec[] {
  return controlsFromJsonSchema(jsonSchema()).filter((c) => ['number', 'integer', 'boolean', 'choice'].includes(c.kind) && !c.weightMapParent && !c.distParent && c.path !== 'horizonDays' && c.path !== 'scale');
}

/** A value for control c, within its range: an end, inside the slider's range, or log-uniform over the whole range. */
export function drawValue(c: ControlSpec, rng: () => number): string {
  if (c.kind === 'boolean') return String(rng() < 0.5);
  if (c.kind === 'choice') return (c.options ?? [])[Math.floor(rng() * (c.options?.length ?? 0))] ?? '';
  const lo = c.min ?? -1e6;
  const hi = c.max ?? 1e6;
  const r = rng();
  let v: number;
  if (r < 0.15) v = c.exclusiveMin ? lo + (hi - lo) * 1e-6 : lo;
  else if (r < 0.3) v = hi;
  else if (r < 0.55) v = (c.sliderMin ?? lo) + rng() * ((c.sliderMax ?? hi) - (c.sliderMin ?? lo));
  else if (r < 0.8 && lo >= 0 && hi > 0) {
    const a = Math.log(Math.max(lo, 1e-6));
    v = Math.exp(a + rng() * (Math.log(hi) - a));
  } else v = lo + rng() * (hi - lo);
  if (c.kind === 'integer') v = Math.round(v);
  v = Math.min(hi, Math.max(lo, v));
  if (c.exclusiveMin && v <= lo) v = lo + (hi - lo) * 1e-6;
  return String(v);
}

/** Columns that may be infinite (a payback never reached) or NaN (a ratio of nothing: no GPU online, no order matched). */
const MAY_BE_INFINITE = /payback|months|wait/;
const COUNTS = /^(gpus_total|gpus_online|gpus_busy|jobs_arrived|jobs_started|jobs_completed|jobs_expired|leases_failed|providers_active|gmv_usd|gpu_hours_demanded|gpu_hours_served)$/;

/** What is wrong with a finished run's table, in words (first offending row per column). */
export function valueFaults(t: MetricTable): string[] {
  const out: string[] = [];
  for (const c of t.columns) {
    const d = t.data[c.name];
    if (!d) continue;
    for (let i = 0; i < t.rows; i++) {
      const x = d[i];
      if ((x === Infinity || x === -Infinity) && !MAY_BE_INFINITE.test(c.name)) {
        out.push(`${c.name} is ${x} on row ${i + 1}`);
        break;
      }
      if (Number.isNaN(x) && COUNTS.test(c.name)) {
        out.push(`${c.name} is NaN on row ${i + 1}`);
        break;
      }
    }
  }
  return out;
}

export function fuzzScenarios(o: FuzzOptions): FuzzTally {
  const rng = seedrandom(`fuzz/${o.seed}`);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];
  const controls = fuzzableControls();
  const budgetMs = (o.seconds ?? 60) * 1000;
  const heap = o.heapBytes ?? 1.5e9;
  const tally: FuzzTally = { trials: 0, ran: 0, refused: 0, tooLarge: 0, findings: [] };
  for (let t = 0; t < o.trials; t++) {
    tally.trials++;
    const preset = pick(PRESETS);
    const sets = [`horizonDays=${5 + Math.floor(rng() * 26)}`, `scale=${pick([0.05, 0.1, 0.2])}`];
    const k = 2 + Math.floor(rng() * 14);
    for (let i = 0; i < k; i++) {
      const c = pick(controls);
      sets.push(`${c.path}=${drawValue(c, rng)}`);
    }
    const seed = Math.floor(rng() * 1e6);
    // a value the validator refuses alongside the others (a minimum above the preset's maximum) is
    // dropped and the rest tried again, a few times, so most trials run rather than stop at the door
    let v = validateScenario(applyOverrides(preset.raw, sets));
    for (let retry = 0; !v.ok && retry < 4; retry++) {
      const refused = new Set(v.issues.map((i) => i.path));
      const keep = sets.filter((x, i) => i < 2 || !refused.has(x.slice(0, x.indexOf('='))));
      if (keep.length === sets.length) break;
      sets.splice(0, sets.length, ...keep);
      v = validateScenario(applyOverrides(preset.raw, sets));
    }
    const repro = `depinsim run ${preset.name} --seed ${seed} ${sets.map((s) => `--set '${s}'`).join(' ')}`;
    if (!v.ok) {
      tally.refused++;
      o.onTrial?.(tally);
      continue;
    }
    const s: Scenario = v.scenario;
    // a network or a demand past a few thousand: the CLI's memory and time guards are tested on their own
    if (s.supply.providers * s.scale > 20_000 || s.demand.baseRateJobsPerHour * s.scale > 2_000) {
      tally.tooLarge++;
      o.onTrial?.(tally);
      continue;
    }
    const t0 = performance.now();
    try {
      const run = createRun(s, seed);
      let cut = false;
      while (!run.done() && !cut) {
        run.advance(run.now() + 24, 200_000);
        cut = performance.now() - t0 > budgetMs || process.memoryUsage().heapUsed > heap;
      }
      tally.ran++;
      if (cut) tally.findings.push({ kind: 'slow', what: `cut at day ${(run.now() / 24).toFixed(1)} after ${((performance.now() - t0) / 1000).toFixed(0)} s, ${run.eventsProcessed()} events`, repro });
      else {
        for (const c of run.checks()) if (!c.holds) tally.findings.push({ kind: 'check', what: `${c.title}: ${c.detail}`, repro });
        for (const f of valueFaults(run.table())) tally.findings.push({ kind: 'value', what: f, repro });
      }
    } catch (e) {
      tally.findings.push({ kind: 'crash', what: e instanceof Error ? e.message : String(e), repro });
    }
    o.onTrial?.(tally);
  }
  return tally;
}

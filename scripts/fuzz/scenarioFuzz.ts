/**
 * Random combinations of parameters, each within its schema range, over every preset, short and
 * small: what a test of hand-picked scenarios misses (0.22.1 found three faults this way; at 0.27.0,
 * 3,000 trials of seed 11, 2,153 runs, found none). Each trial moves 2-15 scalar parameters of a
 * random preset (to an end of its range, into its slider's range, or log-uniformly over the whole
 * range) and, since 0.28.0, sets some whole values as the dashboard's editors write them
 * (structuredEdits.ts: a distribution of another shape, a weight map, the classes that rent spot,
 * 1-3 scheduled events of a kind), runs 5-30 days (`maxDays`) at scale 0.05-0.2, and reports what
 * a user would call a fault, with the command that reproduces it:
 *  - a crash (an exception from the core);
 *  - a model check that fails (Little's law, every order accounted for, ...: model/runChecks.ts);
 *  - an infinite value outside the payback and wait columns, or NaN in a count column;
 *  - a run cut at the wall or heap budget (a "slow" note, not a fault: the CLI's guards own those);
 *  - a run whose token left the ledger's range (a "stopped" note, not a fault: the run says why and
 *    keeps its days, sim/economy/tokenOutOfRange.ts).
 * A value the validator refuses with the others (a minimum above its maximum, shares over 1) is
 * dropped with the siblings it clashes with (dropRefused) and the rest tried again; scenarios still
 * refused are counted, by reason, and skipped.
 */
import seedrandom from 'seedrandom';
import { controlsFromJsonSchema, type ControlSpec } from '../../src/ui/lib/schemaControls.ts';
import { scheduleKindsFromJsonSchema, type ScheduleKind } from '../../src/ui/lib/scheduleKinds.ts';
import { drawDistribution, drawMultiChoice, drawNumber, drawSchedule, drawWeightMap, type Rng } from './structuredEdits.ts';
import { jsonSchema } from '../../src/cli/jsonSchema.ts';
import { PRESETS } from '../../src/sim/scenario/presets.ts';
import { applyOverrides } from '../../src/sim/scenario/overrides.ts';
import { validateScenario, type ScenarioIssue } from '../../src/sim/scenario/validate.ts';
import { createRun, type MetricTable } from '../../src/sim/run.ts';
import { TokenOutOfRange } from '../../src/sim/economy/tokenOutOfRange.ts';
import type { Scenario } from '../../src/sim/scenario/schema.ts';

export interface Finding {
  kind: 'crash' | 'check' | 'value' | 'slow' | 'stopped';
  what: string;
  /** The CLI command that runs the same scenario and seed. */
  repro: string;
}

export interface FuzzTally {
  trials: number;
  ran: number;
  refused: number;
  /** Edits in the scenarios that ran (beyond horizon and scale), and how many of them set a whole value (structuredEdits). */
  edits: number;
  wholeEdits: number;
  /** Why scenarios were refused: the validator's message (numbers and list indexes blanked) and how often. */
  refusedFor: Map<string, number>;
  /** Trials skipped for size: a network or a demand past what the budgets here allow. */
  tooLarge: number;
  findings: Finding[];
}

export interface FuzzOptions {
  trials: number;
  seed: number;
  /** Wall seconds a run may take before it is cut (a "slow" note). */
  seconds?: number;
  /** The longest horizon drawn (days; 5 to this, default 30): a year reaches what the economy does over months. */
  maxDays?: number;
  /** Values within each parameter's typical range (its slider's) only: what users mostly try, where a fault matters most. */
  typical?: boolean;
  /** Live heap (bytes) past which a run is cut. */
  heapBytes?: number;
  /** Called after each trial. */
  onTrial?: (t: FuzzTally) => void;
}

/** The scalar parameters a trial may move (weight maps and distribution shapes are edited whole elsewhere). */
export function fuzzableControls(): ControlSpec[] {
  return controlsFromJsonSchema(jsonSchema()).filter((c) => ['number', 'integer', 'boolean', 'choice'].includes(c.kind) && !c.weightMapParent && !c.distParent && c.path !== 'horizonDays' && c.path !== 'scale');
}

/** The whole values a trial may edit (structuredEdits.ts): distributions, weight maps, lists of choices, scheduled events. */
export interface StructuredPools {
  dists: ControlSpec[];
  weightMaps: ControlSpec[][];
  multiChoices: ControlSpec[];
  schedules: ScheduleKind[];
}

export function structuredPools(): StructuredPools {
  const schema = jsonSchema();
  const all = controlsFromJsonSchema(schema);
  const maps = new Map<string, ControlSpec[]>();
  for (const c of all) if (c.weightMapParent) maps.set(c.weightMapParent, [...(maps.get(c.weightMapParent) ?? []), c]);
  return {
    dists: all.filter((c) => c.kind === 'distribution'),
    weightMaps: [...maps.values()],
    multiChoices: all.filter((c) => c.kind === 'multiChoice'),
    schedules: scheduleKindsFromJsonSchema(schema),
  };
}

/** 0-4 edits of whole values, as `path=JSON`: each kind of edit in about a third of the trials. */
export function structuredEdits(p: StructuredPools, horizonDays: number, rng: Rng, typical = false): string[] {
  const out: string[] = [];
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];
  const set = (path: string, v: unknown) => out.push(`${path}=${JSON.stringify(v)}`);
  if (rng() < 0.35) {
    const c = pick(p.dists);
    set(c.path, drawDistribution(c, rng, typical));
  }
  if (rng() < 0.3) {
    const m = pick(p.weightMaps);
    set(m[0].weightMapParent!, drawWeightMap(m, rng));
  }
  if (rng() < 0.15) {
    const c = pick(p.multiChoices);
    set(c.path, drawMultiChoice(c, rng));
  }
  if (rng() < 0.4) {
    const k = pick(p.schedules);
    set(k.path, drawSchedule(k, horizonDays, rng, typical));
  }
  return out;
}

/**
 * The edits `sets` (`path=value`, the first `fixed` kept) without those the validator refused: a
 * set goes when a refused path is its own, inside it (an event's field) or holds it; a refused
 * field nobody set was named for a sibling's value (a mean outside a new minimum and maximum,
 * shares summing over 1), so then the sets of its siblings go.
 */
export function dropRefused(sets: readonly string[], issues: readonly ScenarioIssue[], fixed: number): string[] {
  const pathOf = (x: string) => x.slice(0, x.indexOf('='));
  const parent = (path: string) => path.slice(0, path.lastIndexOf('.'));
  const refused = issues.map((i) => i.path);
  const hit = (path: string) =>
    refused.some((r) => r === path || r.startsWith(`${path}.`) || path.startsWith(`${r}.`) || (!sets.some((x) => pathOf(x) === r) && parent(r) === parent(path)));
  return sets.filter((x, i) => i < fixed || !hit(pathOf(x)));
}

/** A value for control c, within its range: an end, inside the slider's range, or log-uniform over the whole range. */
export function drawValue(c: ControlSpec, rng: () => number, typical = false): string {
  if (c.kind === 'boolean') return String(rng() < 0.5);
  if (c.kind === 'choice') return (c.options ?? [])[Math.floor(rng() * (c.options?.length ?? 0))] ?? '';
  return String(drawNumber({ ...c, kind: c.kind === 'integer' ? 'integer' : 'number' }, rng, typical));
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
  const pools = structuredPools();
  const budgetMs = (o.seconds ?? 60) * 1000;
  const heap = o.heapBytes ?? 1.5e9;
  const tally: FuzzTally = { trials: 0, ran: 0, refused: 0, edits: 0, wholeEdits: 0, tooLarge: 0, refusedFor: new Map(), findings: [] };
  for (let t = 0; t < o.trials; t++) {
    tally.trials++;
    const preset = pick(PRESETS);
    const days = 5 + Math.floor(rng() * ((o.maxDays ?? 30) - 4));
    const sets = [`horizonDays=${days}`, `scale=${pick([0.05, 0.1, 0.2])}`];
    const k = 2 + Math.floor(rng() * 14);
    for (let i = 0; i < k; i++) {
      const c = pick(controls);
      sets.push(`${c.path}=${drawValue(c, rng, o.typical)}`);
    }
    sets.push(...structuredEdits(pools, days, rng, o.typical));
    const seed = Math.floor(rng() * 1e6);
    // a value the validator refuses alongside the others (a minimum above the preset's maximum) is
    // dropped and the rest tried again, a few times, so most trials run rather than stop at the door
    let v = validateScenario(applyOverrides(preset.raw, sets));
    for (let retry = 0; !v.ok && retry < 4; retry++) {
      const keep = dropRefused(sets, v.issues, 2);
      if (keep.length === sets.length) break;
      sets.splice(0, sets.length, ...keep);
      v = validateScenario(applyOverrides(preset.raw, sets));
    }
    const repro = `depinsim run ${preset.name} --seed ${seed} ${sets.map((s) => `--set '${s}'`).join(' ')}`;
    if (!v.ok) {
      tally.refused++;
      for (const i of v.issues) {
        const why = `${i.path.replace(/\.\d+(?=\.|$)/g, '.N')}: ${i.message.replace(/-?\d[\d.e+-]*/g, '#')}`;
        tally.refusedFor.set(why, (tally.refusedFor.get(why) ?? 0) + 1);
      }
      o.onTrial?.(tally);
      continue;
    }
    const s: Scenario = v.scenario;
    // a network or a demand past a few thousand: the CLI's memory and time guards are tested on their own
    const joining = (s.supply.influxes ?? []).reduce((n, w) => n + w.providers, 0);
    // demand shocks may overlap: their multipliers' product bounds the peak
    const peak = s.demand.shocks.reduce((m, sh) => m * Math.max(1, sh.multiplier), 1);
    if ((s.supply.providers + joining) * s.scale > 20_000 || s.demand.baseRateJobsPerHour * s.scale * peak > 2_000) {
      tally.tooLarge++;
      o.onTrial?.(tally);
      continue;
    }
    const t0 = performance.now();
    tally.ran++;
    tally.edits += sets.length - 2;
    tally.wholeEdits += sets.filter((x) => /=[[{]/.test(x)).length;
    try {
      const run = createRun(s, seed);
      let cut = false;
      while (!run.done() && !cut) {
        run.advance(run.now() + 24, 200_000);
        cut = performance.now() - t0 > budgetMs || process.memoryUsage().heapUsed > heap;
      }
      if (cut) tally.findings.push({ kind: 'slow', what: `cut at day ${(run.now() / 24).toFixed(1)} after ${((performance.now() - t0) / 1000).toFixed(0)} s, ${run.eventsProcessed()} events`, repro });
      else {
        for (const c of run.checks()) if (!c.holds) tally.findings.push({ kind: 'check', what: `${c.title}: ${c.detail}`, repro });
        for (const f of valueFaults(run.table())) tally.findings.push({ kind: 'value', what: f, repro });
      }
    } catch (e) {
      const stopped = e instanceof TokenOutOfRange;
      tally.findings.push({ kind: stopped ? 'stopped' : 'crash', what: e instanceof Error ? e.message : String(e), repro });
    }
    o.onTrial?.(tally);
  }
  return tally;
}

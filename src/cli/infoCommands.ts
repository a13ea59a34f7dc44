/** `depinsim validate`, `scenarios` and `schema`. */
import { writeOutput } from './outputFiles.ts';
import { PRESETS } from '../sim/scenario/presets.ts';
import { scenarioHash } from '../sim/scenario/hash.ts';
import { parseScenario, ScenarioError } from '../sim/scenario/validate.ts';
import { controlSpecs, loadScenario } from './loadScenario.ts';
import { CliError, EXIT } from './errors.ts';
import { describePoint, planSweep } from './sweep.ts';
import { parseSweep } from './sweepSpec.ts';
import { checkCrossAxes, parseCross, refuseCrossWithoutSweep } from './crossSpec.ts';
import { parseSample } from './sampleSpec.ts';
import { jsonSchema } from './jsonSchema.ts';
import { BROWSER_MAX_PROVIDERS, providersBuilt } from '../sim/scenario/sizeLimits.ts';

export { jsonSchema };

/** `quiet`: the verdict is the exit code alone (problems still go to stderr). */
export function validateCommand(arg: string, sets: string[], sweeps: string[] = [], samples: string[] = [], quiet = false, crosses: string[] = []): number {
  const say = (line: string) => {
    if (!quiet) process.stdout.write(line);
  };
  // --cross as run reads it: with a sweep of one numeric parameter
  refuseCrossWithoutSweep(crosses, sweeps);
  if (crosses.length) checkCrossAxes(crosses.map(parseCross), sweeps.map(parseSweep));
  if (samples.length) {
    if (sweeps.length) throw new CliError('--sample and --sweep: give one');
    // every sampled value lies between its range's ends: the scenario at all the low ends and at all
    // the high ends, as `run --sample` would check each point before running any
    const ranges = samples.map(parseSample);
    const ends = [ranges.map((r) => (r.integer ? Math.ceil(r.lo) : r.lo)), ranges.map((r) => (r.integer ? Math.floor(r.hi) : r.hi))];
    const axes = ranges.map((r, d) => ({ path: r.path, values: ends.map((e) => e[d]) }));
    const plan = planSweep(arg, sets, axes, 1, ends);
    say(`ok: ${arg} with the sampled ranges is valid at their low and their high ends\n`);
    plan.points.forEach((p, k) => say(`  ${k === 0 ? 'low' : 'high'} ends (${describePoint(plan.axes, p.values)}): hash ${scenarioHash(p.scenario)}\n`));
    return EXIT.ok;
  }
  if (sweeps.length) {
    // every point of the grid, as `run --sweep` would check them before running any
    const plan = planSweep(arg, sets, sweeps.map(parseSweep), 1);
    say(`ok: ${arg} with the sweep is ${plan.points.length} valid scenarios\n`);
    plan.points.forEach((p, k) => say(`  point ${k + 1} (${describePoint(plan.axes, p.values)}): hash ${scenarioHash(p.scenario)}\n`));
    return EXIT.ok;
  }
  const s = loadScenario(arg, sets);
  // a scenario's control is run as its edits over the scenario (run --control, the dashboard's
  // Pin control): check it here too, so a mistyped path shows now rather than at that run
  const control = s.control;
  let controlHash = '';
  if (control) {
    try {
      controlHash = scenarioHash(loadScenario(arg, [...controlSpecs(control.set), ...sets]));
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      throw new ScenarioError(
        e.issues.map((i) => ({ path: `control.set (${control.name}): ${i.path}`, message: i.message })),
        arg,
      );
    }
  }
  say(`ok: ${arg} is a valid scenario ('${s.name}', hash ${scenarioHash(s)})${control ? `; its control '${control.name}' too (hash ${controlHash})` : ''}\n`);
  // valid here, but too large for a browser tab: say so before someone opens it in the dashboard
  const built = providersBuilt(s);
  if (built > BROWSER_MAX_PROVIDERS) {
    const n = (x: number) => x.toLocaleString('en-US');
    say(`note: the dashboard refuses it: its network of ${n(built)} providers is more than the ${n(BROWSER_MAX_PROVIDERS)} a browser tab holds; run it with depinsim run\n`);
  }
  return EXIT.ok;
}

export function scenariosCommand(): number {
  // names padded to the longest, so the horizons and hashes line up
  const width = Math.max(...PRESETS.map((p) => p.name.length)) + 1;
  for (const p of PRESETS) {
    const s = parseScenario(p.raw, `preset '${p.name}'`);
    process.stdout.write(`${p.name.padEnd(width)} ${s.horizonDays} days  hash ${scenarioHash(s)}\n  ${p.question}\n`);
  }
  return EXIT.ok;
}


export function schemaCommand(out?: string): number {
  const text = JSON.stringify(jsonSchema(), null, 2) + '\n';
  if (out) writeOutput(out, text);
  else process.stdout.write(text);
  return EXIT.ok;
}

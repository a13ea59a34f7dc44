/**
 * depinsim CLI: headless runs with the same engine as the dashboard.
 *
 *   depinsim run <scenario file or preset> [--seed N] [--days D] [--scale X] [--set path=value ...]
 *                [--out file.csv] [--leases leases.csv] [--providers providers.csv] [--quiet] [--control]
 *   depinsim run <scenario file or preset> [--seed S] --runs N | --seeds 1-10 [...] [--out file.csv]   (replications)
 *                [--bands bands.csv [--band-level 50|80|90|95]]   (with --runs or --seeds, also with --sweep)
 *   depinsim run <scenario file or preset> --sweep path=a,b,c [--sweep ...] [--runs N | --seeds ...]   (a parameter grid)
 *   depinsim validate <file> [--set path=value ...]
 *   depinsim scenarios
 *   depinsim schema [--out file.json]
 *
 * Exit codes (scripts can rely on them): 0 success; 1 the run failed (an invariant broke);
 * 2 bad input (usage, unreadable or invalid scenario, bad option).
 */
import { parseArgs } from 'node:util';
import { didYouMean } from '../sim/scenario/closestNames.ts';
import { runCommand } from './runCommand.ts';
import { validateCommand, scenariosCommand, schemaCommand } from './infoCommands.ts';
import { refuseUnread, sizeSets } from './commandFlags.ts';
import { CliError, EXIT, Interrupted } from './errors.ts';
import { ScenarioError } from '../sim/scenario/validate.ts';

const USAGE = `usage:
  depinsim run <scenario.json | preset> [--seed N] [--days D] [--scale X] [--set path=value ...]
               [--out results.csv] [--leases leases.csv] [--providers providers.csv] [--quiet]
               [--control]   the scenario's control run instead (its "control": the same scenario
               without the shock, to read the run against; also with --seeds and --sweep)
  depinsim run <scenario.json | preset> [--seed S] --runs N | --seeds 1-10 [--threads T] [--days D]
               [--scale X] [--set ...] [--out all.csv] [--bands bands.csv [--band-level L]]
               replications in parallel (N runs: seed S, 1 by default, and N-1 seeds derived from
               it, as the dashboard's Monte Carlo runs; or the seeds listed; T: one per core by
               default): one CSV with a seed column, each summary figure's mean with its 95%
               interval, and with --bands each column's mean, p10, p50 and p90 per day
               (L: % of runs in the band, 80 by default; 50, 90, 95 give p25/p75, p5/p95, p2_5/p97_5)
  depinsim run <scenario.json | preset> --sweep path=a,b,c [--sweep path=start:stop:step ...]
               [--seed N [--runs K] | --seeds 1-5] [--threads T] [--set ...] [--out sweep.csv] [--bands b.csv]
               [--band-level L]   every point of the grid (per seed), in parallel: one CSV with
               point, value and seed columns, and a table of each point's summary figures
               [--cross figure=value ...]   with one numeric parameter: where each figure's mean
               (the payback's median) crosses the value (a break-even: --cross payback=24), linear
               between the points around it
  depinsim run <scenario.json | preset> --sample path=low:high [--sample ...] [--seed S] --runs N
               [--threads T] [--set ...] [--out runs.csv] [--bands b.csv]   uncertain parameters:
               N runs, each with its own values (a latin hypercube over the ranges) and seed: the
               sweep's CSV, bands across all runs, and each parameter's rank correlation with each
               summary figure
  depinsim run <scenario.json | preset> --sample path=low:high [--sample ...] [--seed S] --sobol N
               [--threads T] [--set ...] [--out runs.csv] [--bands b.csv]   variance-based
               sensitivity: Saltelli's design of N rows on a scrambled Sobol sequence (N x
               (parameters + 3) runs, each row one seed and a replicate on another; up to 32
               parameters; N a power of two is most even): each parameter's Sobol indices for each
               summary figure, first-order and total, and the seeds' share, with 95% bootstrap intervals
  depinsim validate <scenario.json | preset> [--days D] [--scale X] [--set path=value ...] [--sweep path=values ... [--cross figure=value ...] | --sample path=low:high ...] [--quiet]
  depinsim scenarios            list the bundled presets and the question each answers
  depinsim schema [--out f]     JSON Schema of scenario files (for editors)
  depinsim help                 this text (also --help, -h)
exit codes: 0 ok, 1 run failed, 2 bad input, 130 interrupted (nothing written)`;

const OPTIONS = {
  seed: { type: 'string' },
  seeds: { type: 'string' },
  runs: { type: 'string' },
  threads: { type: 'string' },
  sweep: { type: 'string', multiple: true },
  cross: { type: 'string', multiple: true },
  sample: { type: 'string', multiple: true },
  sobol: { type: 'string' },
  bands: { type: 'string' },
  'band-level': { type: 'string' },
  days: { type: 'string' },
  scale: { type: 'string' },
  set: { type: 'string', multiple: true },
  out: { type: 'string', short: 'o' },
  leases: { type: 'string' },
  providers: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  control: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * `--seed -1` as `--seed=-1`: parseArgs takes a value that starts with '-' for an option and calls
 * it ambiguous, where a negative number given to an option that takes a value is a value (wrong for
 * most, and then the option's own check says what it accepts).
 */
function negativeValuesJoined(argv: string[]): string[] {
  const valued = new Set<string>();
  for (const [name, o] of Object.entries(OPTIONS)) if (o.type === 'string') valued.add(`--${name}`);
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const next = argv[i + 1];
    if (valued.has(argv[i]) && next !== undefined && /^-(\d|\.\d)/.test(next)) {
      out.push(`${argv[i]}=${next}`);
      i++;
    } else out.push(argv[i]);
  }
  return out;
}

const COMMANDS = ['run', 'validate', 'scenarios', 'schema', 'help'];

/**
 * parseArgs's message, with an unknown option's likeliest meaning in place of its advice on
 * positionals that start with '-' (which no command of depinsim takes): "unknown option '--seeed'
 * (did you mean --seed?)".
 */
function parseArgsMessage(err: Error & { code?: string }): string {
  const unknown = err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /'(-[^']*)'/.exec(err.message)?.[1] : undefined;
  if (unknown === undefined) return err.message;
  const long = Object.keys(OPTIONS).map((k) => `--${k}`);
  return `unknown option '${unknown}'${didYouMean(long, unknown.replace(/=.*$/, ''))}`;
}

export async function main(argv: string[]): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: negativeValuesJoined(argv),
      allowPositionals: true,
      strict: true,
      options: OPTIONS,
    });
    const [cmd, ...rest] = positionals;
    // `depinsim help`, as git and npm take it, is asking for the usage too
    if (values.help || !cmd || cmd === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return cmd || values.help ? EXIT.ok : EXIT.badInput;
    }
    switch (cmd) {
      case 'run':
        return await runCommand(one(rest, 'run'), values);
      case 'validate':
        refuseUnread('validate', values, ['set', 'days', 'scale', 'sweep', 'cross', 'sample', 'quiet']);
        // --days and --scale after the --set edits, as run takes them: the hash printed is the run's
        return validateCommand(one(rest, 'validate'), [...(values.set ?? []), ...sizeSets(values)], values.sweep ?? [], values.sample ?? [], values.quiet, values.cross ?? []);
      case 'scenarios':
        refuseUnread('scenarios', values, []);
        return scenariosCommand();
      case 'schema':
        refuseUnread('schema', values, ['out']);
        return schemaCommand(values.out);
      default:
        throw new CliError(`unknown command '${cmd}'${didYouMean(COMMANDS, cmd)} (commands: ${COMMANDS.join(', ')})`);
    }
  } catch (e) {
    if (e instanceof ScenarioError) {
      process.stderr.write(`${e.message}\n`);
      return EXIT.badInput;
    }
    if (e instanceof Interrupted) {
      process.stderr.write(`depinsim: ${e.message}\n`);
      return EXIT.interrupted;
    }
    if (e instanceof CliError) {
      process.stderr.write(`depinsim: ${e.message}\n`);
      return EXIT.badInput;
    }
    const err = e as Error & { code?: string };
    if (err.code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`depinsim: ${parseArgsMessage(err)}\n${USAGE}\n`);
      return EXIT.badInput;
    }
    process.stderr.write(`depinsim: run failed: ${err.message}\n`);
    if (process.env.DEPINSIM_DEBUG) process.stderr.write(`${err.stack}\n`);
    return EXIT.runFailed;
  }
}

function one(rest: string[], cmd: string): string {
  if (rest.length !== 1) throw new CliError(`'${cmd}' takes exactly one scenario (a file or a preset name), got ${rest.length}`);
  return rest[0];
}

// `npm run calibrate [-- <scenario file or preset>] [--traces DIR] [--json]`: the scenario's demand
// (default: baseline) against the real GPU job traces in ../shared/data/traces.
import { readFileSync, existsSync } from 'node:fs';
import { findPreset } from '../src/sim/scenario/presets.ts';
import { parseScenario } from '../src/sim/scenario/validate.ts';
import { calibrate, calibrationMarkdown } from './calibrationReport.ts';
import { DEFAULT_TRACE_DIR, readTraces } from './traceFiles.ts';

function main(argv: string[]): void {
  let dir = DEFAULT_TRACE_DIR;
  let json = false;
  let name = 'baseline';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') json = true;
    else if (a === '--traces') dir = argv[++i] ?? '';
    else if (a.startsWith('--')) throw new Error(`unknown option ${a} (options: --traces DIR, --json)`);
    else name = a;
  }
  const preset = findPreset(name);
  const raw: unknown = preset ? preset.raw : existsSync(name) ? JSON.parse(readFileSync(name, 'utf8')) : undefined;
  if (raw === undefined) throw new Error(`'${name}' is neither a preset nor a scenario file`);
  const s = parseScenario(raw);
  const c = calibrate(s, readTraces(dir));
  process.stdout.write(json ? `${JSON.stringify({ scenario: name, traces: dir, ...c }, null, 1)}\n` : `${calibrationMarkdown(c, name)}\n`);
}

try {
  main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`calibrate: ${(e as Error).message}\n`);
  process.exit(1);
}

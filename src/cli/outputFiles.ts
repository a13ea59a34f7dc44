/**
 * Output files of the CLI. A run can take many minutes, so a path that cannot be written is refused
 * before the run starts, not discovered when its results are ready and lost; a write that still fails
 * (a full disk) names the file. Both are bad input for scripts (exit 2), like an unreadable scenario.
 */
import { accessSync, constants, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CliError } from './errors.ts';

/**
 * Checks the output files given ([flag, path or undefined]): each must be writable, and no two may be
 * the same file (one would overwrite the other at the end of the run).
 */
export function checkOutputs(outputs: [string, string | undefined][]): void {
  const seen = new Map<string, string>();
  for (const [flag, path] of outputs) {
    if (path === undefined) continue;
    const full = resolve(path);
    const other = seen.get(full);
    if (other) throw new CliError(`${other} and ${flag} name the same file, ${path}: give each its own`);
    seen.set(full, flag);
    checkWritable(flag, path);
  }
}

/** Throws a CliError naming `flag` and `path` unless the file (and its .meta.json sidecar) can be written. */
function checkWritable(flag: string, path: string): void {
  const full = resolve(path);
  const why = reasonNotWritable(full) ?? reasonNotWritable(`${full}.meta.json`, true);
  if (why) throw new CliError(`${flag}: cannot write ${path}: ${why}`);
}

function reasonNotWritable(full: string, sidecar = false): string | null {
  try {
    const st = statSync(full, { throwIfNoEntry: false });
    if (st) {
      if (st.isDirectory()) return sidecar ? `${full} is a directory` : 'it is a directory';
      accessSync(full, constants.W_OK);
      return null;
    }
    const dir = dirname(full);
    const d = statSync(dir, { throwIfNoEntry: false });
    if (!d) return `no such directory ${dir}`;
    if (!d.isDirectory()) return `${dir} is not a directory`;
    accessSync(dir, constants.W_OK);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

/** writeFileSync, with a failure reported as a CliError naming the file. */
export function writeOutput(path: string, data: string): void {
  try {
    writeFileSync(path, data);
  } catch (e) {
    throw new CliError(`cannot write ${path}: ${(e as Error).message}`);
  }
}

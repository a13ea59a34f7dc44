/**
 * Output files of the CLI. A run can take many minutes, so a path that cannot be written is refused
 * before the run starts, not discovered when its results are ready and lost; a write that still fails
 * (a full disk) names the file. Both are bad input for scripts (exit 2), like an unreadable scenario.
 *
 * Every output is staged: written to `<file>.partial` beside it and renamed over `<file>` only when
 * complete, so a run that fails, is interrupted or fills the disk leaves the previous `<file>` as it
 * was (a researcher re-running into the same path keeps yesterday's results), never a truncated one.
 * The old `.meta.json` sidecar is removed before the new file takes its place and the new one written
 * after, so a file never sits beside a sidecar that describes another run. Targets that are not
 * regular files (/dev/stdout, a named pipe) are written in place, since they cannot be renamed over,
 * and get no sidecar: /dev/stdout.meta.json would be a stray file in /dev, not provenance.
 */
import { accessSync, closeSync, constants, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
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
  const why = reasonNotWritable(full) ?? (isSpecial(full) ? null : reasonNotWritable(`${full}.meta.json`, true));
  if (why) throw new CliError(`${flag}: cannot write ${path}: ${why}`);
}

function reasonNotWritable(full: string, sidecar = false): string | null {
  try {
    const st = statSync(full, { throwIfNoEntry: false });
    if (st?.isDirectory()) return sidecar ? `${full} is a directory` : 'it is a directory';
    // a read-only file is refused, as a sign it is meant to be kept
    if (st) accessSync(full, constants.W_OK);
    if (st && !st.isFile()) return null; // a device or a pipe, written in place
    // a regular file is replaced by a rename from beside it, so its directory must be writable
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

/** True for an existing path that is not a regular file (a device, a pipe): written in place, no sidecar. */
function isSpecial(path: string): boolean {
  const st = statSync(path, { throwIfNoEntry: false });
  return st !== undefined && !st.isFile() && !st.isDirectory();
}

/** An output being written: append bytes, then publish it under its name, or discard it. */
export interface StagedOutput {
  write(bytes: Uint8Array): void;
  /** Bytes written so far. */
  written(): number;
  /** True for a device or pipe, written in place (it takes no disk space). */
  readonly inPlace: boolean;
  /** Puts the finished file in place; its sidecar (if given) is written after it (none for a device or pipe). */
  publish(sidecar?: string): void;
  /** Closes and removes what was written (the previous file at the path stays as it was). */
  discard(): void;
}

/** The reason in the user's terms: Node's message names the staged `.partial` file, not theirs. */
function cannotWrite(path: string, e: unknown): CliError {
  const err = e as NodeJS.ErrnoException;
  const why: Record<string, string> = {
    ENOENT: `no such directory ${dirname(resolve(path))}`,
    EACCES: 'permission denied',
    EISDIR: 'it is a directory',
    ENOSPC: 'ENOSPC: no space left on device',
  };
  return new CliError(`cannot write ${path}: ${(err.code && why[err.code]) ?? err.message}`);
}

/** Opens `path` for writing, staged (see the header) unless it exists and is not a regular file. */
export function stageOutput(path: string): StagedOutput {
  const inPlace = isSpecial(path);
  const target = inPlace ? path : `${path}.partial`; // the name it has until it is complete
  let fd = -1;
  try {
    fd = openSync(target, 'w');
  } catch (e) {
    throw cannotWrite(path, e);
  }
  const close = () => {
    if (fd < 0) return;
    const f = fd;
    fd = -1;
    closeSync(f);
  };
  let total = 0;
  return {
    inPlace,
    written: () => total,
    write(bytes) {
      try {
        for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off);
      } catch (e) {
        throw cannotWrite(path, e);
      }
      total += bytes.length;
    },
    publish(sidecar) {
      try {
        close();
        if (inPlace) return;
        if (sidecar !== undefined) rmSync(`${path}.meta.json`, { force: true });
        renameSync(target, path);
      } catch (e) {
        throw cannotWrite(path, e);
      }
      if (sidecar !== undefined) writeOutput(`${path}.meta.json`, sidecar);
    },
    discard() {
      close();
      if (!inPlace) rmSync(target, { force: true });
    },
  };
}

/** Writes a whole output (staged), then its sidecar; a failure names the file and leaves the old one. */
export function writeOutput(path: string, data: string, sidecar?: string): void {
  const out = stageOutput(path);
  try {
    out.write(Buffer.from(data, 'utf8'));
    out.publish(sidecar);
  } catch (e) {
    out.discard();
    throw e;
  }
}

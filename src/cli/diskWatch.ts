/**
 * Watches the disk under a streamed output (the per-lease file, a row per lease as it ends). At large
 * scale that file is the run's biggest product: about 200 MB for the baseline year at 1x, so some
 * 10 GB at 50x. A disk that fills stops the run with nothing written (outputs are staged), possibly
 * after many minutes, so the run warns once, early, when the file's growth so far carried to the
 * horizon needs more than the disk has free: the user can stop it and make room, or drop --leases.
 */
import { statfsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Project only between these shares of the horizon: early days are warm-up, and late warnings are too late to act on. */
const PROJECT_FROM = 0.05;
const PROJECT_UNTIL = 0.9;

/** Bytes the output will still need by the horizon at its pace so far, or null before there is a pace to go on. */
export function bytesStillNeeded(written: number, day: number, horizonDays: number): number | null {
  if (!(day >= PROJECT_FROM * horizonDays && day <= PROJECT_UNTIL * horizonDays) || written <= 0) return null;
  return (written / day) * (horizonDays - day);
}

const size = (bytes: number) => (bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(1)} GB` : `${Math.max(1, Math.round(bytes / 2 ** 20))} MB`);

export function diskWarnMessage(path: string, written: number, needed: number, free: number, horizonDays: number): string {
  return (
    `warning: at this pace ${path} grows to about ${size(written + needed)} by day ${horizonDays}, and its disk has ${size(free)} free: ` +
    `the run would stop when the disk fills, with nothing written; stop it (Ctrl-C) and make room, or run without --leases`
  );
}

/** Free bytes on the file system holding `path` (statfs; null where the platform cannot say). */
export function freeBytesAt(path: string): number | null {
  try {
    const s = statfsSync(dirname(resolve(path)));
    return s.bavail * s.bsize;
  } catch {
    return null;
  }
}

export class DiskWatch {
  private warned = false;

  constructor(
    private path: string,
    private horizonDays: number,
    private warn: (message: string) => void,
    private free: (path: string) => number | null = freeBytesAt,
  ) {}

  /** After a slice: `written` bytes so far at simulated `day`. Warns at most once. */
  check(written: number, day: number): void {
    if (this.warned) return;
    const needed = bytesStillNeeded(written, day, this.horizonDays);
    if (needed === null) return;
    const free = this.free(this.path);
    // keep a margin: the sidecars and the other outputs are written at the end too
    if (free === null || needed < 0.95 * free) return;
    this.warned = true;
    this.warn(diskWarnMessage(this.path, written, needed, free, this.horizonDays));
  }
}

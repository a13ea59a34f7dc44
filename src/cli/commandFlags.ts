/**
 * Flags more than one command reads: `--days` and `--scale` as the edits they stand for (run and
 * validate alike, so validate's hash is the run's), an integer flag's check, and the refusal of a
 * flag a command does not read: parseArgs takes every flag of every command, and one that a command
 * ignored (`validate --scale 150` printed the hash at scale 1) would mislead, as a typo would.
 */
import { CliError } from './errors.ts';
import { jsonSchema } from './jsonSchema.ts';

/** An integer flag within [min, max]; `def` when it is not given. */
export function intFlag(name: string, v: string | undefined, def: number, min: number, max: number): number {
  if (v === undefined) return def;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new CliError(`--${name}: expected an integer in [${min}, ${max}], got '${v}'`);
  return n;
}

/** `--days D` and `--scale X` as --set edits (horizonDays, scale), checked as the flags they are. */
export function sizeSets(f: { days?: string; scale?: string }): string[] {
  const sets: string[] = [];
  if (f.days !== undefined) sets.push(`horizonDays=${intFlag('days', f.days, 0, 1, 3650)}`);
  if (f.scale !== undefined) {
    const x = f.scale.trim() === '' ? NaN : Number(f.scale);
    // the schema's range, said as the flag's own (it would otherwise read as a --set's error)
    const { minimum, maximum } = (jsonSchema() as { properties: { scale: { minimum: number; maximum: number } } }).properties.scale;
    if (!(x >= minimum && x <= maximum)) throw new CliError(`--scale: expected a number in [${minimum}, ${maximum}] (times the scenario's providers and demand), got '${f.scale}'`);
    sets.push(`scale=${x}`);
  }
  return sets;
}

/** Refuses any flag given to `command` but not in `reads` (the flags it reads). */
export function refuseUnread(command: string, given: Record<string, unknown>, reads: readonly string[]): void {
  const unread = Object.keys(given).filter((k) => given[k] !== undefined && !reads.includes(k));
  if (unread.length === 0) return;
  const list = unread.map((k) => `--${k}`).join(', ');
  const takes = reads.length ? `; it takes ${reads.map((k) => `--${k}`).join(', ')}` : '; it takes none';
  throw new CliError(`'${command}' does not use ${list}${takes}`);
}

/**
 * The real GPU job traces the project keeps beside the checkout (../shared/data/traces: reference
 * data, never committed here), read into plain arrays for bench/calibration.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';

/** Where the traces are when the shared folder sits beside the checkout. */
export const DEFAULT_TRACE_DIR = fileURLToPath(new URL('../../shared/data/traces', import.meta.url));

export const PHILLY_FILE = 'philly_runtime.csv';
export const OPENB_PODS_FILE = 'openb_pod_default.csv';

export function tracesPresent(dir = DEFAULT_TRACE_DIR): boolean {
  return existsSync(join(dir, PHILLY_FILE)) && existsSync(join(dir, OPENB_PODS_FILE));
}

export interface Traces {
  dir: string;
  /** Microsoft Philly job runtimes, hours (83,154 jobs). */
  phillyHours: Float64Array;
  /** Alibaba openb 2023 pods (8,152): creation time (hours from trace start), lifetime (hours; NaN if never deleted), GPUs asked (a fraction counts as its share of one GPU). */
  openb: { createdHours: Float64Array; lifetimeHours: Float64Array; gpus: Float64Array };
}

function rows(dir: string, file: string, columns: string[]): Record<string, string>[] {
  const path = join(dir, file);
  if (!existsSync(path)) throw new Error(`trace file not found: ${path} (the traces live in ../shared/data/traces beside the checkout; --traces DIR points elsewhere)`);
  const parsed = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true, delimiter: ',' });
  if (parsed.errors.length) throw new Error(`${path}: ${parsed.errors[0].message} (row ${parsed.errors[0].row})`);
  const have = parsed.meta.fields ?? [];
  const missing = columns.filter((c) => !have.includes(c));
  if (missing.length) throw new Error(`${path}: missing column(s) ${missing.join(', ')} (has ${have.join(', ')})`);
  return parsed.data;
}

function num(path: string, row: number, column: string, v: string): number {
  const x = Number(v);
  if (v === '' || !Number.isFinite(x)) throw new Error(`${path}: row ${row + 2}, column ${column}: '${v}' is not a number`);
  return x;
}

export function readTraces(dir = DEFAULT_TRACE_DIR): Traces {
  const philly = rows(dir, PHILLY_FILE, ['runtime']);
  const phillyHours = Float64Array.from(philly, (r, i) => num(PHILLY_FILE, i, 'runtime', r.runtime) / 3600);
  const pods = rows(dir, OPENB_PODS_FILE, ['creation_time', 'deletion_time', 'num_gpu', 'gpu_milli']);
  const createdHours = new Float64Array(pods.length);
  const lifetimeHours = new Float64Array(pods.length);
  const gpus = new Float64Array(pods.length);
  pods.forEach((r, i) => {
    const created = num(OPENB_PODS_FILE, i, 'creation_time', r.creation_time);
    createdHours[i] = created / 3600;
    lifetimeHours[i] = r.deletion_time === '' ? NaN : (num(OPENB_PODS_FILE, i, 'deletion_time', r.deletion_time) - created) / 3600;
    const n = num(OPENB_PODS_FILE, i, 'num_gpu', r.num_gpu);
    const milli = num(OPENB_PODS_FILE, i, 'gpu_milli', r.gpu_milli);
    gpus[i] = n === 1 && milli < 1000 ? milli / 1000 : n;
  });
  return { dir, phillyHours, openb: { createdHours, lifetimeHours, gpus } };
}

/**
 * Entry bundled for a Chromium Web Worker by browserCoreRun.ts: the same bare typed-array heap loop
 * as the Node bench (mmcLoops.ts) and the baseline year through the core alone (no UI, no row
 * streaming), so the core's speed in the browser's JavaScript engine, where the dashboard runs it,
 * can be put on the same reference scale as the Node figure.
 */
import { bareLoop } from './mmcLoops.ts';
import { createRun } from '../src/sim/run.ts';
import { findPreset } from '../src/sim/scenario/presets.ts';
import { applyOverrides } from '../src/sim/scenario/overrides.ts';
import { parseScenario } from '../src/sim/scenario/validate.ts';

export interface CoreYear {
  events: number;
  seconds: number;
  /** The bare loop's events/s timed just before the year, in the same worker. */
  bareEventsPerSecond: number;
}

const HORIZON = 11111.1;

export function measureYear(days: number): CoreYear {
  // once to compile it (the Node bench times it in a process where it already ran), then timed
  bareLoop(HORIZON / 4);
  const bare = bareLoop(HORIZON).eventsPerSecond;
  const s = parseScenario(applyOverrides(findPreset('baseline')!.raw, [`horizonDays=${days}`]));
  const t0 = performance.now();
  const run = createRun(s, 1);
  while (!run.done()) run.advance(run.now() + 24 * 7);
  const seconds = (performance.now() - t0) / 1000;
  return { events: run.eventsProcessed(), seconds, bareEventsPerSecond: bare };
}

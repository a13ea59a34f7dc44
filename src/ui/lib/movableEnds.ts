/**
 * The parameters a sensitivity run can move (one at a time, or all at once): each control's ends at
 * its page value x (1 - f) and x (1 + f) (tornadoPlan.ts' tornadoEnds), kept only when the page's
 * scenario with either end alone validates; the rest are left out with the reason, for the panel
 * to say.
 */
import { validateForBrowser } from '../../sim/scenario/sizeLimits.ts';
import type { Scenario } from '../../sim/scenario/schema.ts';
import type { ControlSpec } from './schemaControls.ts';
import { tornadoEnds, type TornadoParam } from './tornadoPlan.ts';

export type End = 'low' | 'high';

export interface MovableParam {
  control: ControlSpec;
  param: TornadoParam;
  /** The page's scenario with this end, raw and validated. */
  ends: Record<End, { raw: unknown; scenario: Scenario }>;
}

export interface SkippedParam {
  path: string;
  label: string;
  reason: string;
}

export function movableEnds(
  controls: readonly ControlSpec[],
  valueOf: (path: string) => unknown,
  fraction: number,
  rawWith: (c: ControlSpec, v: number) => unknown,
): { movable: MovableParam[]; skipped: SkippedParam[] } {
  const movable: MovableParam[] = [];
  const skipped: SkippedParam[] = [];
  for (const c of controls) {
    const v = Number(valueOf(c.path));
    const at = tornadoEnds(c, v, fraction);
    if ('reason' in at) {
      skipped.push({ path: c.path, label: c.label, reason: at.reason });
      continue;
    }
    const ends: Partial<MovableParam['ends']> = {};
    let bad: string | null = null;
    for (const end of ['low', 'high'] as const) {
      const raw = rawWith(c, at[end]);
      const r = validateForBrowser(raw);
      if (!r.ok) {
        bad = `${at[end]}: ${r.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`;
        break;
      }
      ends[end] = { raw, scenario: r.scenario };
    }
    if (bad) skipped.push({ path: c.path, label: c.label, reason: bad });
    else movable.push({ control: c, param: { path: c.path, label: c.label, unit: c.unit, base: v, low: at.low, high: at.high }, ends: ends as MovableParam['ends'] });
  }
  return { movable, skipped };
}

/** Why nothing can be moved: every parameter's reason. */
export function noneMovable(fraction: number, skipped: readonly SkippedParam[]): string {
  return `no parameter could be moved by ±${Math.round(fraction * 100)}%: ${skipped.map((s) => `${s.path} (${s.reason})`).join('; ')}`;
}

/**
 * The scenario the page edits: a preset, the user's edits over it by dotted path and the seed, with
 * what they make (the raw scenario, its validation and hash) and the editing the controls do (the
 * edits' bookkeeping is lib/scenarioEdits.ts). The dashboard is one: Dashboard extends it (through
 * PageSettings and DashboardParts), so the components read and edit the scenario on the dashboard
 * itself; PageSettings says how edits are kept (persist).
 */
import { validateScenario } from '../../sim/scenario/validate.ts';
import { validateForBrowser } from '../../sim/scenario/sizeLimits.ts';
import { scenarioHash } from '../../sim/scenario/hash.ts';
import { applyEdits, getAt } from '../lib/paths.ts';
import type { ControlSpec } from '../lib/schemaControls.ts';
import { allControls } from '../lib/scenarioControls.ts';
import * as scenarioEdits from '../lib/scenarioEdits.ts';
import { PRESETS, presetByName, type Preset } from '../lib/presets.ts';

export abstract class PageScenario {
  readonly presets: Preset[] = PRESETS;
  get controls(): ControlSpec[] {
    return allControls();
  }

  preset = $state('baseline');
  edits = $state<Record<string, unknown>>({});
  seed = $state(1);

  presetObj = $derived(presetByName(this.preset) ?? PRESETS[0]);
  presetResolved = $derived.by(() => {
    const v = validateScenario(this.presetObj.raw);
    return v.ok ? v.scenario : null;
  });
  raw = $derived(applyEdits(this.presetObj.raw, this.edits));
  // the schema's rules and the browser's size limit (a network larger than a tab holds is refused here, not run)
  validation = $derived(validateForBrowser(this.raw));
  issues = $derived(this.validation.ok ? [] : this.validation.issues);
  issuesByPath = $derived.by(() => {
    const m = new Map<string, string[]>();
    for (const i of this.issues) m.set(i.path, [...(m.get(i.path) ?? []), i.message]);
    return m;
  });
  isCustom = $derived(Object.keys(this.edits).length > 0);
  horizonDays = $derived.by(() => {
    const v = getAt(this.raw, 'horizonDays');
    if (typeof v === 'number') return v;
    return this.presetResolved?.horizonDays ?? 365;
  });
  currentHash = $derived(this.validation.ok ? scenarioHash(this.validation.scenario) : null);

  /** Keeps the page's choices (the dashboard's: localStorage), called after every change of the scenario. */
  abstract persist(): void;

  /** The page's scenario (preset and edits) with one more edit: a sweep point. */
  rawWith(path: string, value: unknown): Record<string, unknown> {
    return this.rawWithEdits({ [path]: value });
  }

  /** The page's scenario with more edits (a point of a grid of two parameters). */
  rawWithEdits(more: Record<string, unknown>): Record<string, unknown> {
    return applyEdits(this.presetObj.raw, { ...($state.snapshot(this.edits) as Record<string, unknown>), ...more });
  }

  /** The value a control shows: the user's edit (even if invalid), else the preset's value. */
  valueOf(path: string): unknown {
    return scenarioEdits.valueOf(this, path);
  }

  /**
   * Whether the page's scenario has an optional group (`market.spot`): an edit of a field in it turns
   * it on; else an edit of the group itself decides; else the preset.
   */
  groupOn(path: string): boolean {
    return scenarioEdits.groupOn(this, path);
  }

  isEdited(path: string): boolean {
    return scenarioEdits.isEdited(this, path);
  }

  /** Records an edit (any value: validation reports bad ones next to the field). */
  setEdit(path: string, value: unknown): void {
    this.edits = scenarioEdits.withEdit(this, path, value);
    this.persist();
  }

  resetField(path: string): void {
    this.edits = scenarioEdits.withFieldReset(this, path);
    this.persist();
  }

  setSeed(v: number): void {
    this.seed = v;
    this.persist();
  }
}

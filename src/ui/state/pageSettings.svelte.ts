/**
 * The page's choices besides its scenario, kept across reloads with it (lib/persist.ts: localStorage):
 * the run settings (pace, auto-run, the number of Monte Carlo runs) and the view choices of the Monte
 * Carlo panels (band level, exceedance rules, the KPI "Is N enough?" follows) and the Sensitivity
 * and Sweep panels' forms; restoring them at start
 * and saving them, the scenario and the runs kept to compare after every change. The dashboard is one:
 * it extends PageScenario, and DashboardParts extends it, so the components read and set the choices on
 * the dashboard itself.
 */
import { DEFAULT_BAND_LEVEL, isBandLevel, type BandLevel } from '../../sim/metrics/bandLevel.ts';
import { KPIS } from '../lib/chartDefs/kpiDefs.ts';
import { DEFAULT_RULES, type ExceedanceRule } from '../lib/exceedance.ts';
import { loadPersisted, savePersisted, type Persisted } from '../lib/persist.ts';
import { presetByName } from '../lib/presets.ts';
import { defaultSensitivity, type SensitivityChoices } from '../lib/sensitivityChoices.ts';
import { defaultSweepChoices, type SweepChoices } from '../lib/sweepChoices.ts';
import type { KeptRuns } from './keptRuns.svelte.ts';
import { PageScenario } from './pageScenario.svelte.ts';

export abstract class PageSettings extends PageScenario {
  /** Simulated days per second; 0 = as fast as possible. */
  speed = $state(0);
  autoRun = $state(true);
  /** Monte Carlo runs: the seed and runs-1 seeds derived from it (runSeeds); more than one draws percentile bands. */
  runs = $state(1);
  /**
   * The level of every Monte Carlo band on the page (% of runs inside: 80 is the 10th-90th
   * percentile): the charts' fans, the KPI cards, the compare, sweep and convergence panels and
   * their exports. A view choice, kept across reloads.
   */
  bandLevel = $state<BandLevel>(DEFAULT_BAND_LEVEL);
  /** The exceedance rules of the Monte Carlo panel, and the KPI its "Is N enough?" chart follows (kept across reloads). */
  riskRules = $state<ExceedanceRule[]>(DEFAULT_RULES.map((r) => ({ ...r })));
  convergenceKpi = $state('utilization');
  /** The Sensitivity panel's form (kept across reloads: the runs are too, so the same choices run again from memory). */
  sensitivity = $state<SensitivityChoices>(defaultSensitivity());
  /** The Sweep panel's form, kept alike. */
  sweepForm = $state<SweepChoices>(defaultSweepChoices());
  /** How often each panel was asked to open (a share link set its form): the panel opens as its count goes up. */
  panelAsks = $state({ sweep: 0, sensitivity: 0 });

  askPanel(panel: 'sweep' | 'sensitivity'): void {
    this.panelAsks[panel]++;
  }

  /** The runs kept to compare (DashboardParts'): kept across reloads with the choices, as references. */
  abstract readonly keptRuns: KeptRuns;

  /**
   * Restores the view choices of the last visit (they are not part of a shared run, so they come
   * back even when a link opens the page). Called before a link is applied: applying one saves the
   * page's choices, which would otherwise write the defaults over the stored ones (before 0.27.0 a
   * share link wiped the reader's exceedance rules, band level, Sweep and Sensitivity forms and the
   * runs kept to compare). Returns what was stored (its runs kept to compare, its scenario).
   */
  protected restoreView(): Partial<Persisted> {
    const view = loadPersisted(globalThis.localStorage);
    if (view.rules) this.riskRules = view.rules.map((r) => ({ ...r, kpi: KPIS.some((k) => k.id === r.kpi) ? r.kpi : KPIS[0].id }));
    if (view.convergenceKpi && KPIS.some((k) => k.id === view.convergenceKpi)) this.convergenceKpi = view.convergenceKpi;
    if (view.bandLevel !== undefined) this.bandLevel = view.bandLevel;
    if (view.sensitivity) this.sensitivity = view.sensitivity;
    if (view.sweep) this.sweepForm = view.sweep;
    return view;
  }

  /** Restores the scenario and run settings of the last visit (`p`: what restoreView returned), when no share link set them. */
  protected restoreScenario(p: Partial<Persisted>): void {
    if (p.preset && presetByName(p.preset)) this.preset = p.preset;
    if (p.edits) this.edits = p.edits;
    if (p.seed !== undefined) this.seed = p.seed;
    if (p.speed !== undefined) this.speed = p.speed;
    if (p.autoRun !== undefined) this.autoRun = p.autoRun;
    if (p.runs !== undefined) this.runs = p.runs;
  }

  override persist(): void {
    savePersisted(globalThis.localStorage, {
      preset: this.preset,
      edits: $state.snapshot(this.edits) as Record<string, unknown>,
      seed: this.seed,
      speed: this.speed,
      autoRun: this.autoRun,
      runs: this.runs,
      rules: $state.snapshot(this.riskRules),
      convergenceKpi: this.convergenceKpi,
      bandLevel: this.bandLevel,
      compare: this.keptRuns.refs(),
      sensitivity: $state.snapshot(this.sensitivity),
      sweep: $state.snapshot(this.sweepForm),
    });
  }

  /** Sets the band level (a view choice: nothing re-runs, the bands are recomputed from the runs). */
  setBandLevel(level: number): void {
    if (!isBandLevel(level) || level === this.bandLevel) return;
    this.bandLevel = level;
    this.persist();
  }
}

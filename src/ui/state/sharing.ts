/**
 * Scenarios going out of the page and coming into it: the share link of the run on screen (with its
 * Monte Carlo runs, band level, the runs kept to compare and the Sweep and Sensitivity panels' forms), a share link opened, and a scenario
 * file opened (a scenario JSON, the dashboard's export, a CLI sidecar). What comes in becomes the
 * page's scenario as edits over a preset (lib/adoptScenario.ts); a link or file that does not hold a
 * valid scenario changes nothing and says why. No runes of its own: it sets the dashboard's.
 */
import { validateScenario } from '../../sim/scenario/validate.ts';
import { scenarioHash } from '../../sim/scenario/hash.ts';
import { VERSION } from '../../sim/version.ts';
import { DEFAULT_BAND_LEVEL, type BandLevel } from '../../sim/metrics/bandLevel.ts';
import { adoptScenario } from '../lib/adoptScenario.ts';
import type { KeptRef } from '../lib/keptRefs.ts';
import { readScenarioFile } from '../lib/openScenario.ts';
import { checkShare, checksum, decodeShare, encodeShare, SHARE_PARAM, tokenFromHash } from '../lib/share.ts';
import { defaultSweepChoices, type SweepChoices } from '../lib/sweepChoices.ts';
import { defaultSensitivity, type SensitivityChoices } from '../lib/sensitivityChoices.ts';
import type { KeptRuns } from './keptRuns.svelte.ts';
import type { Message } from './messages.svelte.ts';
import type { PageRun, RunInfo } from './pageRun.svelte.ts';

/** What sharing reads and sets of the dashboard (the dashboard is one). */
export interface SharingHost {
  readonly info: RunInfo | null;
  preset: string;
  edits: Record<string, unknown>;
  seed: number;
  runs: number;
  readonly bandLevel: BandLevel;
  /** The Sweep and Sensitivity panels' forms: in a link when not their defaults, set from a link that has them. */
  sweepForm: SweepChoices;
  sensitivity: SensitivityChoices;
  /** Opens a panel (a link set its form, so its reader sees it). */
  askPanel(panel: 'sweep' | 'sensitivity'): void;
  readonly keptRuns: KeptRuns;
  /** The run on screen: once it has its worker (init has run), runs to compare from a link are restored at once. */
  readonly pageRun: Pick<PageRun, 'connected'>;
  setBandLevel(level: number): void;
  persist(): void;
  say(kind: Message['kind'], text: string): void;
  run(): Promise<void>;
}

export class Sharing {
  /** Runs to compare carried by the link that opened the page (restored once the page is set up). */
  private linkKept: KeptRef[] | null = null;

  constructor(private host: SharingHost) {}

  /** The runs to compare of the link that opened the page, once (null: none). */
  takeLinkKept(): KeptRef[] | null {
    const refs = this.linkKept;
    this.linkKept = null;
    return refs;
  }

  shareUrl(): string | null {
    const h = this.host;
    const i = h.info;
    if (!i) return null;
    // the Monte Carlo runs only when there are several: a single-run link is as it always was
    const compare = h.keptRuns.refs();
    // the band level only where the view has bands and it is not the default: other links are as they were
    const banded = h.runs > 1 || compare.some((k) => (k.seeds?.length ?? 0) >= 2);
    const band = banded && h.bandLevel !== DEFAULT_BAND_LEVEL ? { band: h.bandLevel } : {};
    // the panels' forms only when set up (not their defaults): other links are as they were
    const sweep = formIfSet(h.sweepForm, defaultSweepChoices());
    const sensitivity = formIfSet(h.sensitivity, defaultSensitivity());
    const forms = { ...(sweep ? { sweep } : {}), ...(sensitivity ? { sensitivity } : {}) };
    const token = encodeShare({ v: 1, app: VERSION, preset: h.preset, seed: i.seed, hash: i.hash, scenario: i.raw, ...(h.runs > 1 ? { runs: h.runs } : {}), ...(compare.length ? { compare } : {}), ...band, ...forms });
    const u = new URL(location.href);
    u.hash = `${SHARE_PARAM}=${token}`;
    return u.toString();
  }

  /** Applies a share link from the location hash. Returns true when a valid link was applied. */
  openShareLink(hash: string): boolean {
    const h = this.host;
    const token = tokenFromHash(hash);
    if (token === null) return false;
    const d = decodeShare(token);
    const refuse = (reason: string) => {
      h.say('error', `This share link was refused and nothing from it was run: ${reason.replace(/\.$/, '')}.`);
      history.replaceState(null, '', location.pathname + location.search);
      return false;
    };
    if (!d.ok) return refuse(d.reason);
    const c = checkShare(d.payload, validateScenario, scenarioHash, VERSION);
    if (!c.ok) return refuse(c.reason);
    // the panels' forms as shared (saved with the scenario next), their panels open; their runs wait for Start (a design can take hours)
    const forms: string[] = [];
    if (d.payload.sweep) {
      h.sweepForm = d.payload.sweep;
      h.askPanel('sweep');
      forms.push('Sweep');
    }
    if (d.payload.sensitivity) {
      h.sensitivity = d.payload.sensitivity;
      h.askPanel('sensitivity');
      forms.push('Sensitivity');
    }
    const { preset, custom } = this.adopt(d.payload.scenario, d.payload.preset, d.payload.seed);
    const runs = d.payload.runs ?? 1;
    if (runs !== h.runs) {
      h.runs = runs;
      h.persist();
    }
    const compare = d.payload.compare;
    // a view with bands shows them at the link's level (80% when it names none), not the reader's own
    if (runs > 1 || compare?.some((k) => (k.seeds?.length ?? 0) >= 2)) {
      h.setBandLevel(d.payload.band ?? DEFAULT_BAND_LEVEL);
    }
    const mc = runs > 1 ? ` with ${runs} Monte Carlo runs${d.payload.band ? ` (${d.payload.band}% bands)` : ''}` : '';
    const many = forms.length > 1;
    const formWords = forms.length ? ` The ${forms.join(' and ')} panel${many ? 's show the forms' : ' shows the form'} as shared: Start runs ${many ? 'them' : 'it'}.` : '';
    if (compare) {
      // at start-up, once the page is set up (init); later (the link pasted into the address bar), now
      if (h.pageRun.connected) h.keptRuns.restore(compare, 'the link');
      else this.linkKept = compare;
    }
    h.say('info', `Opened a shared run: ${preset}${custom ? ' (custom)' : ''}, seed ${d.payload.seed}${mc}, scenario ${d.payload.hash}.${formWords}`);
    return true;
  }

  /**
   * Opens a scenario file (a scenario JSON, the dashboard's JSON export or a CLI .meta.json sidecar;
   * see lib/openScenario.ts) and runs it, with the seed the file records. A file that does not hold a
   * valid scenario changes nothing and says why.
   */
  openScenarioFile(text: string, fileName: string): boolean {
    const h = this.host;
    const r = readScenarioFile(text, fileName);
    if (!r.ok) {
      h.say('error', `Nothing was opened: ${r.reason.replace(/\.$/, '')}.`);
      return false;
    }
    const seed = r.seed ?? h.seed;
    const name = typeof r.raw.name === 'string' ? r.raw.name : '';
    const { preset, custom } = this.adopt(r.raw, name, seed);
    const edited = r.hashMismatch ? `; it was edited after it was saved (it records scenario ${r.hashMismatch})` : '';
    const point = r.sweep ? `, point 1 of its ${r.sweep.points} (${r.sweep.opened})` : '';
    h.say('info', `Opened ${fileName} (${r.kind})${point}: ${preset}${custom ? ' (custom)' : ''}, seed ${seed}${r.seed === null ? ' (the file has none: kept)' : r.seedsInFile > 1 ? ` (the first of its ${r.seedsInFile} seeds)` : ''}, scenario ${r.hash}${edited}.`);
    void h.run();
    return true;
  }

  /**
   * Makes a validated raw scenario the page's, as edits over a preset (the one named, else baseline:
   * lib/adoptScenario.ts), so the controls show its values and the picker says "custom" when it
   * differs; and `seed` the page's seed.
   */
  private adopt(raw: Record<string, unknown>, presetName: string, seed: number): { preset: string; custom: boolean } {
    const h = this.host;
    const { preset, edits } = adoptScenario(raw, presetName);
    h.preset = preset.name;
    h.edits = edits;
    h.seed = seed;
    h.persist();
    return { preset: preset.name, custom: Object.keys(edits).length > 0 };
  }
}

/** A form as plain data when it is not its default (same choices, key order aside), else undefined. */
function formIfSet<T extends object>(form: T, defaults: T): T | undefined {
  const plain = JSON.parse(JSON.stringify(form)) as T;
  return checksum(plain) === checksum(defaults) ? undefined : plain;
}

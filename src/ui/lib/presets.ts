/**
 * Scenario presets for the picker: the bundled scenarios/*.json files, each with the question it
 * answers. The schema's defaults are the baseline calibration, so "baseline" is always available
 * (as an empty raw scenario) even before a baseline file exists.
 */
export interface Preset {
  name: string;
  question: string;
  description: string;
  raw: Record<string, unknown>;
}

const files = import.meta.glob(['../../../scenarios/*.json', '!../../../scenarios/*.schema.json'], { eager: true, import: 'default' }) as Record<string, unknown>;

function fromFiles(): Preset[] {
  const out: Preset[] = [];
  for (const [path, raw] of Object.entries(files)) {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) continue;
    const r = raw as Record<string, unknown>;
    const file = path.split('/').pop()!.replace(/\.json$/, '');
    out.push({
      name: typeof r.name === 'string' && r.name ? r.name : file,
      question: typeof r.question === 'string' ? r.question : '',
      description: typeof r.description === 'string' ? r.description : '',
      raw: r,
    });
  }
  return out;
}

export const PRESETS: Preset[] = (() => {
  const list = fromFiles();
  if (!list.some((p) => p.name === 'baseline')) {
    list.unshift({
      name: 'baseline',
      question: 'How does a GPU marketplace calibrated to today\'s networks behave over a year?',
      description: 'The schema defaults: the baseline calibration.',
      raw: {},
    });
  }
  list.sort((a, b) => (a.name === 'baseline' ? -1 : b.name === 'baseline' ? 1 : a.name.localeCompare(b.name)));
  return list;
})();

export function presetByName(name: string): Preset | undefined {
  return PRESETS.find((p) => p.name === name);
}

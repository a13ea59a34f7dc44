/**
 * Controls generated from the scenario schema: every scalar parameter (number, integer, flag,
 * choice), and every list of choices (the job classes that rent spot), with its unit, range, default
 * and description, read from the JSON Schema that zod derives from the schema's `.meta()`. The first screen shows a curated handful per group; the
 * rest of each group is listed under "All parameters".
 */
import { capitalized, fieldWords } from './fieldWords.ts';
import { REGION_LABELS } from './chartDefs/palette.ts';
import { GPU_CATALOGUE } from '../../sim/supply/catalogue.ts';
import type { Json } from './paths.ts';
import { isDescriptive } from '../../sim/scenario/hash.ts';

/**
 * 'multiChoice': a list of some of the options (`market.spot.classes`), none repeated, at least one;
 * left out it means all of them (the schema's "all if omitted").
 */
export type ControlKind = 'number' | 'integer' | 'boolean' | 'choice' | 'multiChoice' | 'distribution';

/** One shape a distribution field may take (`dist` and its parameters, with the schema's ranges). */
export interface DistShape {
  dist: string;
  params: { key: string; min?: number; max?: number; exclusiveMin?: boolean }[];
}
export type GroupName = 'supply' | 'demand' | 'market' | 'economy' | 'run';

export interface ControlSpec {
  path: string;
  group: GroupName;
  kind: ControlKind;
  label: string;
  unit: string;
  description: string;
  min?: number;
  max?: number;
  /** Exclusive lower bound (e.g. > 0). */
  exclusiveMin?: boolean;
  default?: Json;
  /** The values of a 'choice' or of a 'multiChoice' list, in schema order. */
  options?: string[];
  /** Set when the value lives inside a weight map that must be written whole (`parent` path). */
  weightMapParent?: string;
  /** A parameter of a distribution's shape (distChoice.ts' distParamControls): the distribution's path, which an edit writes whole. */
  distParent?: string;
  /** A 'distribution': the shapes it may take (fixed, exponential, log-normal, ...), in schema order. */
  dists?: DistShape[];
  /** Slider range: the schema range, narrowed around the default when the schema's is huge. */
  sliderMin?: number;
  sliderMax?: number;
  step?: number;
  /**
   * The optional group the field belongs to (`market.escrow`: a mechanism a scenario turns on by
   * having it), and the group's name. Where the scenario has no such group the field has no value
   * (the page shows it off) and setting it turns the group on with the others at their defaults.
   */
  optionalGroup?: { path: string; title: string };
}

interface JsonSchemaNode {
  type?: string | string[];
  properties?: Record<string, JsonSchemaNode>;
  enum?: string[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  default?: Json;
  unit?: string;
  description?: string;
  oneOf?: JsonSchemaNode[];
  anyOf?: unknown[];
  items?: JsonSchemaNode;
  const?: unknown;
}

export const GROUPS: { name: GroupName; title: string; blurb: string }[] = [
  { name: 'supply', title: 'Supply', blurb: 'Who provides GPUs, at what cost and price' },
  { name: 'demand', title: 'Demand', blurb: 'Jobs arriving: rate, growth, daily cycle, random swings' },
  { name: 'market', title: 'Market', blurb: 'How orders are matched to providers' },
  { name: 'economy', title: 'Economy', blurb: 'Fees, tokens, emissions, staking' },
];

/** The knobs shown first in each group (paths missing from the schema are skipped). */
export const PRIMARY: Record<Exclude<GroupName, 'run'>, string[]> = {
  supply: [
    'supply.providers',
    'supply.archetypes.home.share',
    'supply.archetypes.farm.share',
    'supply.archetypes.datacenter.share',
    'supply.archetypes.university.share',
    'supply.priceAdjustPerDay',
    'supply.archetypes.home.marginMax',
  ],
  demand: ['demand.baseRateJobsPerHour', 'demand.trendGrowthPerYear', 'demand.diurnalAmplitude', 'demand.burstMeanJobs', 'demand.levelVolatility'],
  market: ['market.matcher', 'market.setupHours', 'market.weights.price', 'market.candidateSample'],
  economy: [], // every scalar directly under `economy.` and its first-level groups (see primaryFor)
};

/** A field's range as its hint reads it ("0 to 1", ">0 to 10000000"), '' when either end is open. */
export function rangeText(r: { min?: number; max?: number; exclusiveMin?: boolean }): string {
  return r.min !== undefined && r.max !== undefined ? `${r.exclusiveMin ? '>' : ''}${r.min} to ${r.max}` : '';
}

/** The id of a parameter's input (`f-` + its path), a scalar's or a scheduled item's field: a validation message's link finds it by it. */
export function fieldId(path: string): string {
  return `f-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

/** Strips the "[unit; default ...; range ...]" suffix the schema appends to descriptions. */
export function cleanDescription(d: string | undefined): string {
  return (d ?? '').replace(/\s*\[[^\]]*(default|one of)[^\]]*\]\s*$/, '').trim();
}

/** "baseRateJobsPerHour" -> "Base rate jobs per hour"; the path's parent names give context. */
export function labelFor(path: string): string {
  const parts = path.split('.');
  const key = parts[parts.length - 1];
  // a GPU model's weight in a type's mix reads by the model's name: "Home models: RTX 4090 24GB"
  const model = parts[parts.length - 2] === 'models' ? GPU_CATALOGUE.find((g) => g.id === key) : undefined;
  const leaf = model ? model.name : fieldWords(key);
  // a region's code in a table by region reads as its name: "North America: residential USD per kWh"
  const ctx = parts
    .slice(1, -1)
    .filter((p) => !['archetypes', 'classes', 'weights', 'electricity'].includes(p))
    .map((p) => (Object.hasOwn(REGION_LABELS, p) ? REGION_LABELS[p as keyof typeof REGION_LABELS] : fieldWords(p)));
  return capitalized(ctx.length ? `${ctx.join(' ')}: ${leaf}` : leaf);
}

/** A "nice" number (1, 2, 2.5, 5 x 10^k) at or above x. */
export function niceCeil(x: number): number {
  if (!(x > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= x - 1e-12) return m * p;
  return 10 * p;
}

function sliderRange(min: number, max: number, def: number | undefined, integer: boolean) {
  let lo = min;
  let hi = max;
  if (def !== undefined && def > 0 && hi > 20 * def) hi = niceCeil(def * 5);
  if (def !== undefined && def === 0 && hi - lo > 1000) hi = lo + 100;
  if (lo < -1e6) lo = -1e6;
  const span = hi - lo;
  let step = span > 0 ? niceCeil(span / 200) / 2 : 1;
  if (integer) step = Math.max(1, Math.round(step));
  return { sliderMin: lo, sliderMax: hi, step };
}

const isStringEnum = (node: JsonSchemaNode | undefined): node is JsonSchemaNode & { enum: string[] } => !!node?.enum && node.enum.every((v) => typeof v === 'string');

function kindOf(node: JsonSchemaNode): ControlKind | null {
  if (isStringEnum(node)) return 'choice';
  if (node.type === 'array' && isStringEnum(node.items)) return 'multiChoice';
  if (node.type === 'boolean') return 'boolean';
  if (node.type === 'integer') return 'integer';
  if (node.type === 'number') return 'number';
  return null;
}

/**
 * The shapes of a distribution field (job durations, patience): a oneOf whose every option is an
 * object told apart by a `dist` constant. Null for any other node.
 */
function distShapes(node: JsonSchemaNode): DistShape[] | null {
  const alts = node.oneOf;
  if (!alts?.length) return null;
  const shapes: DistShape[] = [];
  for (const a of alts) {
    const tag = a.properties?.dist?.const;
    if (typeof tag !== 'string') return null;
    const params = Object.entries(a.properties!)
      .filter(([k]) => k !== 'dist')
      .map(([key, p]) => ({ key, min: p.minimum ?? p.exclusiveMinimum, max: p.maximum, ...(p.exclusiveMinimum !== undefined ? { exclusiveMin: true } : {}) }));
    shapes.push({ dist: tag, params });
  }
  return shapes;
}

/** Every scalar control, list of choices and distribution in the JSON Schema, in schema order. */
export function controlsFromJsonSchema(schema: unknown): ControlSpec[] {
  const out: ControlSpec[] = [];
  const root = schema as JsonSchemaNode;
  const walk = (node: JsonSchemaNode, path: string, weightParent?: JsonSchemaNode, weightPath?: string, optionalGroup?: ControlSpec['optionalGroup']) => {
    if (node.properties && !node.oneOf && !node.anyOf) {
      // A weight map: an object with a unit and a default, whose numeric members have none.
      const isWeights = node.unit !== undefined && node.default !== undefined;
      // An object below the top without a default is an optional group: absent unless a scenario has it
      const optional = path !== '' && node.default === undefined && !isWeights ? { path, title: (node.description ?? path).split(':')[0] } : optionalGroup;
      for (const [k, child] of Object.entries(node.properties)) {
        const p = path ? `${path}.${k}` : k;
        if (isWeights) walk(child, p, node, path, optional);
        else walk(child, p, undefined, undefined, optional);
      }
      return;
    }
    const shapes = distShapes(node);
    const kind = shapes ? 'distribution' : kindOf(node);
    if (!kind) return;
    const group = (path.split('.')[0] as GroupName) ?? 'run';
    const g: GroupName = ['supply', 'demand', 'market', 'economy'].includes(group) ? group : 'run';
    const key = path.split('.').pop() as string;
    const spec: ControlSpec = {
      path,
      group: g,
      kind,
      label: labelFor(path),
      unit: weightParent?.unit ?? node.unit ?? '',
      description: cleanDescription(weightParent ? `${weightParent.description ?? ''} (${key})` : node.description),
      default: weightParent ? ((weightParent.default as Record<string, Json>)?.[key] ?? 0) : node.default,
    };
    if (shapes) {
      spec.dists = shapes;
      spec.options = shapes.map((d) => d.dist);
    }
    if (kind === 'choice') spec.options = node.enum;
    if (kind === 'multiChoice') spec.options = node.items!.enum;
    if (kind === 'number' || kind === 'integer') {
      spec.min = node.minimum ?? node.exclusiveMinimum;
      spec.max = node.maximum;
      if (node.exclusiveMinimum !== undefined) spec.exclusiveMin = true;
      if (spec.min !== undefined && spec.max !== undefined) {
        Object.assign(spec, sliderRange(spec.min, spec.max, typeof spec.default === 'number' ? spec.default : undefined, kind === 'integer'));
      }
    }
    if (weightParent) spec.weightMapParent = weightPath;
    if (optionalGroup) {
      spec.optionalGroup = optionalGroup;
      spec.description = `${spec.description} (${optionalGroup.title}: off unless the scenario has them; setting this turns them on, the other fields at their defaults.)`;
    }
    if (spec.unit === 'flag' || spec.unit === 'choice') spec.unit = '';
    out.push(spec);
  };
  walk(root, '');
  return out.filter((c) => !isDescriptive(c.path));
}

/** The curated first-screen controls of a group. */
export function primaryFor(all: ControlSpec[], group: Exclude<GroupName, 'run'>): ControlSpec[] {
  if (group === 'economy') {
    return all.filter((c) => c.group === 'economy' && c.path.split('.').length <= 3 && !c.weightMapParent).slice(0, 10);
  }
  const byPath = new Map(all.map((c) => [c.path, c]));
  return PRIMARY[group].map((p) => byPath.get(p)).filter((c): c is ControlSpec => !!c);
}

/**
 * The options ticked in a 'multiChoice' field showing `value`: all of them when it is left out (the
 * schema's "all if omitted"), else those the list holds, in the options' order (anything else, a
 * value the validator reports at the field, ticks none).
 */
export function tickedChoices(options: readonly string[], value: unknown): string[] {
  if (value === undefined) return [...options];
  return Array.isArray(value) ? options.filter((o) => value.includes(o)) : [];
}

/**
 * A 'multiChoice' field's value after `option` is ticked (`on`) or unticked: left out (undefined:
 * all) once every option is ticked, so ticking them all again gives the scenario back its hash;
 * else the ticked options in the options' order. Never an empty list (the schema asks for one or
 * more): unticking the last ticked option leaves the value as it was.
 */
export function toggleChoice(options: readonly string[], value: unknown, option: string, on: boolean): string[] | undefined {
  const ticked = tickedChoices(options, value);
  const next = options.filter((o) => (o === option ? on : ticked.includes(o)));
  const kept = next.length > 0 ? next : ticked;
  return kept.length === options.length ? undefined : kept;
}

/**
 * Parses what the user typed into a number field. Returns a number when the text is one, else the
 * text itself, so validation reports "expected number, got "abc"" at the field and nothing is lost.
 */
export function parseFieldText(text: string, kind: ControlKind): unknown {
  const t = text.trim().replace(/[_\s]/g, '').replace(/,(?=\d{3}(\D|$))/g, '');
  if (kind === 'boolean') return t === 'true';
  if (kind === 'choice') return text;
  if (t === '') return text;
  const n = Number(t);
  return Number.isFinite(n) ? n : text;
}

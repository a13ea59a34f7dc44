/**
 * What a scenario schedules by day (demand, price and reliability shocks, waves of new providers,
 * take rate changes, rival networks...), as lists the dashboard can edit: every array of objects in
 * the scenario's JSON Schema is one kind, its items' fields read from the schema (unit, range,
 * description, whether it may be left out). A new kind of shock in the schema gets an editor without
 * code here, bar its title and the example a new item starts from (a test holds the two lists
 * together). The edits are whole arrays at the kind's path, as `--set 'demand.shocks=[...]'`.
 */
import { capitalized, fieldWords } from './fieldWords.ts';
import { cleanDescription, type ControlSpec, type GroupName } from './schemaControls.ts';
export { fieldId } from './schemaControls.ts';

export type ItemFieldKind = 'number' | 'choice' | 'multi';

export interface ItemField {
  key: string;
  kind: ItemFieldKind;
  label: string;
  unit: string;
  description: string;
  /** The item is invalid without it; an optional field left empty is left out. */
  required: boolean;
  min?: number;
  max?: number;
  /** Choices of a 'choice' (one) or 'multi' (any; none = left out) field. */
  options?: string[];
  /** What an optional number left out counts as (rampDays 0). */
  default?: number;
  /** A whole number (a wave's providers). */
  integer?: boolean;
}

export interface ScheduleKind {
  /** The array's path in a scenario, e.g. 'demand.shocks'. */
  path: string;
  title: string;
  /** One line: what an item does. */
  blurb: string;
  fields: ItemField[];
  /** A new item: an example from the research, valid on the baseline. */
  template: Record<string, unknown>;
}

/** Titles and examples per kind, in the order the editor lists them. */
export const KIND_TEXT: Record<string, { title: string; blurb: string; template: Record<string, unknown> }> = {
  'demand.shocks': {
    title: 'Demand shock',
    blurb: 'Arrivals of some job classes times a multiplier, ramping in and out',
    template: { startDay: 90, durationDays: 90, rampDays: 15, multiplier: 2 },
  },
  'demand.cloudPriceShocks': {
    title: 'Cloud price shock',
    blurb: "The cloud's on-demand GPU prices, the tenants' outside option, times a multiplier",
    template: { startDay: 90, durationDays: 36500, rampDays: 0, multiplier: 0.55, segments: ['datacenter'] },
  },
  'supply.electricityShocks': {
    title: 'Electricity price shock',
    blurb: 'Electricity prices of some regions and tariffs times a multiplier',
    template: { startDay: 60, durationDays: 180, rampDays: 30, multiplier: 2.5, regions: ['eu'] },
  },
  'supply.reliabilityShocks': {
    title: 'Reliability stretch',
    blurb: 'Providers of some types or regions up a smaller share of the time, once or every year',
    template: { startDay: 90, durationDays: 90, multiplier: 0.63, archetypes: ['university'], repeatEveryDays: 365 },
  },
  'supply.influxes': {
    title: 'Wave of new providers',
    blurb: "Providers of one type joining over some days, on top of the economy's entrants",
    template: { startDay: 60, durationDays: 30, providers: 240, archetype: 'farm' },
  },
  'economy.participation.participationShocks': {
    title: 'Entry and exit shock',
    blurb: 'Would-be entrants and the exit hazard of some types times multipliers (a GPU shortage)',
    template: { startDay: 90, durationDays: 210, exitMultiplier: 0.5, entryMultiplier: 0, archetypes: ['datacenter'] },
  },
  'economy.participation.competitors': {
    title: 'Rival network',
    blurb: "A rival's offer: more exits, fewer entrants, for some days",
    template: { startDay: 60, durationDays: 90, exitMultiplier: 3, entryMultiplier: 0.25 },
  },
  'economy.price.shocks': {
    title: 'Token price shock',
    blurb: "The token's outside price path times a multiplier over some days, for good",
    template: { startDay: 90, durationDays: 30, multiplier: 0.3 },
  },
  'economy.incentivePrograms': {
    title: 'Incentive program',
    blurb: 'A budget paying providers a rate for each online GPU-hour, from a grant or the treasury, until it runs out',
    template: { startDay: 60, durationDays: 180, budgetUsd: 12000000, usdPerGpuHour: 0.3, minVramGb: 40 },
  },
  'market.escrow.topUpShocks': {
    title: 'Escrow top-up shock',
    blurb: "Tenants top up their leases' escrow less often: more leases close for insufficient funds (turns escrow runways on)",
    template: { startDay: 120, durationDays: 60, rampDays: 7, multiplier: 0.375 },
  },
  'economy.takeRateChanges': {
    title: 'Take rate change',
    blurb: 'The protocol fee on every payment settled from a day on',
    template: { startDay: 90, takeRate: 0.2 },
  },
};

interface Node {
  type?: string;
  properties?: Record<string, Node>;
  items?: Node;
  required?: string[];
  enum?: string[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  default?: unknown;
  unit?: string;
  description?: string;
}

/** Field labels: "startDay" -> "Start day", "usdPerGpuHour" -> "USD per GPU hour" (fieldWords.ts). */
function words(key: string): string {
  return capitalized(fieldWords(key));
}

/** A field label inside a sentence: "Start day" -> "start day", an acronym kept ("USD per GPU hour"). */
function inSentence(label: string): string {
  return /^[A-Z]{2}/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

/** Every array of objects in the schema, as an editable kind (those in KIND_TEXT first, in its order). */
export function scheduleKindsFromJsonSchema(schema: unknown): ScheduleKind[] {
  const found: ScheduleKind[] = [];
  const walk = (node: Node, path: string) => {
    if (node.type === 'object' && node.properties) {
      for (const [k, child] of Object.entries(node.properties)) walk(child, path ? `${path}.${k}` : k);
      return;
    }
    const item = node.items;
    if (node.type !== 'array' || item?.type !== 'object' || !item.properties) return;
    const required = new Set(item.required ?? []);
    const fields: ItemField[] = Object.entries(item.properties).map(([key, f]) => {
      const base = { key, label: words(key), unit: f.unit ?? '', description: cleanDescription(f.description), required: required.has(key) };
      if (f.type === 'array' && f.items?.enum) return { ...base, kind: 'multi', options: f.items.enum };
      if (f.enum) return { ...base, kind: 'choice', options: f.enum };
      return { ...base, kind: 'number', min: f.minimum ?? f.exclusiveMinimum, max: f.maximum, default: typeof f.default === 'number' ? f.default : undefined, integer: f.type === 'integer' };
    });
    const text = KIND_TEXT[path];
    found.push({
      path,
      title: text?.title ?? words(path.split('.').pop()!),
      blurb: text?.blurb ?? cleanDescription(node.description),
      fields,
      template: text?.template ?? Object.fromEntries(fields.filter((f) => f.required).map((f) => [f.key, f.kind === 'number' ? (f.min ?? 0) : f.kind === 'choice' ? f.options![0] : []])),
    });
  };
  walk(schema as Node, '');
  const order = Object.keys(KIND_TEXT);
  const rank = (k: ScheduleKind) => (order.includes(k.path) ? order.indexOf(k.path) : order.length);
  return found.sort((a, b) => rank(a) - rank(b));
}

type Item = Record<string, unknown>;

/** The items with item i's field `key` set to `value` (undefined or an empty list: left out). */
export function withField(items: readonly Item[], i: number, key: string, value: unknown): Item[] {
  return items.map((it, n) => {
    if (n !== i) return it;
    const next = { ...it };
    if (value === undefined || (Array.isArray(value) && value.length === 0)) delete next[key];
    else next[key] = value;
    return next;
  });
}

/** The items without item i. */
export function withoutItem(items: readonly Item[], i: number): Item[] {
  return items.filter((_, n) => n !== i);
}

/** The items with a copy of item i right after it (a second shock like the first, a year later, starts from its values). */
export function withCopiedItem(items: readonly Item[], i: number): Item[] {
  // through JSON, not structuredClone: the dashboard's items are reactive proxies, which it refuses (scenario items are JSON anyway)
  return [...items.slice(0, i + 1), JSON.parse(JSON.stringify(items[i])) as Item, ...items.slice(i + 1)];
}

/** The items with a copy of the kind's example added at the end. */
export function withNewItem(items: readonly Item[], kind: ScheduleKind): Item[] {
  return [...items, structuredClone(kind.template)];
}

/**
 * The number fields of the items a scenario schedules, as parameters a sweep can move
 * ("Demand shock 1: multiplier", path `demand.shocks.0.multiplier`, as the CLI's --sweep takes it).
 * `listAt` gives the scenario's list at a kind's path.
 */
export function scheduleControls(kinds: readonly ScheduleKind[], listAt: (path: string) => unknown): ControlSpec[] {
  const out: ControlSpec[] = [];
  for (const k of kinds) {
    const items = listAt(k.path);
    if (!Array.isArray(items)) continue;
    items.forEach((_, i) => {
      for (const f of k.fields) {
        if (f.kind !== 'number') continue;
        const group = k.path.split('.')[0] as GroupName;
        out.push({
          path: `${k.path}.${i}.${f.key}`,
          group,
          kind: f.integer ? 'integer' : 'number',
          label: `${k.title}${items.length > 1 ? ` ${i + 1}` : ''}: ${inSentence(f.label)}`,
          unit: f.unit,
          description: f.description,
          min: f.min,
          max: f.max,
          default: f.default,
        });
      }
    });
  }
  return out;
}

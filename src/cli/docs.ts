/**
 * Generated documentation: the CSV column reference (README section between markers) and the
 * scenario parameter reference (docs/parameters.md), both read from the code that defines them, so
 * they cannot drift. `npm run docs` rewrites them; a test fails when they are stale.
 */
import { jsonSchema } from './infoCommands.ts';
import { createRun } from '../sim/run.ts';
import { parseScenario } from '../sim/scenario/validate.ts';
import { LEASE_DOCS } from '../sim/model/leaseRow.ts';
import { ARCHETYPES } from '../sim/scenario/schema.ts';

export const BEGIN = '<!-- BEGIN GENERATED: csv-columns (npm run docs) -->';
export const END = '<!-- END GENERATED: csv-columns -->';

export function columnsMarkdown(): string {
  const run = createRun(parseScenario({ horizonDays: 1, scale: 0.01 }), 1);
  const cols = run.table().columns;
  const lines = ['| column | unit | definition |', '|---|---|---|'];
  // a column per provider type is documented once, as name_<type>
  const [first, ...others] = ARCHETYPES;
  const perType = (name: string) => name.endsWith(`_${first}`) && others.every((a) => cols.some((c) => c.name === `${name.slice(0, -first.length)}${a}`));
  const typed = new Set(cols.filter((c) => perType(c.name)).flatMap((c) => ARCHETYPES.map((a) => `${c.name.slice(0, -first.length)}${a}`)));
  for (const c of cols) {
    if (typed.has(c.name) && !perType(c.name)) continue;
    const name = perType(c.name) ? `${c.name.slice(0, -first.length)}<type>` : c.name;
    const desc = perType(c.name) ? c.description.replace(`type-${first}`, 'type-<type>').replace(`type ${first}`, 'type <type>') : c.description;
    lines.push(`| \`${name}\` | ${c.unit} | ${desc.replace(/\|/g, '\\|')} |`);
  }
  lines.push('', `\`<type>\` is each provider type: ${ARCHETYPES.join(', ')} (four columns each, in that order).`);
  lines.push('', 'Per-lease export (`--leases`), one row per lease when it ends:', '', '| column | unit | definition |', '|---|---|---|');
  for (const [name, unit, desc] of LEASE_DOCS) lines.push(`| \`${name}\` | ${unit} | ${desc} |`);
  return lines.join('\n');
}

type Node = { type?: string; description?: string; unit?: string; default?: unknown; minimum?: number; maximum?: number; properties?: Record<string, Node>; enum?: unknown[]; items?: Node };

export function parametersMarkdown(): string {
  const root = jsonSchema() as Node;
  const out = [
    '# Scenario parameters',
    '',
    'Generated from the scenario schema (`npm run docs`); every field a scenario file may set, with its unit, default, range and the source or reason of the default. Source tags: [V] primary source, [S] secondary, [C] computed, [U] unverified estimate, [D] design assumption (see ASSUMPTIONS.md and ../shared/research/depin_mechanisms.md).',
    '',
    '| path | unit | default | range | meaning and source |',
    '|---|---|---|---|---|',
  ];
  const walk = (n: Node, path: string) => {
    if (n.properties && n.type === 'object' && !isWeights(n)) {
      if (path && n.description) out.push(`| **${path}** | | | | ${clean(n.description)} |`);
      for (const [k, v] of Object.entries(n.properties)) walk(v, path ? `${path}.${k}` : k);
      return;
    }
    const range = n.minimum !== undefined || n.maximum !== undefined ? `${n.minimum ?? ''}..${n.maximum ?? ''}` : n.enum ? n.enum.join(', ') : '';
    const def = n.default === undefined ? '' : `\`${JSON.stringify(n.default)}\``;
    out.push(`| \`${path}\` | ${n.unit ?? ''} | ${def} | ${range} | ${clean(n.description ?? '')} |`);
  };
  walk(root, '');
  return out.join('\n') + '\n';
}

function isWeights(n: Node): boolean {
  return n.unit !== undefined && n.unit.startsWith('weight');
}

function clean(s: string): string {
  return s.replace(/\s*\[[^\]]*default[^\]]*\]\s*$/, '').replace(/\|/g, '\\|');
}

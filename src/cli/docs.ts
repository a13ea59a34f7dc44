/**
 * Generated documentation: the CSV column reference (README section between markers) and the
 * scenario parameter reference (docs/parameters.md), both read from the code that defines them, so
 * they cannot drift. `npm run docs` rewrites them; a test fails when they are stale.
 */
import { jsonSchema } from './infoCommands.ts';
import { createRun } from '../sim/run.ts';
import { parseScenario } from '../sim/scenario/validate.ts';
import { LEASE_DOCS } from '../sim/model/leaseRow.ts';

export const BEGIN = '<!-- BEGIN GENERATED: csv-columns (npm run docs) -->';
export const END = '<!-- END GENERATED: csv-columns -->';

export function columnsMarkdown(): string {
  const run = createRun(parseScenario({ horizonDays: 1, scale: 0.01 }), 1);
  const cols = run.table().columns;
  const lines = ['| column | unit | definition |', '|---|---|---|'];
  for (const c of cols) lines.push(`| \`${c.name}\` | ${c.unit} | ${c.description.replace(/\|/g, '\\|')} |`);
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

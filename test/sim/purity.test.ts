/**
 * The core's determinism rules, checked on its source: no unseeded randomness, no wall clock, no
 * timers or DOM, and no engine-dependent elementary functions (Math.log, exp, pow, sin, ... differ
 * in the last bit between Node's and Chromium's engines; src/sim/core/detMath.ts replaces them).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = join(__dirname, '../../src/sim');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** The code without its comments (a comment may name what the code must not use). */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
}

const RULES: [RegExp, string][] = [
  [/Math\.random\b/, 'unseeded randomness (use a named stream)'],
  [/\bDate\.now\b|\bnew Date\(|\bperformance\.now\b/, 'wall clock (use simulated time)'],
  [/\bsetTimeout\b|\bsetInterval\b|\bdocument\.|\bwindow\./, 'timers or DOM'],
  [/Math\.(log|log10|log2|log1p|exp|expm1|pow|sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh|asinh|acosh|atanh|cbrt|hypot)\b/, 'engine-dependent Math function (use core/detMath.ts)'],
];

describe('the simulation core is deterministic by construction', () => {
  const files = sources(ROOT);
  test('there is source to check', () => expect(files.length).toBeGreaterThan(20));
  test.each(RULES.map(([re, why]) => [why, re] as const))('no %s in src/sim', (_why, re) => {
    const hits = files.flatMap((f) =>
      code(readFileSync(f, 'utf8'))
        .split('\n')
        .map((line, i) => [line, i] as const)
        .filter(([line]) => re.test(line))
        .map(([line, i]) => `${f.slice(ROOT.length + 1)}:${i + 1}: ${line.trim()}`),
    );
    expect(hits).toEqual([]);
  });
});

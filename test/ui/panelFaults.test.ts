// What a failed panel says (components/PanelFault.svelte): its one-line reason and the text for a bug report.
import { describe, expect, it } from 'vitest';
import { faultReport, faultText } from '../../src/ui/lib/panelFaults.svelte.ts';

describe('a panel fault', () => {
  it('gives the error message, or its name when it has none, or the thrown value', () => {
    expect(faultText(new RangeError('Invalid array length'))).toBe('Invalid array length');
    expect(faultText(new TypeError(''))).toBe('TypeError');
    expect(faultText('a string thrown')).toBe('a string thrown');
    expect(faultText(undefined)).toBe('undefined');
  });

  it('reports the panel, the error with its stack, and what reproduces the run', () => {
    const e = new Error('x is not a function');
    const text = faultReport('Utilization and fill rate by tier', e, '0.22.2', { hash: 'dac6a257dd44dd99', seed: 7 });
    const lines = text.split('\n');
    expect(lines[0]).toBe('depinsim v0.22.2: the panel "Utilization and fill rate by tier" failed (scenario hash dac6a257dd44dd99, seed 7)');
    expect(lines[1]).toBe('Error: x is not a function');
    expect(lines[2]).toMatch(/^\s+at /);
    // no more than the first stack lines: a report to read, not a dump
    expect(lines.length).toBeLessThanOrEqual(9);
    expect(faultReport('Parameters', 'broken', '0.22.2', null)).toBe('depinsim v0.22.2: the panel "Parameters" failed (no run on screen)\nbroken');
  });
});

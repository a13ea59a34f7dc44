// The notes under a time chart's legend: what the shading, the thin lines and the dotted lines are.
import { describe, expect, it } from 'vitest';
import type { BandView } from '../../src/ui/lib/bands.ts';
import { bandEdgeNote, bandNote, baselineNote, edgeNote, pickedNote } from '../../src/ui/lib/legendNotes.ts';

const band = (level: number): BandView => ({ level, runs: 3, seeds: [4, 5, 6] }) as unknown as BandView;

describe('legend notes', () => {
  it('the shading names its percentiles, runs and seeds, and the darker middle when there is one', () => {
    expect(bandNote(band(80))).toMatch(/^shaded: 10th–90th percentile of 3 runs \(80% of runs inside; seeds 4–6\), darker: 25th–75th$/);
    // at 50% the band is the 25th-75th itself
    expect(bandNote(band(50))).not.toContain('darker');
  });

  it('a band thinner than a line on screen is said to be too narrow to see, not left to be searched for', () => {
    expect(bandNote(band(80), 0.4)).toMatch(/darker: 25th–75th; too narrow to see on this axis: the runs agree to within a line$/);
    // wide enough to see: no such words (nor when the width is not known)
    expect(bandNote(band(80), 6)).not.toContain('too narrow');
    expect(bandNote(band(80))).not.toContain('too narrow');
  });

  it('the thin lines name the seed of the run picked', () => {
    expect(pickedNote(7)).toBe('thin lines: the run with seed 7');
  });

  it('the pinned baseline is dotted, with the outline of its own band when drawn', () => {
    expect(baselineNote(null)).toBe('dotted: pinned baseline');
    expect(baselineNote(band(90))).toBe('dotted: pinned baseline (outline: its 5th–95th percentile of 3 runs)');
  });

  it('a line at the edge says what it means there: above the cut, never, on how many of the shown periods', () => {
    expect(edgeNote('Median payback (right axis)', { never: 13, beyond: 17, up: true }, 30, '120 months')).toBe(
      'Median payback (right axis) along the top edge: above 120 months on 17 of the 30 days shown; never (∞, hatched along the edge) on 13 of the 30 days shown',
    );
    expect(edgeNote('Median payback', { never: 10, beyond: 0, up: true }, 10, '120 months', 'period')).toBe('Median payback along the top edge: never (∞, hatched along the edge) on every period shown');
  });

  it("a band at the top edge says that more runs than its upper end leaves never reach the value there", () => {
    expect(bandEdgeNote('Median payback (right axis)', 40, 60, 80)).toBe('Median payback (right axis): the band runs to the top edge on 40 of the 60 days shown, where at least 10% of the runs never reach it (∞)');
    expect(bandEdgeNote('Median payback', 8, 8, 95, 'period')).toBe('Median payback: the band runs to the top edge on every period shown, where at least 2.5% of the runs never reach it (∞)');
  });
});

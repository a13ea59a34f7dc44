/** The charts' event markers: labels of events on the same or nearby days stack in rows; far apart they share the top row. */
import { describe, expect, it } from 'vitest';
import { clearOfLabels, eventLabelBox, labelRows, refLabelBox, refLabelEnds } from '../../src/ui/lib/labelRows.ts';

describe('marker label rows', () => {
  it('same-day labels stack; a label clear of the one before it goes back to the top row', () => {
    expect(labelRows([])).toEqual([]);
    expect(
      labelRows([
        { x: 100, text: 'demand ×1.5' },
        { x: 100, text: 'cloud ×1.5' },
        { x: 100, text: 'entry ×0' },
        { x: 400, text: 'halving' },
      ]),
    ).toEqual([0, 1, 2, 0]);
  });

  it('a label that would run into its neighbour drops a row, in day order whatever order they come in', () => {
    // 'token ×0.3' at x 100 ends at about 100 + 3 + 10 x 5.5 = 158: a label at 150 overlaps it, one at 200 does not
    expect(labelRows([{ x: 150, text: 'fee 20%' }, { x: 100, text: 'token ×0.3' }, { x: 200, text: 'unlock' }])).toEqual([1, 0, 0]);
  });
});

describe('refLabelEnds', () => {
  it('keeps labels at the right edge, and puts one that would print over another to its left', () => {
    // far apart: both at the edge
    expect(refLabelEnds([{ y: 50, text: '12 months' }, { y: 120, text: '24 months' }], 400)).toEqual([400, 400]);
    // 3 px apart (a payback axis in the hundreds of months): the second ends left of the first's start, with a gap
    const [a, b] = refLabelEnds([{ y: 200, text: 'payback 12 months' }, { y: 197, text: '24 months' }], 400);
    expect(a).toBe(400);
    expect(b).toBeLessThanOrEqual(400 - 'payback 12 months'.length * 6 - 4);
    // a third close one goes further left still
    const ends = refLabelEnds([{ y: 10, text: 'aaaa' }, { y: 12, text: 'bbbb' }, { y: 14, text: 'cccc' }], 300);
    expect(ends[0]).toBeGreaterThan(ends[1]);
    expect(ends[1]).toBeGreaterThan(ends[2]);
    expect(ends[1] - 4 * 6).toBeGreaterThan(ends[2]);
  });
});

describe('clearOfLabels', () => {
  it("moves a reference line's label down a row at a time until it covers no event's word", () => {
    // the supply cap's label under its line at the plot's top (y 32), right-aligned at x 400
    const cap = refLabelBox(400, 32, 'max supply 800M tokens: emissions stop at it');
    // the unlock's word at x 250, in the first row (y 29): the two would read as one
    const unlock = eventLabelBox(250, 29, 'unlock');
    const [y] = clearOfLabels([cap], [unlock]);
    expect(y).toBeGreaterThan(32);
    expect(Math.abs(y - 29)).toBeGreaterThanOrEqual(11);
    // a second row of words (y 40) pushes it one row further
    expect(clearOfLabels([cap], [unlock, eventLabelBox(300, 40, 'halving')])[0]).toBeGreaterThanOrEqual(40 + 11);
  });

  it('leaves a label where it is when no word is in its way', () => {
    const cap = refLabelBox(400, 32, 'max supply');
    // a word left of the label's start, and one far below it
    expect(clearOfLabels([cap], [eventLabelBox(100, 29, 'unlock'), eventLabelBox(380, 120, 'shock')])).toEqual([32]);
    expect(clearOfLabels([cap], [])).toEqual([32]);
  });
});

describe('clearOfLabels, two lines at the top', () => {
  it('a label moved down does not land on another moved before it', () => {
    // two labels one above the other at the right edge, both under an event's word
    const a = refLabelBox(400, 32, 'cap A');
    const b = refLabelBox(400, 33, 'cap B');
    const [ya, yb] = clearOfLabels([a, b], [eventLabelBox(370, 30, 'unlock')]);
    expect(ya).toBeGreaterThan(32);
    expect(Math.abs(yb - ya)).toBeGreaterThanOrEqual(11);
  });
});

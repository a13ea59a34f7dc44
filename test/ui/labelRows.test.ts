/** The charts' event markers: labels of events on the same or nearby days stack in rows; far apart they share the top row. */
import { describe, expect, it } from 'vitest';
import { labelRows } from '../../src/ui/lib/labelRows.ts';

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

import { describe, expect, it } from 'vitest';
import { packRows, unpackRows, type Row } from '../../src/ui/lib/packedRows.ts';

describe('provider report rows packed by column for the run store', () => {
  it('comes back equal: numbers with NaN and infinities, strings, mixed fields, fields a row lacks', () => {
    const rows: Row[] = [
      { id: 0, archetype: 'home', payback_months: Infinity, exited_day: NaN, profit_usd: -12.5 },
      { id: 1, archetype: 'farm', payback_months: 14.2, exited_day: 30, profit_usd: 0, note: 'caught' },
      { id: 2, archetype: 'home', payback_months: 'inf', exited_day: -Infinity, profit_usd: 1e9 },
    ];
    const packed = packRows(rows);
    expect(packed.n).toBe(3);
    // the all-number fields are one typed array each; the others a dictionary of distinct values
    expect(packed.columns[packed.fields.indexOf('id')]).toBeInstanceOf(Float64Array);
    const arch = packed.columns[packed.fields.indexOf('archetype')] as { values: unknown[] };
    expect(arch.values).toEqual(['home', 'farm']);
    const back = unpackRows(packed);
    expect(back).toEqual(rows);
    expect('note' in back[0]).toBe(false);
    expect(back[2].payback_months).toBe('inf');
  });

  it('an empty report stays empty', () => {
    expect(unpackRows(packRows([]))).toEqual([]);
  });

  it('survives a structured clone (what IndexedDB does to it)', () => {
    const rows = Array.from({ length: 500 }, (_, i) => ({ id: i, region: ['na', 'eu', 'asia'][i % 3], revenue_usd: i * 1.5 }));
    expect(unpackRows(structuredClone(packRows(rows)))).toEqual(rows);
  });
});

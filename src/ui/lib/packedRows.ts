/**
 * Records (the per-provider report: thousands of rows of the same fields) packed by column for
 * IndexedDB. Writing a run to the store copies it on the main thread (the structured clone), and
 * 3,500 row objects of 30 fields took 100-200 ms there, a freeze as each run finished; a numeric
 * column is one Float64Array, copied as a block, and any other column is a small dictionary of its
 * distinct values with an index per row. Unpacking gives back equal rows: numbers (NaN and infinities
 * included), strings, and fields a row does not have.
 */
export type Row = Record<string, number | string>;

export interface PackedRows {
  n: number;
  fields: string[];
  /** Per field: its values (all numbers, every row having the field), or its distinct values and each row's index among them. */
  columns: (Float64Array | { values: (number | string | undefined)[]; index: Int32Array })[];
}

export function packRows(rows: readonly Row[]): PackedRows {
  const n = rows.length;
  const fields = n ? Object.keys(rows[0]) : [];
  const known = new Set(fields);
  for (const r of rows) for (const f in r) if (!known.has(f)) (known.add(f), fields.push(f));
  // one pass per field down the rows, as numbers until a value is not one (or a row lacks the field)
  const columns = fields.map((f): PackedRows['columns'][number] => {
    const num = new Float64Array(n);
    let i = 0;
    for (; i < n; i++) {
      const v = rows[i][f];
      if (typeof v !== 'number') break;
      num[i] = v;
    }
    if (i === n) return num;
    const values: (number | string | undefined)[] = [];
    const at = new Map<number | string | undefined, number>();
    const index = new Int32Array(n);
    for (let k = 0; k < n; k++) {
      // a field the row does not have stays absent after unpacking (not a field set to undefined)
      const v = rows[k][f];
      let j = at.get(v);
      if (j === undefined) {
        j = values.length;
        values.push(v);
        at.set(v, j);
      }
      index[k] = j;
    }
    return { values, index };
  });
  return { n, fields, columns };
}

export function unpackRows(p: PackedRows): Row[] {
  const rows: Row[] = Array.from({ length: p.n }, () => ({}));
  p.fields.forEach((f, j) => {
    const c = p.columns[j];
    if (c instanceof Float64Array) {
      for (let i = 0; i < p.n; i++) rows[i][f] = c[i];
    } else {
      for (let i = 0; i < p.n; i++) {
        const v = c.values[c.index[i]];
        if (v !== undefined) rows[i][f] = v;
      }
    }
  });
  return rows;
}

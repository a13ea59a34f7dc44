/**
 * Metric columns: one Float64Array per column, one row per metrics period, grown by doubling.
 * NaN means "undefined in this period" (a ratio with nothing to divide by), never a made-up zero.
 */
export interface ColumnDef {
  name: string;
  unit: string;
  description: string;
}

export interface MetricTable {
  columns: ColumnDef[];
  rows: number;
  data: Record<string, Float64Array>;
}

export class ColumnStore {
  readonly defs: ColumnDef[];
  private cols: Float64Array[];
  rows = 0;

  constructor(defs: ColumnDef[], capacity = 64) {
    this.defs = defs;
    const seen = new Set<string>();
    for (const d of defs) {
      if (seen.has(d.name)) throw new Error(`duplicate metric column '${d.name}'`);
      seen.add(d.name);
    }
    this.cols = defs.map(() => new Float64Array(Math.max(1, capacity)));
  }

  /** Appends a row; `values` follows the order of the column definitions. */
  push(values: ArrayLike<number>): void {
    if (values.length !== this.defs.length) throw new Error(`row has ${values.length} values for ${this.defs.length} columns`);
    if (this.rows === this.cols[0].length) {
      this.cols = this.cols.map((c) => {
        const n = new Float64Array(c.length * 2);
        n.set(c);
        return n;
      });
    }
    for (let i = 0; i < values.length; i++) this.cols[i][this.rows] = values[i];
    this.rows++;
  }

  /** A view of the table (subarrays share memory; copy before transferring). */
  table(fromRow = 0): MetricTable {
    const data: Record<string, Float64Array> = {};
    this.defs.forEach((d, i) => (data[d.name] = this.cols[i].subarray(fromRow, this.rows)));
    return { columns: this.defs, rows: this.rows - fromRow, data };
  }
}

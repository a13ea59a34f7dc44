/** Growable column buffers the worker's row batches are appended to (not reactive; published as views). */
export class ColumnBuffers {
  cols: Record<string, Float64Array> = {};
  rows = 0;
  reset() {
    this.cols = {};
    this.rows = 0;
  }
  append(from: number, n: number, data: Record<string, Float64Array>) {
    const need = from + n;
    for (const [name, part] of Object.entries(data)) {
      let c = this.cols[name];
      if (!c || c.length < need) {
        const grown = new Float64Array(Math.max(64, need, (c?.length ?? 0) * 2)).fill(NaN);
        if (c) grown.set(c);
        c = this.cols[name] = grown;
      }
      c.set(part, from);
    }
    this.rows = Math.max(this.rows, need);
  }
  view(): { rows: number; data: Record<string, Float64Array> } {
    const data: Record<string, Float64Array> = {};
    for (const [k, v] of Object.entries(this.cols)) data[k] = v.subarray(0, this.rows);
    return { rows: this.rows, data };
  }
}


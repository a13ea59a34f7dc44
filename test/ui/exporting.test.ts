import { describe, expect, it } from 'vitest';
import { addPngText, columnsToCsv, provenanceComments, readPngText, type Provenance } from '../../src/ui/lib/exporting.ts';
import { tableToCsv } from '../../src/sim/metrics/csv.ts';

const prov: Provenance = { version: '0.1.0', scenarioName: 'baseline', scenarioHash: '0123456789abcdef', seed: 7, days: 3 };

describe('exports', () => {
  it('the CSV body is byte-identical to the core formatter the CLI uses (NaN empty, ints plain, tiny values precise)', () => {
    const data = {
      day: new Float64Array([1, 2, 3]),
      utilization: new Float64Array([0.123456789, NaN, 1 / 3]),
      tiny: new Float64Array([1.23e-7, -0.5, 0]),
      big: new Float64Array([1234567.891, 2 ** 40, -42]),
    };
    const columns = Object.keys(data).map((name) => ({ name, unit: '', description: '' }));
    const ui = columnsToCsv(Object.keys(data), data, 3, prov);
    const cli = tableToCsv({ columns, rows: 3, data });
    expect(ui.startsWith(provenanceComments(prov))).toBe(true);
    expect(ui.slice(provenanceComments(prov).length)).toBe(cli);
  });

  it('provenance comments carry version, hash, seed and days', () => {
    const c = provenanceComments(prov);
    for (const s of ['# depinsim_version: 0.1.0', '# scenario_hash: 0123456789abcdef', '# seed: 7', '# days: 3']) expect(c).toContain(s);
  });

  it('adds tEXt chunks to a PNG after IHDR, with valid CRCs, and reads them back', () => {
    // A minimal 1x1 PNG: signature, IHDR, IDAT, IEND.
    const png = Uint8Array.from(
      atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='),
      (c) => c.charCodeAt(0),
    );
    const out = addPngText(png, { 'depinsim:scenario_hash': prov.scenarioHash, 'depinsim:seed': '7' });
    expect(readPngText(out)).toEqual({ 'depinsim:scenario_hash': prov.scenarioHash, 'depinsim:seed': '7' });
    expect(out.length).toBeGreaterThan(png.length);
    // CRC of the first inserted chunk matches a reference CRC-32 of its type+data.
    const dv = new DataView(out.buffer);
    const len = dv.getUint32(33);
    const crc = dv.getUint32(33 + 8 + len);
    let c = 0xffffffff;
    for (const b of out.subarray(37, 41 + len)) {
      c ^= b;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
    expect(crc).toBe((c ^ 0xffffffff) >>> 0);
  });
});

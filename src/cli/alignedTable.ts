/** Header and rows as lines of columns padded to line up (two spaces in front and between), for stderr tables. */
export function aligned(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
  const line = (cells: string[]) => '  ' + cells.map((c, j) => c.padEnd(widths[j])).join('  ').trimEnd();
  return [line(header), ...rows.map(line)];
}

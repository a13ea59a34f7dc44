/**
 * Rows for the labels of the charts' event markers: each label goes in the lowest row where it
 * does not run into the label before it, so events on the same or nearby days (a shortage's demand,
 * cloud and entry shocks all on day 90) stack instead of printing over each other.
 */

/** Approximate width of one character of the 9 px marker font, in px (generous, so labels never touch). */
const CHAR_PX = 5.5;
/** Gap kept between a label's end and the next label in the same row, in px. */
const GAP_PX = 4;

/** The row (0 at the top) of each label, given where it starts (x, px) and its text, in the order given. */
export function labelRows(labels: readonly { x: number; text: string }[]): number[] {
  /** Per row, the x where its last label ends. */
  const ends: number[] = [];
  const order = labels.map((_, i) => i).sort((a, b) => labels[a].x - labels[b].x || a - b);
  const rows = new Array<number>(labels.length);
  for (const i of order) {
    const { x, text } = labels[i];
    let r = ends.findIndex((end) => end + GAP_PX <= x);
    if (r < 0) r = ends.length;
    ends[r] = eventLabelBox(x, 0, text).end;
    rows[i] = r;
  }
  return rows;
}

/** Approximate width of one character of the 10 px reference-line font, in px. */
const REF_CHAR_PX = 6;
/** Labels closer than this vertically would print over each other, in px. */
const REF_LINE_PX = 11;

/**
 * Where each reference line's label ends (x, px; labels are right-aligned), given the y of its text
 * (px) and its text: at `right`, unless a label already placed there sits within a line's height, in
 * which case it goes left of that one (a payback chart whose axis runs to hundreds of months puts
 * its 12- and 24-month lines a few px apart).
 */
export function refLabelEnds(labels: readonly { y: number; text: string }[], right: number): number[] {
  const placed: LabelBox[] = [];
  return labels.map(({ y, text }) => {
    let end = right;
    for (;;) {
      const box = refLabelBox(end, y, text);
      const hit = placed.find((p) => Math.abs(p.y - y) < REF_LINE_PX && box.end > p.start - GAP_PX && box.start < p.end + GAP_PX);
      if (!hit) break;
      end = hit.start - 2 * GAP_PX;
    }
    placed.push(refLabelBox(end, y, text));
    return end;
  });
}

/** A label's box: the y of its text (px) and where it starts and ends (x, px). */
export interface LabelBox {
  y: number;
  start: number;
  end: number;
}

/** The box of an event marker's label: its word starts 3 px right of the marker, in the 9 px font. */
export function eventLabelBox(x: number, y: number, text: string): LabelBox {
  return { y, start: x + 3, end: x + 3 + text.length * CHAR_PX };
}

/** The box of a reference line's label: right-aligned at `end`, in the 10 px font. */
export function refLabelBox(end: number, y: number, text: string): LabelBox {
  return { y, start: end - text.length * REF_CHAR_PX, end };
}

/**
 * The y of each label (its text's baseline, px), moved down a row at a time from where it was
 * placed until it covers none of `obstacles` and none of the labels moved before it. Why: a
 * reference line along the plot's top edge puts its label under the line, in the band where the
 * scheduled events' words sit (the supply cap's line and the unlock's word on the token supply
 * stack read "unlockmax supply 800M tokens").
 */
export function clearOfLabels(labels: readonly LabelBox[], obstacles: readonly LabelBox[]): number[] {
  const taken = [...obstacles];
  return labels.map(({ y, start, end }) => {
    let at = y;
    while (taken.some((o) => Math.abs(o.y - at) < REF_LINE_PX && start < o.end + GAP_PX && end + GAP_PX > o.start)) at += REF_LINE_PX;
    // a label left where it was is already clear of the others (refLabelEnds put them side by side)
    if (at !== y) taken.push({ y: at, start, end });
    return at;
  });
}

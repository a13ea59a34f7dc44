/**
 * Watches the JavaScript heap during a CLI run. Node stops a process that fills its heap with a
 * fatal error and a native stack trace, hours into a large run (--scale 200 starts at 2 GB, and
 * Node's default limit is about 4 GB). Instead, the run warns early when its growth so far points past
 * the limit, and stops cleanly, naming the day, the sizes and the remedies, when the heap is nearly full.
 */

/**
 * Stop above this share of the heap limit. Node's limit counts the young generation too (--max-old-
 * space-size=300 reports 348 MB), and a simulated day must still fit: 0.8 leaves both.
 */
export const STOP_SHARE = 0.8;
/** The next slice of simulated time, in hours, for a heap this full (share of the limit). */
export function sliceHours(share: number): number {
  if (share > 0.7) return 1;
  if (share > 0.6) return 6;
  return 24;
}

/** Project the growth only after this share of the horizon: early days are set-up and warm-up. */
const PROJECT_AFTER = 0.1;

export interface HeapReading {
  /** Simulated day now, and of the first reading. */
  day: number;
  firstDay: number;
  horizonDays: number;
  /** Heap in use now and at the first reading, and the limit, in bytes. */
  used: number;
  firstUsed: number;
  limit: number;
}

export type HeapVerdict = { kind: 'ok' } | { kind: 'warn'; projected: number } | { kind: 'stop' };

export function assessHeap(r: HeapReading): HeapVerdict {
  if (r.used > STOP_SHARE * r.limit) return { kind: 'stop' };
  const span = r.day - r.firstDay;
  if (span > 0 && r.day >= PROJECT_AFTER * r.horizonDays) {
    const projected = r.used + ((r.used - r.firstUsed) / span) * (r.horizonDays - r.day);
    if (projected > STOP_SHARE * r.limit) return { kind: 'warn', projected };
  }
  return { kind: 'ok' };
}

const MB = 2 ** 20;
const mb = (bytes: number) => `${Math.round(bytes / MB)} MB`;

/** What the user can do: run less, or (when the machine has the memory) give Node a larger heap. */
export function heapRemedy(limit: number, totalMemory: number): string {
  const limitMb = limit / MB;
  const roomMb = Math.floor((0.75 * totalMemory) / MB / 1024) * 1024;
  const suggestMb = Math.min(roomMb, Math.max(1024, Math.ceil((2 * limitMb) / 1024) * 1024));
  const gb = (totalMemory / 2 ** 30).toFixed(0);
  if (suggestMb <= limitMb) return `use a smaller --scale or --days (Node's heap is already near what this machine's ${gb} GB allow)`;
  return `use a smaller --scale or --days, or give Node a larger heap: NODE_OPTIONS=--max-old-space-size=${suggestMb} (in MB; this machine has ${gb} GB)`;
}

export function heapStopMessage(r: HeapReading, totalMemory: number): string {
  return `out of memory at day ${r.day.toFixed(0)}/${r.horizonDays}: the heap holds ${mb(r.used)} of Node's ${mb(r.limit)} limit (it grows with --scale and with the days run); ${heapRemedy(r.limit, totalMemory)}`;
}

export function heapWarnMessage(r: HeapReading, projected: number, totalMemory: number): string {
  return `warning: at this pace the heap reaches about ${mb(projected)} by day ${r.horizonDays}, past Node's ${mb(r.limit)} limit, and the run would stop there; ${heapRemedy(r.limit, totalMemory)}`;
}

/**
 * How the CLI advances a run: in slices of simulated time (a day, shorter as the heap fills:
 * memoryGuard.ts), each also cut at SLICE_EVENTS events. Between slices the CLI reports progress,
 * watches the heap and the disk, and sees Ctrl-C. Why the event budget: a slice of a day is about
 * 12,000 events in the baseline, but a scenario with a million jobs an hour ran 9 M events in its
 * first day, 81 s with no progress line and Ctrl-C unanswered until the day was over. Slices of any
 * size give the same run (run.ts), so the budget changes nothing in the outputs.
 */
import type { Run } from '../sim/run.ts';
import type { HeapWatch } from './memoryGuard.ts';

/** The most events in one slice: about half a second of the baseline's pace on a 2-core machine. */
export const SLICE_EVENTS = 200_000;

export class RunSlices {
  /** Where the current slice of simulated time ends (h). */
  private target: number;

  constructor(
    private run: Run,
    private heap: HeapWatch,
  ) {
    this.target = run.now() + 24;
  }

  /**
   * Runs one slice: up to the slice's end or SLICE_EVENTS events, whichever comes first. At the end
   * of a slice the heap's check sets the next one's length; a slice cut short only has the heap
   * guarded (either throws when the heap is nearly full).
   */
  next(): void {
    const run = this.run;
    if (run.advance(this.target, SLICE_EVENTS)) this.target = run.now() + this.heap.check(run.now() / 24);
    else this.heap.guard(run.now() / 24);
  }
}

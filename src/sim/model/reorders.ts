/**
 * The order a failed lease's remaining work is placed as (the machine's FX_REQUEUE): the same job,
 * its class, size, filters, budget and cloud price, with a patience drawn afresh as a new order of
 * its class would have it, on the 'requeue' stream (so re-orders leave the other streams' numbers
 * alone). The model sets the work left and, for a reservation, the patience its booking allows.
 */
import type { JobDraw } from '../demand/jobs.ts';
import type { Sampler } from '../rng/distributions.ts';
import { samplerOf as samplerOfPatience } from '../rng/fromDist.ts';
import type { Streams } from '../rng/streams.ts';
import { JOB_CLASSES, type Scenario } from '../scenario/schema.ts';
import type { Lease } from './types.ts';

export class Reorders {
  /** Per job class: its patience sampler on the 'requeue' stream, made at the first re-order. */
  private patience: Sampler[] | null = null;

  constructor(
    private s: Scenario,
    private streams: Streams,
  ) {}

  /** The job draw of lease l's re-order (a new object: the caller may adjust and keep it). */
  draw(l: Lease): JobDraw {
    return {
      jobClass: l.jobClass,
      gpus: l.gpus,
      minVramGb: l.minVramGb,
      minTier: l.minTier,
      region: l.region,
      regionLocked: l.regionLocked,
      durationHours: l.workHours,
      budgetUsdPerGpuHour: l.budgetUsdPerGpuHour,
      cloudUsdPerGpuHour: l.cloudUsdPerGpuHour,
      patienceHours: this.patienceFor(l.jobClass),
      cancelAfterHours: l.cancelAfterHours,
      checkpointHours: l.checkpointHours,
    };
  }

  private patienceFor(c: number): number {
    if (!this.patience) {
      const rng = this.streams.get('requeue');
      this.patience = JOB_CLASSES.map((name) => {
        const jc = this.s.demand.classes[name];
        if (jc.unlimitedPatience) return () => Infinity;
        return samplerOfPatience(jc.patienceHours, rng);
      });
    }
    return this.patience[c]();
  }
}

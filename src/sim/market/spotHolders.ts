/**
 * The providers holding spot leases, for preemption (scenario `market.spot`): an on-demand order
 * that finds no free GPU looks here for providers whose free GPUs plus those their spot leases hold
 * would serve it, and its matcher chooses among them. Lists by (GPU model, region), each sorted by
 * (ask, id) like the matcher's index, so the cheapest affordable holders are a prefix and an order
 * looks at a few per list, never at every provider.
 */
import type { Lease, Provider } from '../model/types.ts';
import { grown } from '../core/grown.ts';
import { SortedList } from './sortedList.ts';

/** Holders looked at per list, cheapest first, before the list is given up (the ones skipped are offline, too small or closing their window soon). */
export const PREEMPT_TRIES_PER_LIST = 16;

export class SpotHolders {
  private readonly lists: SortedList[];
  /** Per provider: the list it is in (-1: none) and the ask it was listed at. */
  private listedIn = new Int32Array(256).fill(-1);
  private listedAsk = new Float64Array(256);

  constructor(
    nModels: number,
    private readonly nRegions: number,
  ) {
    this.lists = Array.from({ length: nModels * nRegions }, () => new SortedList());
  }

  /** Lists p if it is in the network and holds spot GPUs, at its current ask; call after either changes. */
  update(p: Provider): void {
    if (p.id >= this.listedIn.length) {
      const n = Math.max(p.id + 1, 2 * this.listedIn.length);
      this.listedIn = grown(this.listedIn, n, -1);
      this.listedAsk = grown(this.listedAsk, n);
    }
    const want = p.active && p.spotGpus > 0 ? p.model * this.nRegions + p.region : -1;
    const cur = this.listedIn[p.id];
    if (cur === want && (want < 0 || this.listedAsk[p.id] === p.askUsdPerGpuHour)) return;
    if (cur >= 0 && !this.lists[cur].remove(p.id, this.listedAsk[p.id])) throw new Error(`spot holders corrupt: provider ${p.id} not in its list`);
    if (want >= 0) this.lists[want].insert(p.id, p.askUsdPerGpuHour);
    this.listedIn[p.id] = want;
    this.listedAsk[p.id] = p.askUsdPerGpuHour;
  }

  /**
   * The candidates for a preempting match, into `out` (returns their number): of each list of the
   * order's eligible models and regions, the cheapest holder with an ask within its budget that
   * `fits` accepts, looking at most PREEMPT_TRIES_PER_LIST deep. The matcher's policy then chooses
   * among them as it chooses among free providers. Lists in model then region order.
   */
  candidates(o: Lease, models: readonly number[], providers: readonly Provider[], fits: (p: Provider) => boolean, out: number[]): number {
    const nr = this.nRegions;
    const r0 = o.regionLocked ? o.region : 0;
    const r1 = o.regionLocked ? o.region + 1 : nr;
    const budget = o.budgetUsdPerGpuHour;
    let count = 0;
    for (const m of models) {
      for (let r = r0; r < r1; r++) {
        const list = this.lists[m * nr + r];
        const n = Math.min(list.n, PREEMPT_TRIES_PER_LIST);
        for (let i = 0; i < n; i++) {
          if (list.asks[i] > budget) break;
          const id = list.ids[i];
          if (!fits(providers[id])) continue;
          out[count++] = id;
          break;
        }
      }
    }
    return count;
  }

  /** Number of listed providers (tests). */
  count(): number {
    let n = 0;
    for (const l of this.lists) n += l.n;
    return n;
  }
}

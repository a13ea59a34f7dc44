/**
 * What a running lease adds to the counts while it is 'active': its GPUs busy on its provider and in
 * the network's busy GPUs by tier, type and region; what it bills per hour by tier and region and what
 * the same GPUs would cost in the cloud (the market metrics integrate these rates over time); and the
 * spot or reserved share of both. A lease entering 'active' adds them, one leaving takes them back.
 *
 * Why one function for both directions: the two were near-mirror blocks in the model, and a field
 * added to one and not the other would leave a busy count that never returns to zero. With
 * sign = -1 the sums come out bit for bit as the subtractions did: g = -gpus is exact, so
 * price x g is exactly -(price x gpus) (rounding is symmetric about zero), and x + (-y) is x - y in
 * IEEE 754. The byte-identical outputs of every preset check this.
 */
import type { MarketMetrics } from '../metrics/marketMetrics.ts';
import type { Lease, Provider } from './types.ts';

/** Adds (sign 1, entering 'active') or takes back (sign -1, leaving it) lease l's busy GPUs and bill rates on provider p. */
export function countActive(m: MarketMetrics, p: Provider, l: Lease, sign: 1 | -1): void {
  const g = sign * l.gpus;
  const bill = l.priceUsdPerGpuHour * g;
  p.busyGpus += g;
  m.busyGpus[l.tier] += g;
  m.busyByType[p.archetype] += g;
  m.busyByRegion[p.region] += g;
  m.billRateByRegion[p.region] += bill;
  m.billRate[l.tier] += bill;
  m.cloudRate[l.tier] += l.cloudUsdPerGpuHour * g;
  if (l.spot) {
    m.spotBusy += g;
    m.spotBillRate += bill;
  } else if (l.reserved) {
    m.reservedBusy += g;
    m.reservedBillRate += bill;
  }
}

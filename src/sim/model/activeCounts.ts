/**
 * What a lease adds to the counts while it runs ('active'), and a provider while it is in the
 * network (p.active). A running lease: its GPUs busy on its provider and in the network's busy GPUs
 * by tier, type and region; what it bills per hour by tier and region and what the same GPUs would
 * cost in the cloud (the market metrics integrate these rates over time); and the spot or reserved
 * share of both. A provider: its GPUs and itself in the network's totals, by type and by region.
 * Entering adds them, leaving takes them back.
 *
 * Why one signed function per pair: the two directions were near-mirror blocks in the model, and a
 * field added to one and not the other would leave a count that never returns to zero. With
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

/** Adds (sign 1, joining) or takes back (sign -1, leaving) provider p's GPUs and itself in the network's counts. */
export function countActiveProvider(m: MarketMetrics, p: Provider, sign: 1 | -1): void {
  m.gpusTotal += sign * p.gpus;
  m.providersActive += sign;
  m.gpusByType[p.archetype] += sign * p.gpus;
  m.providersByType[p.archetype] += sign;
  m.providersByRegion[p.region] += sign;
}

import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { OrderBook, plannedHours, type ServableQuery } from '../../../src/sim/market/orderBook.ts';
import type { Lease } from '../../../src/sim/model/types.ts';

const N_MODELS = 5;
const N_REGIONS = 4;
/** A toy catalogue: model m has 8 * (m + 1) GB and tier m % 3. */
const vram = (m: number) => 8 * (m + 1);
const tier = (m: number) => m % 3;
const eligible = (minVram: number, minTier: number, m: number) => vram(m) >= minVram && tier(m) >= minTier;

type Order = Pick<Lease, 'id' | 'gpus' | 'minVramGb' | 'minTier' | 'region' | 'regionLocked' | 'budgetUsdPerGpuHour' | 'workHours' | 'cancelAfterHours'>;

const orderArb = fc.record({
  gpus: fc.constantFrom(1, 1, 1, 2, 3, 4, 8, 9),
  minVramGb: fc.constantFrom(0, 8, 16, 24, 40),
  minTier: fc.nat(2),
  region: fc.nat(N_REGIONS - 1),
  regionLocked: fc.boolean(),
  budgetUsdPerGpuHour: fc.double({ min: 0.1, max: 3, noNaN: true }),
  workHours: fc.constantFrom(0.5, 1, 2, 5, 13, 24, 30, 200),
  cancelAfterHours: fc.constantFrom(Infinity, Infinity, 3),
});

const queryArb = fc.record({
  model: fc.nat(N_MODELS - 1),
  region: fc.nat(N_REGIONS - 1),
  free: fc.integer({ min: 1, max: 10 }),
  ask: fc.double({ min: 0.1, max: 3, noNaN: true }),
  workLimit: fc.constantFrom(Infinity, Infinity, 0.7, 3, 12, 20),
});

/** The definition: scan every waiting order in arrival order and take the first the provider passes. */
function reference(queue: Order[], q: ServableQuery, skip: number[]): number {
  for (const o of queue) {
    if (skip.includes(o.id)) continue;
    if (o.gpus > q.free || o.budgetUsdPerGpuHour < q.ask || !eligible(o.minVramGb, o.minTier, q.model)) continue;
    if (o.regionLocked && o.region !== q.region) continue;
    if (plannedHours(o) > q.workLimit) continue;
    return o.id;
  }
  return -1;
}

/** Orders that all land in one or two segments, so slots are compacted and arrays grown many times. */
const crowdedArb = fc.record({
  gpus: fc.constant(1),
  minVramGb: fc.constant(0),
  minTier: fc.constant(0),
  region: fc.constant(0),
  regionLocked: fc.boolean(),
  budgetUsdPerGpuHour: fc.double({ min: 0.1, max: 3, noNaN: true }),
  workHours: fc.constant(2),
  cancelAfterHours: fc.constant(Infinity),
});

describe('OrderBook', () => {
  test.each([
    ['varied orders', orderArb],
    ['orders crowded into few segments', crowdedArb],
  ])('always offers the earliest waiting order the provider can serve, through pushes, removals, compaction and growth (%s, property)', (_name, orderArb) => {
    const op = fc.oneof(
      { weight: 4, arbitrary: orderArb.map((o) => ({ kind: 'push' as const, o })) },
      { weight: 2, arbitrary: fc.nat(10_000).map((k) => ({ kind: 'remove' as const, k })) },
      { weight: 2, arbitrary: fc.tuple(queryArb, fc.nat(3)).map(([q, nSkip]) => ({ kind: 'query' as const, q, nSkip })) },
    );
    fc.assert(
      fc.property(fc.array(op, { minLength: 100, maxLength: 1500 }), (ops) => {
        const book = new OrderBook(N_MODELS, N_REGIONS, eligible, 10_000);
        const queue: Order[] = [];
        let next = 0;
        for (const x of ops) {
          if (x.kind === 'push') {
            const o = { ...x.o, id: next++ };
            book.push(o as Lease);
            queue.push(o);
          } else if (x.kind === 'remove') {
            if (queue.length === 0) continue;
            const [o] = queue.splice(x.k % queue.length, 1);
            book.remove(o.id);
          } else {
            const skip = queue.slice(0, x.nSkip).map((o) => o.id);
            expect(book.firstServable(x.q, skip)).toBe(reference(queue, x.q, skip));
          }
          expect(book.length).toBe(queue.length);
        }
        expect(book.ids()).toEqual(queue.map((o) => o.id));
      }),
      { numRuns: 80, seed: 11 },
    );
  });

  test('a provider finds a servable order behind thousands it cannot serve', () => {
    const book = new OrderBook(N_MODELS, N_REGIONS, eligible);
    const base = { gpus: 1, minVramGb: 0, minTier: 0, region: 0, regionLocked: false, workHours: 2, cancelAfterHours: Infinity };
    for (let id = 0; id < 5000; id++) book.push({ ...base, id, budgetUsdPerGpuHour: 0.2 } as Lease);
    book.push({ ...base, id: 5000, budgetUsdPerGpuHour: 2 } as Lease);
    expect(book.firstServable({ model: 0, region: 0, free: 1, ask: 1, workLimit: Infinity })).toBe(5000);
    expect(book.firstServable({ model: 0, region: 0, free: 1, ask: 0.1, workLimit: Infinity })).toBe(0);
  });

  test('pushing an order twice or removing one that is not queued is an error naming it', () => {
    const book = new OrderBook(N_MODELS, N_REGIONS, eligible);
    const o = { id: 1, gpus: 1, minVramGb: 0, minTier: 0, region: 0, regionLocked: false, budgetUsdPerGpuHour: 1, workHours: 1, cancelAfterHours: Infinity } as Lease;
    book.push(o);
    expect(() => book.push(o)).toThrow(/order 1 is already in the queue/);
    book.remove(1);
    expect(() => book.remove(1)).toThrow(/order 1 is not in the queue/);
  });
});

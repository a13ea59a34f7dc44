import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { OrderQueue } from '../../../src/sim/market/orderQueue.ts';
import type { Lease } from '../../../src/sim/model/types.ts';

const order = (id: number): Lease =>
  ({ id, gpus: 1 + (id % 4), minVramGb: (id % 3) * 8, minTier: id % 2, region: id % 4, regionLocked: id % 5 === 0, budgetUsdPerGpuHour: id / 10 }) as Lease;

/** Live orders in queue order, with the flat fields the matcher scans. */
function live(q: OrderQueue) {
  const out: { id: number; gpus: number; minVram: number; minTier: number; region: number; budget: number }[] = [];
  for (let i = q.head; i < q.tail; i++) {
    if (!q.alive[i]) continue;
    out.push({ id: q.ids[i], gpus: q.gpus[i], minVram: q.minVram[i], minTier: q.minTier[i], region: q.region[i], budget: q.budget[i] });
  }
  return out;
}

const expected = (id: number) => {
  const l = order(id);
  return { id, gpus: l.gpus, minVram: l.minVramGb, minTier: l.minTier, region: l.regionLocked ? l.region : -1, budget: l.budgetUsdPerGpuHour };
};

describe('OrderQueue', () => {
  test('FIFO order and fields survive random pushes and removals through compaction and growth (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof({ weight: 3, arbitrary: fc.constant(-1) }, { weight: 2, arbitrary: fc.nat(10_000) }), { minLength: 600, maxLength: 3000 }), (ops) => {
        const q = new OrderQueue();
        const ref: number[] = [];
        let next = 0;
        for (const op of ops) {
          if (op === -1 || ref.length === 0) {
            q.push(order(next));
            ref.push(next++);
          } else {
            const k = op % ref.length;
            q.remove(ref[k]);
            ref.splice(k, 1);
          }
          expect(q.length).toBe(ref.length);
        }
        expect(live(q)).toEqual(ref.map(expected));
      }),
      { numRuns: 60, seed: 8 },
    );
  });

  test('removing an order that is not queued is an error naming it', () => {
    const q = new OrderQueue();
    q.push(order(1));
    q.remove(1);
    expect(() => q.remove(1)).toThrow(/order 1 is not in the queue/);
  });
});

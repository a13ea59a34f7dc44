/** Periodic settlement from the running-bills table pays exactly what settling each lease would. */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { RunningBills } from '../../../src/sim/lease/runningBills.ts';
import { blankLease } from '../../../src/sim/lease/pool.ts';
import { UNITS_PER } from '../../../src/sim/economy/ledger.ts';

describe('RunningBills', () => {
  test('settlements equal the per-lease formula, capped by escrow; close returns what was paid', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            provider: fc.integer({ min: 0, max: 5 }),
            price: fc.double({ min: 0.05, max: 9, noNaN: true }),
            gpus: fc.constantFrom(1, 2, 8),
            start: fc.double({ min: 0, max: 48, noNaN: true }),
            escrowH: fc.double({ min: 0.5, max: 100, noNaN: true }),
          }),
          { minLength: 1, maxLength: 40 },
        ),
        fc.array(fc.double({ min: 0, max: 24, noNaN: true }), { minLength: 1, maxLength: 5 }),
        (leases, steps) => {
          const bills = new RunningBills();
          const ref = leases.map((x) => ({
            ...blankLease(),
            provider: x.provider,
            gpus: x.gpus,
            priceUsdPerGpuHour: x.price,
            runFrom: x.start,
            escrowUnits: Math.round(x.price * x.gpus * x.escrowH * UNITS_PER),
          }));
          const slots = ref.map((l) => bills.open(l));
          let now = 48;
          for (const dt of steps) {
            now += dt;
            const owed = new Float64Array(6);
            bills.settle(now, owed);
            const want = new Float64Array(6);
            for (const l of ref) {
              // the per-lease settlement of the model
              const due = Math.min(l.escrowUnits, Math.round(l.priceUsdPerGpuHour * l.gpus * (now - l.runFrom) * UNITS_PER));
              if (due - l.paidUnits > 0) {
                want[l.provider] += due - l.paidUnits;
                l.paidUnits = due;
              }
            }
            expect(Array.from(owed)).toEqual(Array.from(want));
          }
          ref.forEach((l, i) => {
            expect(bills.paidOf(slots[i])).toBe(l.paidUnits);
            expect(l.paidUnits).toBeLessThanOrEqual(l.escrowUnits);
            expect(bills.close(slots[i])).toBe(l.paidUnits);
          });
          expect(bills.size).toBe(0);
        },
      ),
      { numRuns: 200 },
    );
  });

  test('a lease resumed after a stall bills on from the hours it had run and been paid for', () => {
    const bills = new RunningBills();
    // ran 2 h at $1.5/GPU-h on 2 GPUs, paid for them at the stall, resumed at t = 10
    const paid = Math.round(1.5 * 2 * 2 * UNITS_PER);
    const s = bills.open({ ...blankLease(), provider: 3, priceUsdPerGpuHour: 1.5, gpus: 2, runFrom: 10 - 2, paidUnits: paid, escrowUnits: 1e12 });
    const owed = new Float64Array(4);
    bills.settle(11, owed);
    expect(owed[3]).toBe(Math.round(1.5 * 2 * 3 * UNITS_PER) - paid); // one hour since the resume: the stall's hours are not billed
    expect(bills.close(s)).toBe(Math.round(1.5 * 2 * 3 * UNITS_PER));
  });

  test('a closed slot is reused, and closing it twice is an error', () => {
    const bills = new RunningBills();
    const a = bills.open({ ...blankLease(), provider: 1, priceUsdPerGpuHour: 1, runFrom: 0, escrowUnits: 10 });
    bills.close(a);
    expect(() => bills.close(a)).toThrow(/not open/);
    const b = bills.open({ ...blankLease(), provider: 2, priceUsdPerGpuHour: 1, runFrom: 0, escrowUnits: 10 });
    expect(b).toBe(a);
  });

  test('grows past its initial size without losing a bill', () => {
    const bills = new RunningBills();
    const n = 3000;
    for (let i = 0; i < n; i++) bills.open({ ...blankLease(), provider: i % 7, priceUsdPerGpuHour: 1, gpus: 1, runFrom: 0, escrowUnits: 1e9 });
    const owed = new Float64Array(7);
    bills.settle(2, owed); // 2 h at $1/GPU-h each
    expect(owed.reduce((s, x) => s + x, 0)).toBe(n * 2 * UNITS_PER);
    expect(bills.size).toBe(n);
  });
});

import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { EventQueue, MAX_PRIORITY } from '../../../src/sim/core/eventQueue.ts';

interface Popped {
  time: number;
  kind: number;
  a: number;
  b: number;
  seq: number;
}

function drain(q: EventQueue): Popped[] {
  const out: Popped[] = [];
  while (q.pop()) out.push({ time: q.topTime, kind: q.topKind, a: q.topA, b: q.topB, seq: q.topSeq });
  return out;
}

describe('EventQueue', () => {
  test('pops in total order (time, priority, seq)', () => {
    const q = new EventQueue(16);
    // (time, priority) pairs pushed out of order; a carries the push index
    const pushes: [number, number][] = [
      [5, 0], [1, 3], [1, 0], [3, 1], [1, 3], [0.5, MAX_PRIORITY], [3, 0], [1, 0], [5, 0], [0.5, 0],
    ];
    pushes.forEach(([t, p], i) => q.push(t, p, 0, i, 0));
    const order = drain(q).map((e) => e.a);
    const expected = pushes
      .map(([t, p], i) => ({ t, p, i }))
      .sort((x, y) => x.t - y.t || x.p - y.p || x.i - y.i)
      .map((x) => x.i);
    expect(order).toEqual(expected);
  });

  test('FIFO among equal (time, priority), across heap growth', () => {
    const q = new EventQueue(16);
    const n = 5000;
    for (let i = 0; i < n; i++) q.push(7, 2, 1, i, -i);
    const out = drain(q);
    expect(out.map((e) => e.a)).toEqual(Array.from({ length: n }, (_, i) => i));
    expect(out.every((e) => e.b === -e.a && e.kind === 1 && e.time === 7)).toBe(true);
  });

  test('handles are distinct non-negative integers, also when slots are reused', () => {
    const q = new EventQueue(16);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const h = q.push(i, 0, 0, 0, 0);
      expect(Number.isSafeInteger(h) && h >= 0).toBe(true);
      expect(seen.has(h)).toBe(false);
      seen.add(h);
      if (i % 3 !== 0) q.pop(); // free a slot now and then, so the next push reuses it
    }
    expect(q.scheduledCount).toBe(2000);
  });

  test('lazy cancel: cancelled events are skipped by pop, popUntil and peekTime', () => {
    const q = new EventQueue();
    const h0 = q.push(1, 0, 0, 10, 0);
    const h1 = q.push(2, 0, 0, 11, 0);
    q.push(3, 0, 0, 12, 0);
    const h3 = q.push(4, 0, 0, 13, 0);
    q.cancel(h0);
    q.cancel(h3);
    expect(q.peekTime()).toBe(2);
    expect(q.popUntil(1.5)).toBe(false); // h0 is cancelled, h1 is later than 1.5
    expect(q.popUntil(2)).toBe(true);
    expect(q.topA).toBe(11);
    expect(q.topSeq).toBe(1); // the second event scheduled
    expect(h1).not.toBe(h0);
    expect(drain(q).map((e) => e.a)).toEqual([12]);
    expect(q.peekTime()).toBe(Infinity);
    expect(q.pop()).toBe(false);
  });

  test('cancelling an unknown or already-run handle does not drop a later event', () => {
    const q = new EventQueue();
    const h = q.push(1, 0, 0, 1, 0);
    expect(q.pop()).toBe(true);
    q.cancel(h); // already popped: the record must not hit anything else
    q.cancel(-1);
    q.cancel(99); // never issued
    q.cancel(0.5);
    q.push(2, 0, 0, 2, 0); // reuses the popped event's slot
    q.cancel(h); // the old handle of that slot must not cancel the new event
    expect(drain(q).map((e) => e.a)).toEqual([2]);
  });

  // Times for the property below: near ones that tie often, ones spread over the bucket ring and
  // past it (the overflow), integers (bucket edges) and huge ones (straight into the heap).
  const timeArbs: [string, fc.Arbitrary<number>][] = [
    ['near, many ties', fc.integer({ min: 0, max: 30 }).map((x) => x / 4)],
    [
      'spread over the ring, its edges and the overflow',
      fc.oneof(
        fc.double({ min: 0, max: 3000, noNaN: true }),
        fc.integer({ min: 0, max: 600 }),
        fc.integer({ min: 0, max: 600 }).map((x) => x - 2 ** -40),
        fc.constantFrom(2 ** 52, 2 ** 60, 1e300),
      ),
    ],
  ];

  test.each(timeArbs)('queue matches a sorted reference over random pushes, pops and cancels: %s (property)', (_name, timeArb) => {
    type Op = { op: 'push'; t: number; p: number } | { op: 'pop' } | { op: 'cancel'; k: number };
    const opArb: fc.Arbitrary<Op> = fc.oneof(
      { weight: 5, arbitrary: fc.record({ op: fc.constant('push' as const), t: timeArb, p: fc.integer({ min: 0, max: 3 }) }) },
      { weight: 3, arbitrary: fc.constant({ op: 'pop' as const }) },
      { weight: 1, arbitrary: fc.record({ op: fc.constant('cancel' as const), k: fc.nat(200) }) },
    );
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 400, size: 'max' }), (ops) => {
        const q = new EventQueue(16);
        // reference: live entries, sorted on pop
        let ref: { t: number; p: number; seq: number }[] = [];
        const cancelled = new Set<number>();
        let seq = 0;
        const handles: number[] = [];
        for (const o of ops) {
          if (o.op === 'push') {
            handles.push(q.push(o.t, o.p, 3, seq, 0));
            ref.push({ t: o.t, p: o.p, seq: seq++ });
          } else if (o.op === 'cancel') {
            if (seq === 0) continue;
            // any handle issued so far: pending (dropped from the reference) or already run (no effect)
            const s = o.k % seq;
            q.cancel(handles[s]);
            cancelled.add(s);
            ref = ref.filter((e) => e.seq !== s);
          } else {
            ref.sort((x, y) => x.t - y.t || x.p - y.p || x.seq - y.seq);
            const want = ref.shift();
            const got = q.pop();
            expect(got).toBe(want !== undefined);
            if (want) {
              expect(q.topTime).toBe(want.t);
              expect(q.topSeq).toBe(want.seq);
              expect(q.topA).toBe(want.seq);
            }
          }
        }
        ref.sort((x, y) => x.t - y.t || x.p - y.p || x.seq - y.seq);
        expect(drain(q).map((e) => e.seq)).toEqual(ref.map((e) => e.seq));
      }),
      { numRuns: 100, seed: 20240601 },
    );
  });

  test('packed order key keeps priority above sequence for large sequence numbers', () => {
    // priority MAX at seq 0 must still come after priority 0 at a later seq
    const q = new EventQueue();
    q.push(1, MAX_PRIORITY, 0, 1, 0);
    for (let i = 0; i < 1000; i++) q.push(2, 0, 0, 100 + i, 0);
    q.push(1, 0, 0, 2, 0);
    q.push(1, 1, 0, 3, 0);
    expect(drain(q).slice(0, 3).map((e) => e.a)).toEqual([2, 3, 1]);
  });
});

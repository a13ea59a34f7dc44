// The CLI's heap watch: a run that would fill Node's heap stops with a clear message, early enough.
import { describe, expect, it } from 'vitest';
import { assessHeap, HeapWatch, heapRemedy, oldSpaceLimit, heapStopMessage, heapWarnMessage, mustStop, needsCollection, sliceHours, STOP_SHARE, Troughs } from '../../src/cli/memoryGuard.ts';

const MB = 2 ** 20;
const GB = 2 ** 30;
const LIMIT = 4096 * MB;
const reading = (o: Partial<Parameters<typeof assessHeap>[0]>) => ({ day: 50, firstDay: 1, horizonDays: 365, used: 100 * MB, firstUsed: 90 * MB, limit: LIMIT, ...o });

describe('when to collect and when to stop', () => {
  it('collects once the heap passes the stop share, then again only after it grew by 5% of the limit', () => {
    expect(needsCollection((STOP_SHARE - 0.01) * LIMIT, LIMIT, -1)).toBe(false);
    expect(needsCollection((STOP_SHARE + 0.01) * LIMIT, LIMIT, -1)).toBe(true);
    const live = 0.5 * LIMIT; // the last collection found half the limit live
    expect(needsCollection((STOP_SHARE + 0.01) * LIMIT, LIMIT, (STOP_SHARE - 0.03) * LIMIT)).toBe(false);
    expect(needsCollection((STOP_SHARE + 0.01) * LIMIT, LIMIT, live)).toBe(true);
  });

  it('stops only when what is live after the collection passes the stop share', () => {
    expect(mustStop((STOP_SHARE + 0.01) * LIMIT, LIMIT)).toBe(true);
    expect(mustStop((STOP_SHARE - 0.01) * LIMIT, LIMIT)).toBe(false);
  });
});

describe('assessHeap', () => {
  it('warns when the growth so far, carried to the horizon, passes the stop share', () => {
    // 1 GB to 2 GB in 49 days: about 8.4 GB by day 365, past 0.65 x 4 GB
    const v = assessHeap(reading({ firstUsed: GB, used: 2 * GB }));
    expect(v.kind).toBe('warn');
    if (v.kind === 'warn') expect(v.projected / GB).toBeCloseTo(2 + (1 / 49) * 315, 5);
    // flat or shrinking heaps never warn
    expect(assessHeap(reading({ firstUsed: 2 * GB, used: 2 * GB })).kind).toBe('ok');
    expect(assessHeap(reading({ firstUsed: 2 * GB, used: GB })).kind).toBe('ok');
  });

  it('does not project from the first tenth of the horizon (set-up and warm-up)', () => {
    expect(assessHeap(reading({ day: 30, firstUsed: GB, used: 2 * GB })).kind).toBe('ok');
  });

  it('does not warn in the last tenth, when the run is nearly over', () => {
    expect(assessHeap(reading({ day: 300, firstUsed: GB, used: 2.5 * GB })).kind).toBe('warn');
    expect(assessHeap(reading({ day: 330, firstUsed: GB, used: 2.5 * GB })).kind).toBe('ok');
  });
});

describe('oldSpaceLimit', () => {
  it("is the --max-old-space-size the user set: V8's heap limit less the young generation's 48 MB", () => {
    expect(oldSpaceLimit(198 * MB)).toBe(150 * MB); // node --max-old-space-size=150
    expect(oldSpaceLimit(4144 * MB)).toBe(4096 * MB); // the default on this machine
    expect(oldSpaceLimit(80 * MB)).toBe(80 * MB); // too small to hold the reserve: left as it is
  });
});

describe('sliceHours', () => {
  it('is a day while the heap has room and shrinks to an hour as it fills', () => {
    expect(sliceHours(0.3)).toBe(24);
    expect(sliceHours(0.55)).toBe(6);
    expect(sliceHours(0.62)).toBe(1);
  });
});

describe('messages', () => {
  it('suggest a larger heap the machine can give, in MB', () => {
    expect(heapRemedy(LIMIT, 24 * GB)).toBe('use a smaller --scale or --days, or give Node a larger heap: NODE_OPTIONS=--max-old-space-size=8192 (in MB; this machine has 24 GB)');
    // never more than 3/4 of the machine's memory
    expect(heapRemedy(LIMIT, 8 * GB)).toContain('--max-old-space-size=6144');
  });

  it('when the memory a network needs is known, suggest a heap it fits in, or say the machine has none', () => {
    // 8 GB live, with a quarter more for what the projection misses, needs a heap of 10 / 0.65 = 15.4 GB
    // to stay below the stop share: 16 GB, not twice the 4 GB
    expect(heapRemedy(LIMIT, 24 * GB, '--scale', 8 * GB)).toContain('--max-old-space-size=16384');
    expect(heapRemedy(LIMIT, 24 * GB, '--scale', 40 * GB)).toBe('use a smaller --scale (a heap it fits in, about 78848 MB, is more than this machine\'s 24 GB allow)');
  });

  it('say when the machine cannot give more', () => {
    expect(heapRemedy(6144 * MB, 8 * GB)).toBe("use a smaller --scale or --days (Node's heap is already near what this machine's 8 GB allow)");
  });

  it('name the day, the sizes and the horizon', () => {
    const r = reading({ day: 123.4, used: 2800 * MB });
    expect(heapStopMessage(r, 24 * GB)).toMatch(/^out of memory at day 123\/365: 2800 MB live, too close to Node's 4096 MB heap limit to go on/);
    expect(heapWarnMessage(r, 9000 * MB, 24 * GB)).toMatch(/^warning: at this pace the heap reaches about 9000 MB by day 365, more than fits in Node's 4096 MB heap limit/);
  });
});

describe('Troughs', () => {
  it('follows the lows of a sawtooth, so garbage between collections does not read as growth', () => {
    const t = new Troughs(5);
    // live 100 MB all along, garbage piling up to +80 MB between collections
    const saw = (i: number) => 100 + ((i * 20) % 100);
    for (let i = 0; i < 9; i++) t.add(saw(i));
    expect(t.ready()).toBe(false);
    t.add(saw(9));
    expect(t.ready()).toBe(true);
    expect(t.first()).toBe(100);
    expect(t.latest()).toBe(100);
    // a sawtooth whose lows climb 10 MB a slice: the latest low is the live size now
    for (let i = 10; i < 20; i++) t.add(100 + 10 * i + ((i * 20) % 100));
    expect(t.latest()).toBe(100 + 10 * 15);
  });
});

describe('HeapWatch while the network is built (an injected heap)', () => {
  /** A set-up of `total` providers at 1 KB each over a 50 MB start, with up to 60 MB of garbage; returns where it stopped. */
  function build(total: number, limit = LIMIT): { stoppedAt: number; message: string; collections: number } {
    let done = 0;
    let collected = false;
    let collections = 0;
    const live = () => 50 * MB + done * 1024;
    const heap = () => ({ used: live() + (collected ? 0 : ((done * 7919) % 60) * MB), limit });
    const w = new HeapWatch(365, () => {}, heap, () => {
      collections++;
      collected = true;
    });
    try {
      for (done = 4096; done <= total; done += 4096) {
        collected = false;
        w.checkSetup('providers', done, total);
      }
    } catch (e) {
      return { stoppedAt: done, message: (e as Error).message, collections };
    }
    return { stoppedAt: -1, message: '', collections };
  }

  it('stops a network that will not fit once two measurements show it, long before the heap is full', () => {
    const r = build(10_000_000);
    // measured at 2% and at 4% of the providers
    expect(r.stoppedAt).toBeLessThanOrEqual(0.05 * 10_000_000);
    expect(r.collections).toBe(2);
    // 50 MB + 10 M x 1 KB = 9816 MB
    expect(r.message).toMatch(/^out of memory ahead: 10,000,000 providers would take about 981[0-9] MB once built \(measured over the first [\d,]+\), too close to Node's 4096 MB heap limit/);
  });

  it('lets a network that fits be built, with few collections to measure it', () => {
    // 2.5 M providers at 1 KB: 2.4 GB, 60% of the heap, below the 65% where a run stops
    const r = build(2_500_000);
    expect(r.stoppedAt).toBe(-1);
    expect(r.collections).toBeLessThanOrEqual(10);
    // nothing measured for a small one
    expect(build(200_000).collections).toBe(0);
  });
});

describe('HeapWatch over a run (an injected heap)', () => {
  it('warns once, when a full window of troughs after the first shows growth that will not fit', () => {
    // 800 MB growing 40 MB a day, with up to 90 MB of garbage between collections
    let day = 0;
    const heap = () => ({ used: (800 + 40 * day + 30 * (day % 4)) * MB, limit: LIMIT });
    const warnings: { day: number; text: string }[] = [];
    const w = new HeapWatch(100, (text) => warnings.push({ day, text }), heap, () => {});
    for (day = 1; day <= 40; day++) w.check(day); // (it would stop near day 46)
    // troughs are compared once two windows of 14 daily readings are in: day 28
    expect(warnings.map((x) => x.day)).toEqual([28]);
    expect(warnings[0].text).toMatch(/^warning: at this pace the heap reaches about \d+ MB by day 100/);
  });

  it('collects when the heap looks full; stops only if what is live stays above the stop share', () => {
    let used = 0.7 * LIMIT;
    let collections = 0;
    const garbage = (live: number) => () => {
      collections++;
      used = live;
    };
    // mostly garbage: the collection brings it down, the run goes on
    const w = new HeapWatch(365, () => {}, () => ({ used, limit: LIMIT }), garbage(0.4 * LIMIT));
    expect(() => w.check(10)).not.toThrow();
    expect(collections).toBe(1);
    // live data above the share: stopped, naming the day and the sizes
    used = 0.72 * LIMIT;
    const full = new HeapWatch(365, () => {}, () => ({ used, limit: LIMIT }), garbage(0.7 * LIMIT));
    expect(() => full.check(40)).toThrow(/^out of memory at day 40\/365: 2867 MB live, too close to Node's 4096 MB heap limit/);
  });

  it('a slice cut short by its event budget is guarded by the same stop, without a reading for the growth warning', () => {
    let used = 0.72 * LIMIT;
    const full = new HeapWatch(365, () => {}, () => ({ used, limit: LIMIT }), () => (used = 0.7 * LIMIT));
    expect(() => full.guard(40.5)).toThrow(/^out of memory at day 40\/365: 2867 MB live/);
    // growth that check() warns of at its 28th reading: guard()'s readings in between do not count
    let day = 0;
    const heap = () => ({ used: (800 + 40 * day) * MB, limit: LIMIT });
    const warnings: number[] = [];
    const w = new HeapWatch(100, () => warnings.push(day), heap, () => {});
    for (day = 1; day <= 27; day++) {
      w.guard(day - 0.5);
      w.check(day);
    }
    expect(warnings).toEqual([]);
    w.check(day); // the 28th check, day 28
    expect(warnings).toEqual([28]);
  });
});

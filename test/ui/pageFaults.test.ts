// Faults outside any panel (lib/pageFaults.ts): an uncaught error or a lost promise is said once,
// with the text for a bug report; the browser's ResizeObserver notice is not a fault.
import { describe, expect, it } from 'vitest';
import { REPEAT_QUIET_MS, isBenign, pageFaultText, watchPageFaults, type PageFault } from '../../src/ui/lib/pageFaults.ts';

function errorEvent(error: unknown, message = error instanceof Error ? error.message : ''): Event {
  return Object.assign(new Event('error'), { error, message });
}

function rejection(reason: unknown): Event {
  return Object.assign(new Event('unhandledrejection'), { reason });
}

describe('faults outside any panel', () => {
  it('says an uncaught error and a lost promise, each with a report naming the version and the run', () => {
    const target = new EventTarget();
    const said: PageFault[] = [];
    let t = 0;
    const stop = watchPageFaults(target, (f) => said.push(f), () => ({ version: '0.22.3', run: { hash: 'abc123', seed: 4 } }), () => t);
    target.dispatchEvent(errorEvent(new TypeError('x.map is not a function')));
    target.dispatchEvent(rejection(new Error('the worker went away')));
    expect(said.map((f) => f.text)).toEqual([pageFaultText(new TypeError('x.map is not a function')), pageFaultText(new Error('the worker went away'))]);
    expect(said[0].text).toMatch(/^Something on the page failed: x\.map is not a function\. What you last did may not have taken effect/);
    const lines = said[0].report.split('\n');
    expect(lines[0]).toBe('depinsim v0.22.3: the page failed outside any panel (scenario hash abc123, seed 4)');
    expect(lines[1]).toBe('TypeError: x.map is not a function');
    // stopped: nothing more is said
    stop();
    t = REPEAT_QUIET_MS * 2;
    target.dispatchEvent(errorEvent(new Error('after the page went')));
    expect(said).toHaveLength(2);
  });

  it('says the same fault once in its quiet time, again after it; other faults meanwhile', () => {
    const target = new EventTarget();
    const said: string[] = [];
    let t = 1000;
    watchPageFaults(target, (f) => said.push(f.text), () => ({ version: '1', run: null }), () => t);
    target.dispatchEvent(errorEvent(new Error('same')));
    t += REPEAT_QUIET_MS - 1;
    target.dispatchEvent(errorEvent(new Error('same')));
    target.dispatchEvent(errorEvent(new Error('other')));
    expect(said).toHaveLength(2);
    t += 1;
    target.dispatchEvent(errorEvent(new Error('same')));
    expect(said).toHaveLength(3);
  });

  it('ignores the ResizeObserver notice; says an error with only a message, and a thrown value that is no Error', () => {
    const target = new EventTarget();
    const said: PageFault[] = [];
    watchPageFaults(target, (f) => said.push(f), () => ({ version: '1', run: null }));
    expect(isBenign('ResizeObserver loop completed with undelivered notifications.')).toBe(true);
    expect(isBenign('ResizeObserver loop limit exceeded')).toBe(true);
    target.dispatchEvent(errorEvent(null, 'ResizeObserver loop completed with undelivered notifications.'));
    expect(said).toHaveLength(0);
    target.dispatchEvent(errorEvent(null, 'Script error.'));
    target.dispatchEvent(rejection('a string rejected'));
    expect(said.map((f) => f.text.split('. What')[0])).toEqual(['Something on the page failed: Script error.', 'Something on the page failed: a string rejected']);
    expect(said[1].report).toBe('depinsim v1: the page failed outside any panel (no run on screen)\na string rejected');
  });
});

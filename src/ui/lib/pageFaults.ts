/**
 * Faults outside any panel's drawing: an event handler (a click, a key, a file picked), a timer or
 * a promise nobody awaited. The panels' error boundaries (components/PanelBoundary.svelte) do not
 * see these: before this, such a fault only reached the console, and the user saw a button that did
 * nothing. Now each one is said on the page as an error message, with the text for a bug report.
 */
import { bugReport, faultText } from './panelFaults.svelte.ts';

/** What the page says about one fault. */
export interface PageFault {
  /** The message, one line. */
  text: string;
  /** The text for a bug report (version, run, stack). */
  report: string;
}

/**
 * Errors the browser raises that are no fault of the page: Chromium reports a ResizeObserver whose
 * callback changed a size it observes as an error, though the next frame delivers what was left.
 */
const BENIGN = [/^ResizeObserver loop/];

/** The same fault again within this many milliseconds is not said again (a handler that fails on every event). */
export const REPEAT_QUIET_MS = 10_000;

/** True for an error message that is not a fault (BENIGN). */
export function isBenign(message: string): boolean {
  return BENIGN.some((re) => re.test(message));
}

/** The page's message for a fault: what failed and what the user may do. */
export function pageFaultText(error: unknown): string {
  return `Something on the page failed: ${faultText(error)}. What you last did may not have taken effect: try it again, or reload the page (your settings are kept).`;
}

/** What a fault's report needs from the page: the version, and the run on screen. */
export interface FaultContext {
  version: string;
  run: { hash: string; seed: number } | null;
}

/** The events watched: a window, or any event target in tests. */
type Target = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;

/** What this module reads of the two events (ErrorEvent, PromiseRejectionEvent: DOM types this file's Node-side checks lack). */
interface ErrorLike {
  error?: unknown;
  message?: unknown;
}
interface RejectionLike {
  reason?: unknown;
}

/**
 * Says each uncaught error and unhandled promise rejection on `target` through `show`, once per
 * REPEAT_QUIET_MS for the same text. The browser's own console report is kept (no preventDefault):
 * the stack there is the developer's. Returns a function that stops watching.
 */
export function watchPageFaults(target: Target, show: (f: PageFault) => void, context: () => FaultContext, clock: () => number = () => performance.now()): () => void {
  const lastSaid = new Map<string, number>();
  const say = (error: unknown) => {
    const text = pageFaultText(error);
    const now = clock();
    const last = lastSaid.get(text);
    if (last !== undefined && now - last < REPEAT_QUIET_MS) return;
    lastSaid.set(text, now);
    const { version, run } = context();
    show({ text, report: bugReport('the page failed outside any panel', error, version, run) });
  };
  const onError = (e: Event) => {
    const ev = e as Event & ErrorLike;
    const message = typeof ev.message === 'string' ? ev.message : '';
    if (isBenign(message)) return;
    // a script that failed to load fires 'error' on its element, not here; what comes here has an error or a message
    say(ev.error ?? (message || 'an unknown error'));
  };
  const onRejection = (e: Event) => {
    const reason = (e as Event & RejectionLike).reason;
    if (reason instanceof Error && isBenign(reason.message)) return;
    say(reason);
  };
  target.addEventListener('error', onError);
  target.addEventListener('unhandledrejection', onRejection);
  return () => {
    target.removeEventListener('error', onError);
    target.removeEventListener('unhandledrejection', onRejection);
  };
}

/**
 * Faults in one panel stay in that panel (components/PanelBoundary.svelte). This module holds what
 * the boundaries share: the report of a fault, and a way for the end-to-end tests to make a named
 * panel fail on purpose (the boundary is what they test; no panel has a known fault to trigger).
 */

/** The panel the tests asked to fail (its title), or null. Set through window.__depinsim.breakPanel. */
export const injectedFault = $state<{ panel: string | null }>({ panel: null });

/** Throws the injected fault: called from inside the named panel's boundary. */
export function raiseInjectedFault(panel: string): never {
  throw new Error(`fault injected into the panel "${panel}" (test hook)`);
}

/** The console line of a panel's fault: the panel's name first, so the report says where it was. */
export function reportPanelFault(panel: string, error: unknown): void {
  console.error(`panel "${panel}" could not be drawn and was left out: ${faultText(error)}`, error);
}

/** A fault's one-line text for the page. */
export function faultText(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/**
 * A panel's fault as text to paste into a bug report: the panel, the error with its first stack
 * lines, and what reproduces it (the version, and the run's scenario hash and seed when there is one).
 */
export function faultReport(panel: string, error: unknown, version: string, run: { hash: string; seed: number } | null): string {
  return bugReport(`the panel "${panel}" failed`, error, version, run);
}

/** A bug report's text: what failed, where the run was, and the error with its first stack lines (a report to read, not a dump). */
export function bugReport(what: string, error: unknown, version: string, run: { hash: string; seed: number } | null): string {
  const stack = error instanceof Error && error.stack ? error.stack.split('\n').slice(0, 8).join('\n') : faultText(error);
  const where = run ? `scenario hash ${run.hash}, seed ${run.seed}` : 'no run on screen';
  return `depinsim v${version}: ${what} (${where})\n${stack}`;
}

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

/**
 * Scrolls a chart or table of the page (its anchor from chartIndex.ts) to just below the context
 * bar, which stays at the top of the window (not on a phone: it scrolls away), and moves the focus
 * to it, so the keyboard goes on from there. Its own module: it needs the DOM, which the tests of
 * the index (in Node) do not have.
 */
import { anchorOf } from './chartIndex.ts';

/** False when the page has no such panel (a mechanism's chart the scenario does not show). */
export function jumpToPanel(id: string): boolean {
  const el = document.getElementById(anchorOf(id));
  if (!el) return false;
  const bar = document.querySelector('header.bar');
  const covered = bar && getComputedStyle(bar).position === 'sticky' ? bar.getBoundingClientRect().height : 0;
  window.scrollTo({ top: el.getBoundingClientRect().top + window.scrollY - covered - 8 });
  if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
  el.focus({ preventScroll: true });
  return true;
}

/**
 * An element's width (clientWidth, px) for a chart to draw at, as a Svelte attachment:
 * `<div {@attach observeWidth((w) => (width = w))}>`.
 *
 * Why not `bind:clientWidth`: it also reads the width once when the element mounts, and each such
 * read between DOM writes forces a synchronous layout. With a dozen charts mounting together that
 * was 100-130 ms of the start-up's main thread. Here one shared ResizeObserver reports the widths
 * after the browser's own layout, every element in one callback, so nothing forces a layout; the
 * chart draws at its default width until the first report (the next frame).
 */
const setters = new WeakMap<Element, (width: number) => void>();
let observer: ResizeObserver | null = null;

export function observeWidth(set: (width: number) => void): (el: HTMLElement) => () => void {
  return (el) => {
    observer ??= new ResizeObserver((entries) => {
      // read every width first, then set: a set schedules Svelte's updates, which write to the DOM
      const widths = entries.map((e) => (e.target as HTMLElement).clientWidth);
      entries.forEach((e, i) => setters.get(e.target)?.(widths[i]));
    });
    setters.set(el, set);
    observer.observe(el);
    return () => {
      observer?.unobserve(el);
      setters.delete(el);
    };
  };
}

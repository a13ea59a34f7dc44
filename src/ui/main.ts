// First: start the simulation worker. The browser only starts it once the main thread is free, so
// the app (a long first evaluation and layout) is imported after a yield: the worker then loads and
// evaluates the core (about 0.4 s) on its own thread while the app is evaluated and laid out here.
import './lib/simWorker.ts';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
setTimeout(() => {
  Promise.all([import('svelte'), import('./App.svelte')])
    .then(([{ mount }, { default: App }]) => mount(App, { target }))
    .catch((e: unknown) => {
      // a chunk that failed to download (a deploy replaced it, the network dropped): say so, not a blank page
      target.textContent = `depinsim could not load (${e instanceof Error ? e.message : String(e)}). Reload the page to try again.`;
      throw e;
    });
}, 0);

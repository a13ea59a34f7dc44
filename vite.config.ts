/**
 * Vite builds the dashboard (src/ui, entry index.html) and its module worker (src/worker).
 * Vitest reads the `test` block: unit tests run in Node; the browser end-to-end tests in test/e2e
 * build the app, serve it and drive Debian's Chromium through playwright-core (see test/e2e/setup.ts).
 */
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { modelIdPlugin } from './scripts/modelIdPlugin.ts';
import { preloadAppPlugin } from './scripts/preloadAppPlugin.ts';

export default defineConfig({
  plugins: [svelte(), modelIdPlugin(), preloadAppPlugin()],
  worker: { format: 'es' },
  server: { open: true },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 1500 },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          sequence: { groupOrder: 0 },
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          // After the unit tests, not alongside them: the browser runs get the machine to themselves
          // (CI has 2 cores), so their timings and long-task measurements mean something.
          sequence: { groupOrder: 1 },
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/globalSetup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // expect.poll's own default (1 s) is too short for a page that shares 2 cores with its
          // workers: a state that comes in 1.2 s on a busy CI machine is not a failure. A poll that
          // holds returns at once, so only a real failure waits the 5 s.
          expect: { poll: { timeout: 5_000 } },
          // One browser, one server: the e2e files share them and run one after another.
          fileParallelism: false,
        },
      },
    ],
  },
});

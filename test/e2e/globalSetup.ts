/**
 * Builds the app once with vite (into test-results/e2e-dist, so a developer's dist/ is untouched)
 * and serves it with vite preview on a free localhost port for the e2e test files.
 */
import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = fileURLToPath(new URL('../../test-results/e2e-dist', import.meta.url));

let server: PreviewServer | undefined;

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const t0 = Date.now();
  await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: false } });
  server = await preview({ root, logLevel: 'warn', build: { outDir }, preview: { port: 0, host: '127.0.0.1', open: false, strictPort: false } });
  const addr = server.httpServer.address();
  if (!addr || typeof addr === 'string') throw new Error('preview server has no port');
  const baseUrl = `http://127.0.0.1:${addr.port}/`;
  project.provide('baseUrl', baseUrl);
  console.log(`[e2e] built and serving ${baseUrl} in ${Date.now() - t0} ms`);
  return async () => {
    await new Promise<void>((resolve) => server!.httpServer.close(() => resolve()));
  };
}

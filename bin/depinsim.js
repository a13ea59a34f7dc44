#!/usr/bin/env node
// depinsim command-line entry: runs the TypeScript CLI through tsx's loader (no build step).
import { register } from 'tsx/esm/api';

register();
// A reader that stops early (`depinsim scenarios | head -3`) closes the pipe: stop quietly, as Unix
// tools do, instead of dying with a stack trace on the next write.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));

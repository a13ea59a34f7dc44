// The CLI run in the test's own process (so a vi.mock of the core applies to it), stderr captured.
import { vi } from 'vitest';
import { main } from '../../src/cli/main.ts';

/** Runs `depinsim <args>` in this process; returns its exit code and what it wrote on stderr. */
export async function cliInProcess(args: string[]): Promise<{ code: number; err: string }> {
  let err = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  });
  try {
    return { code: await main(args), err };
  } finally {
    spy.mockRestore();
  }
}

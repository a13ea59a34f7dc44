/** Errors the CLI reports as bad input (exit 2), and the exit codes scripts can rely on. */
export class CliError extends Error {
  override name = 'CliError';
}

export const EXIT = { ok: 0, runFailed: 1, badInput: 2 } as const;

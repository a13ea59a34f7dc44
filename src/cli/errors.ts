/** Errors the CLI reports as bad input (exit 2), and the exit codes scripts can rely on. */
export class CliError extends Error {
  override name = 'CliError';
}

/** The run was stopped by Ctrl-C (SIGINT) or SIGTERM before it finished: nothing was written. */
export class Interrupted extends Error {
  override name = 'Interrupted';
}

/** 130 = 128 + SIGINT, what shells report for a command stopped by Ctrl-C. */
export const EXIT = { ok: 0, runFailed: 1, badInput: 2, interrupted: 130 } as const;

/**
 * What `interlock` exits with, so a script or a cron job can tell "it ran and found something"
 * from "it could not run at all".
 */
export const EXIT = {
  /** Done. */
  ok: 0,
  /** Ran, and found differences, or refused the action (not dead, not found, no reason given). */
  refused: 1,
  /** Could not run: bad arguments or config, no database, store or provider unreachable. */
  cannotRun: 2,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Stops a command that could not run, with what a person should do about it; exits 2. */
export class CannotRun extends Error {
  override readonly name = 'CannotRun';
}

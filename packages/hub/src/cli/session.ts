import { userInfo } from 'node:os';
import { systemClock } from '@interlock/core';
import { openEngines, type Engines } from '../engines.js';
import { lineLog } from '../logging/log.js';
import type { ActingOperator } from '../support/dead-letter-actions.js';
import { CannotRun } from './exit-codes.js';
import { assertStoreExists, readHubSource, type HubSource, type Place } from './hub-source.js';

/** What every command is handed: where it prints, where it runs, and who runs it. */
export interface CliContext extends Place {
  out: (line: string) => void;
  err: (line: string) => void;
  /** The audit trail's actor for what this CLI does: `cli:<user>`. */
  actor: string;
}

/** `cli:<login name>`, or `cli` where the system has no name for the user. */
export function cliActor(env: NodeJS.ProcessEnv): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    const name = env['USER'] ?? env['USERNAME'];
    return name ? `cli:${name}` : 'cli';
  }
}

/** The hub's store and queue as one command sees them. */
export interface StoreSession extends HubSource {
  engines: Engines;
}

/**
 * Runs `body` on the store the config names, which must exist already; closes it after. A store
 * that cannot be opened (an unreachable PostgreSQL or Redis, a missing adapter) cannot run.
 */
export async function withStore(configPath: string | undefined, context: CliContext, body: (session: StoreSession) => Promise<number>): Promise<number> {
  const source = readHubSource(configPath, context);
  assertStoreExists(source);
  let engines: Engines;
  try {
    engines = await openEngines(source.config, systemClock, context.env, lineLog(context.err));
  } catch (error) {
    throw new CannotRun(`The ${source.config.store.kind} store could not be opened: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return await body({ ...source, engines });
  } finally {
    await engines.close();
  }
}

/** The CLI's user as the support actions audit them, on the system clock. */
export function operator(context: CliContext): ActingOperator {
  return { actor: context.actor, clock: systemClock };
}

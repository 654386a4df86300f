import { inspect } from 'node:util';
import type { ConnectorFailure } from './connector-failures.js';

// Each way an error leaves a process: its message, its stack, console.error's rendering (which
// follows `cause`), JSON, and every cause down the chain on its own.
function renderings(error: unknown): string[] {
  const texts: string[] = [inspect(error, { depth: 20 }), JSON.stringify(error) ?? ''];
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    texts.push(current.message, current.stack ?? '', String(current));
  }
  return texts;
}

/** Every rendering of every error the connectors threw. */
export function errorText(failures: readonly ConnectorFailure[]): string {
  return failures.flatMap((failure) => renderings(failure.error)).join('\n');
}

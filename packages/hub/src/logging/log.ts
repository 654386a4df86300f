import { isIntegrationError } from '@interlock/core';

/** A value in a log line's fields: text, a number, or a group of them (a request's headers). */
export type LogValue = string | number | boolean | undefined | readonly string[] | { readonly [name: string]: LogValue };

export type LogFields = Readonly<Record<string, LogValue>>;

/** The levels a hub's log is configured with, least severe first; `silent` writes nothing. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * The hub's log: one line per meaningful event, its facts as fields. Every part of the hub logs
 * through this one shape, so tests hand `startHub({ log })` a recording one.
 */
export interface HubLog {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

const ignore = (): void => undefined;

/** A log that writes nothing (a CLI command's engines, a test that does not look). */
export const silentLog: HubLog = { debug: ignore, info: ignore, warn: ignore, error: ignore };

/** What a failure is, as fields: its kind (an integration error's, else `unknown`) and its reason. */
export function failureFields(error: unknown): { kind: string; reason: string; correlationId?: string } {
  if (isIntegrationError(error)) {
    return { kind: error.kind, reason: `${error.reason}: ${error.message}`, ...(error.correlationId === undefined ? {} : { correlationId: error.correlationId }) };
  }
  return { kind: 'unknown', reason: error instanceof Error ? error.message : String(error) };
}

/** A log for a CLI command: warnings and errors as `message {fields}` lines on its error output. */
export function lineLog(write: (line: string) => void): HubLog {
  const line = (message: string, fields?: LogFields): void => write(fields ? `${message} ${JSON.stringify(fields)}` : message);
  return { ...silentLog, warn: line, error: line };
}

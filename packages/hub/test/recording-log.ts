import type { Clock } from '@interlock/core';
import type { HubLog, LogFields } from '../src/index.js';

export type LogLevelName = 'debug' | 'info' | 'warn' | 'error';

export interface RecordedLine {
  level: LogLevelName;
  /** The clock's time when given one. */
  at: number | undefined;
  message: string;
  fields: LogFields;
}

/** A hub log that keeps its lines, for tests to read what the hub said, at which level and when. */
export class RecordingLog implements HubLog {
  readonly lines: RecordedLine[] = [];

  constructor(private readonly clock?: Clock) {}

  debug(message: string, fields: LogFields = {}): void {
    this.record('debug', message, fields);
  }

  info(message: string, fields: LogFields = {}): void {
    this.record('info', message, fields);
  }

  warn(message: string, fields: LogFields = {}): void {
    this.record('warn', message, fields);
  }

  error(message: string, fields: LogFields = {}): void {
    this.record('error', message, fields);
  }

  /** The lines with this message. */
  named(message: string): RecordedLine[] {
    return this.lines.filter((line) => line.message === message);
  }

  private record(level: LogLevelName, message: string, fields: LogFields): void {
    this.lines.push({ level, at: this.clock?.now(), message, fields });
  }
}

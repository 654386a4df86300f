import type { HubLog, LogFields } from '@interlock/hub';

/** A hub log that keeps every line as the JSON a log shipper would receive. */
export class RecordingLog implements HubLog {
  readonly lines: string[] = [];

  debug(message: string, fields: LogFields = {}): void {
    this.write('debug', message, fields);
  }

  info(message: string, fields: LogFields = {}): void {
    this.write('info', message, fields);
  }

  warn(message: string, fields: LogFields = {}): void {
    this.write('warn', message, fields);
  }

  error(message: string, fields: LogFields = {}): void {
    this.write('error', message, fields);
  }

  /** Whether a line with this message was written. */
  said(message: string): boolean {
    return this.lines.some((line) => line.includes(`"message":${JSON.stringify(message)}`));
  }

  private write(level: string, message: string, fields: LogFields): void {
    this.lines.push(JSON.stringify({ level, message, ...fields }));
  }
}

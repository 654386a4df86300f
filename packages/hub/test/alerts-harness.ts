import type { ErrorKind, TelemetryEvent } from '@interlock/core';
import { FakeClock } from '@interlock/testkit';
import { alertsConfigSchema, startAlerting, type Alerting, type AlertingOptions, type AlertsConfigInput } from '../src/alerts/index.js';
import type { HubLog, LogFields } from '../src/index.js';

export const SECOND = 1_000;
export const MINUTE = 60 * SECOND;

export interface LogLine {
  at: number;
  message: string;
  /** The alerts log flat fields; anything else is kept as its JSON. */
  fields: Readonly<Record<string, string | number>>;
}

/** A log whose lines of every level land in `lines` at the clock's time. */
export function linesInto(lines: LogLine[], clock: { now(): number }): HubLog {
  const record = (message: string, fields: LogFields = {}): void =>
    void lines.push({ at: clock.now(), message, fields: Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, typeof value === 'number' || typeof value === 'string' ? value : JSON.stringify(value)])) });
  return { debug: record, info: record, warn: record, error: record };
}

/** A notice the log sink wrote: what a person would have been told. */
export interface Told {
  at: number;
  type: string;
  rule: string;
  severity: string;
  subject: string;
}

export interface AlertHarness {
  clock: FakeClock;
  alerting: Alerting;
  lines: LogLine[];
  /** The notices of one rule (all rules without one) the log sink was given, in order. */
  told(rule?: string): Told[];
  /** Moves time by `ms` in steps of `stepMs`, calling `each` at the start of every step with its time. */
  run(ms: number, each?: (at: number) => void, stepMs?: number): Promise<void>;
  emit(event: TelemetryEvent): void;
}

/** Alerting on a fake clock, told through a log sink whose lines the test reads. */
export async function alertHarness(config: AlertsConfigInput = {}, options: Partial<AlertingOptions> = {}): Promise<AlertHarness> {
  const clock = new FakeClock();
  const lines: LogLine[] = [];
  const alerting = await startAlerting({
    config: alertsConfigSchema.parse(config),
    log: linesInto(lines, clock),
    clock,
    random: () => 0.5,
    ...options,
  });
  const told: AlertHarness['told'] = (rule) =>
    lines
      .filter((line) => typeof line.fields.notice === 'string' && line.fields.type !== 'alert.digest' && (rule === undefined || line.fields.rule === rule))
      .map((line) => ({
        at: line.at,
        type: String(line.fields.type),
        rule: String(line.fields.rule),
        severity: String(line.fields.severity),
        subject: String(line.fields.subject),
      }));
  return {
    clock,
    alerting,
    lines,
    told,
    emit: (event) => alerting.telemetry.emit(event),
    async run(ms, each, stepMs = 10 * SECOND) {
      const end = clock.now() + ms;
      while (clock.now() < end) {
        each?.(clock.now());
        await clock.advance(Math.min(stepMs, end - clock.now()));
      }
    },
  };
}

/** `total` calls to `provider` this instant, `failed` of them given up on with `kind`, the others answered. */
export function attempts(provider: string, at: number, total: number, failed: number, options: { kind?: ErrorKind; durationMs?: number; endpoint?: string } = {}): TelemetryEvent[] {
  const scope = { provider, endpoint: options.endpoint ?? 'items.create' };
  return Array.from({ length: total }, (_, i): TelemetryEvent => {
    const correlationId = `c-${at}-${i}`;
    if (i < failed) return { type: 'request.gave_up', at, ...scope, correlationId, attempts: 1, reason: 'http_503', errorKind: options.kind ?? 'unavailable' };
    return { type: 'request.finished', at, ...scope, correlationId, method: 'POST', attempt: 1, durationMs: options.durationMs ?? 100, outcome: 'success', status: 200 };
  });
}

export function circuit(provider: string, endpoint: string, at: number, to: 'open' | 'half_open' | 'closed'): TelemetryEvent {
  return { type: 'circuit.state_changed', at, provider, endpoint, from: to === 'open' ? 'closed' : 'open', to, reason: 'test' };
}

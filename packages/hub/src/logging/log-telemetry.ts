import type { TelemetryEvent, TelemetrySink } from '@interlock/core';
import type { HubLog } from './log.js';

/** The request-path facts a person reads in the log rather than on a graph: a circuit opening or closing. */
export class LogTelemetry implements TelemetrySink {
  constructor(private readonly log: HubLog) {}

  emit(event: TelemetryEvent): void {
    if (event.type !== 'circuit.state_changed') return;
    const { provider, endpoint, from, to, reason } = event;
    this.log.warn('circuit state changed', { provider, endpoint, from, to, reason });
  }
}

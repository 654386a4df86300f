import type { Redactor } from '../redaction/redactor.js';
import type { TelemetryEvent } from './events.js';

export interface TelemetrySink {
  emit(event: TelemetryEvent): void;
}

/** What policies call to report. One function, so a policy never knows how many sinks there are. */
export type Emit = (event: TelemetryEvent) => void;

export const noopEmit: Emit = () => undefined;

/**
 * Fans events out to sinks after redaction. A throwing sink is isolated: telemetry must never
 * fail the call it describes.
 */
export function createEmitter(sinks: readonly TelemetrySink[], redactor?: Redactor): Emit {
  if (sinks.length === 0) return noopEmit;
  return (event) => {
    const safe = redactor ? redactor.value(event) : event;
    for (const sink of sinks) {
      try {
        sink.emit(safe);
      } catch {
        // Swallowed on purpose: see above.
      }
    }
  };
}

/** Keeps events in memory; for tests, the example and the console's recent-activity view. */
export class MemoryTelemetrySink implements TelemetrySink {
  readonly events: TelemetryEvent[] = [];

  emit(event: TelemetryEvent): void {
    this.events.push(event);
  }

  ofType<T extends TelemetryEvent['type']>(type: T): Extract<TelemetryEvent, { type: T }>[] {
    return this.events.filter((event): event is Extract<TelemetryEvent, { type: T }> => event.type === type);
  }

  clear(): void {
    this.events.length = 0;
  }
}

import type { ConnectorFailure } from './connector-failures.js';

/** Every telemetry event the connectors emitted while failing, as a sink exporting them would write them. */
export function telemetryText(failures: readonly ConnectorFailure[]): string {
  return failures.map((failure) => JSON.stringify(failure.sink.events)).join('\n');
}

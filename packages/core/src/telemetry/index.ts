export type { CircuitState, Priority, RequestScope, TelemetryEvent, TelemetryEventType } from './events.js';
export { createEmitter, MemoryTelemetrySink, noopEmit, type Emit, type TelemetrySink } from './telemetry.js';
export { OtelSpanSink, type OtelSpanSinkOptions } from './otel-spans.js';

export { BusinessMetricsProbe } from './testing/business-metrics-probe.js';
export { FakeClock, FAKE_CLOCK_HOLD_HEADER, type FakeClockOptions } from './clock/fake-clock.js';
export { MemoryTelemetrySink } from './telemetry/telemetry.js';
export {
  FaultServer,
  type FallbackHandler,
  type FaultHandler,
  type FaultReply,
  type RecordedRequest,
} from './testing/fault-server.js';
export { maxInAnyWindow } from './testing/window-count.js';

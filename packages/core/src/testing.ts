export { FakeClock, FAKE_CLOCK_HOLD_HEADER, type FakeClockOptions } from './clock/fake-clock.js';
export { MemoryTelemetrySink } from './telemetry/telemetry.js';

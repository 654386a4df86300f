export * from './fixtures/index.js';
export * from './simulator/index.js';
export * from './contract-suite/index.js';
export { FakeClock, FaultServer, maxInAnyWindow, MemoryTelemetrySink, type FaultReply, type RecordedRequest } from '@interlock/core/testing';
export { reachedFrom, type Reach } from './entry-points/reached-from.js';
export * from './services/index.js';

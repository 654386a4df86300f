export {
  DEFAULT_IDEMPOTENCY_TIMINGS,
  type EventQueueHarness,
  type IdempotencyTimings,
  type IntegrityStoreHarness,
  type StoreCheck,
} from './harness.js';
export { eventQueueChecks, runEventQueueSuite, STORE_CHECK_TIMEOUT_MS } from './event-queue-suite.js';
export { integrityStoreChecks, runIntegrityStoreSuite } from './integrity-store-suite.js';
export { rateLimitStoreChecks, runRateLimitStoreSuite, type RateLimitStoreHarness } from './rate-limit-store-suite.js';
export { HandlerProbe, type ProbeDecide, type ProbeDecision } from './handler-probe.js';
export { timeDriver, type EventuallyOptions, type TimeDriver } from './time-driver.js';
export { eventFactory, type EventFactory } from './sample-events.js';
export { UNICODE_PAYLOAD } from './event-queue/accept-checks.js';
export { LEASE_MS } from './event-queue/lease-checks.js';
export { RETRY_MS } from './event-queue/failure-checks.js';

export { defaultMarginMs, windowSpacingMs, type RateLimitRule, type RateWindow } from './windows.js';
export type { RateLimitStore, Reservation, RoundTripRange } from './store.js';
export { SHARED_MARGIN_MEMORY_MS } from './key-limit-state.js';
export { MemoryRateLimitStore } from './memory-store.js';
export { parseRateLimitHeaders, type ObservedRateLimit, type RateLimitHeaders } from './headers.js';
export { RateLimiter, type AcquireRequest, type RateLimiterOptions } from './rate-limiter.js';

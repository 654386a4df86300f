import type { RateWindow } from '@interlock/core';

/** Acme's documented limits: reads 10 per second and 50 per 10 seconds per key. */
export const ACME_READ_LIMITS: readonly RateWindow[] = [
  { limit: 10, windowMs: 1_000 },
  { limit: 50, windowMs: 10_000 },
];

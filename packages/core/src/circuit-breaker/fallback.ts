import type { IntegrationError } from '../errors/integration-error.js';

/** Degraded mode: what to answer while the circuit is open or the provider is unavailable. */
export type Fallback<T> = (error: IntegrationError) => T | Promise<T>;

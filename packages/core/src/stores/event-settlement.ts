import type { EventHandler, EventOutcome, StoredEvent } from './event-queue.js';
import { eventRetryBackoff, type EventRetryBackoff } from './event-retry-backoff.js';

/** What a handler's outcome turns its event into; engines persist it as it is. */
export type EventSettlement =
  | { status: 'applied'; reason?: undefined; visibleAt: number }
  | {
      status: 'discarded' | 'dead' | 'queued';
      /** Why it was discarded or died, or why its last delivery failed (shown while it waits). */
      reason: string;
      /** When a `queued` event may be handed out again; the settle time for the others. */
      visibleAt: number;
    };

const defaultBackoff = eventRetryBackoff();

/** Runs `handler` on `event`; a handler that throws has failed transiently, keeping its error as the reason. */
export async function handlerOutcome(handler: EventHandler, event: StoredEvent): Promise<EventOutcome> {
  try {
    return await handler(event);
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { status: 'retry', reason: `handler threw ${message}` };
  }
}

/**
 * Decides an event's next state from its handler's outcome. `attempts` counts deliveries
 * including the one that produced the outcome, so a retry on the `maxAttempts`-th delivery
 * dead-letters the event with the retry's reason. A retry waits the handler's own `retryInMs`
 * when it gives one (it knows its provider's Retry-After better than any formula), else `backoff`.
 */
export function nextEventState(
  outcome: EventOutcome,
  attempts: number,
  maxAttempts: number,
  now: number,
  backoff: EventRetryBackoff = defaultBackoff,
): EventSettlement {
  const known = knownOutcome(outcome);
  switch (known.status) {
    case 'applied':
      return { status: 'applied', visibleAt: now };
    case 'discarded':
    case 'dead':
      return { status: known.status, reason: known.reason, visibleAt: now };
    case 'retry': {
      if (attempts >= maxAttempts) return { status: 'dead', reason: known.reason, visibleAt: now };
      const { retryInMs } = known;
      // Whole ms, never in the past: visibility times are stored as integers.
      const delayMs = retryInMs !== undefined && Number.isFinite(retryInMs) ? Math.max(0, Math.ceil(retryInMs)) : backoff(attempts);
      return { status: 'queued', reason: known.reason, visibleAt: now + delayMs };
    }
  }
}

/**
 * The outcome, or a retry naming what came back when it is not one. Only untyped handlers get
 * here (a forgotten `return`, a misspelt status); a retry loses nothing, and the attempts limit
 * still ends it in the dead letters, where the reason shows the mistake.
 */
function knownOutcome(outcome: unknown): EventOutcome {
  if (isEventOutcome(outcome)) return outcome;
  return { status: 'retry', reason: `handler returned an unknown outcome: ${show(outcome)}` };
}

function isEventOutcome(value: unknown): value is EventOutcome {
  if (typeof value !== 'object' || value === null) return false;
  const { status, reason, retryInMs } = value as Record<string, unknown>;
  switch (status) {
    case 'applied':
      return true;
    case 'discarded':
    case 'dead':
      return typeof reason === 'string';
    case 'retry':
      return typeof reason === 'string' && (retryInMs === undefined || typeof retryInMs === 'number');
    default:
      return false;
  }
}

function show(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    // A cycle or a bigint: JSON cannot write it, but a reason must not throw.
    return String(value);
  }
}

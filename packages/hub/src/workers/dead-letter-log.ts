import type { EventOutcome, StoredEvent } from '@interlock/core';
import type { HubLog } from '../logging/log.js';

/**
 * Logs an event the queue buries with this outcome: a dead outcome, or a retry on its last
 * allowed delivery (the queue settles that as dead too). A dead letter waits for a person.
 */
export function logDeadLetter(log: HubLog, event: StoredEvent, outcome: EventOutcome, maxAttempts: number): void {
  if (outcome.status !== 'dead' && !(outcome.status === 'retry' && event.attempts >= maxAttempts)) return;
  log.error('event dead-lettered', {
    provider: event.provider,
    eventId: event.eventId,
    type: event.type,
    attempts: event.attempts,
    reason: outcome.reason,
    ...(event.correlationId === undefined ? {} : { correlationId: event.correlationId }),
  });
}

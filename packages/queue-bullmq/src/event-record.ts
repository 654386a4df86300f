import type { EventStatus, InboundEvent, StoredEvent } from '@interlock/core';
import type { Job, JobState } from 'bullmq';

/** What a job carries: the inbound event exactly as accepted, and nothing else. */
export type EventJobData = InboundEvent;

/**
 * What a job that finished well leaves as its return value. `completed` is one BullMQ state for
 * two of ours, so the return value says which: applied, or discarded and why.
 */
export type EventJobResult = { status: 'applied' } | { status: 'discarded'; reason: string };

/** A BullMQ job holding one of our events. */
export type EventJob = Job<EventJobData, EventJobResult | null>;

/**
 * The event's own fields, copied one by one: a caller's object may carry extra properties, and
 * JSON would otherwise store them (or drop an `undefined` field only by accident).
 */
export function toJobData(event: InboundEvent): EventJobData {
  const data: EventJobData = {
    id: event.id,
    provider: event.provider,
    eventId: event.eventId,
    type: event.type,
    receivedAt: event.receivedAt,
    payload: event.payload,
  };
  if (event.occurredAt !== undefined) data.occurredAt = event.occurredAt;
  if (event.correlationId !== undefined) data.correlationId = event.correlationId;
  if (event.traceContext !== undefined) {
    const { traceparent, tracestate } = event.traceContext;
    data.traceContext = tracestate === undefined ? { traceparent } : { traceparent, tracestate };
  }
  return data;
}

function isDiscarded(result: unknown): result is { status: 'discarded'; reason: string } {
  return typeof result === 'object' && result !== null && (result as { status?: unknown }).status === 'discarded';
}

/** Our status for a job in BullMQ state `state`; undefined when the job is gone. */
export function statusOf(state: JobState | 'unknown', result: unknown): EventStatus | undefined {
  switch (state) {
    case 'waiting':
    case 'delayed':
    case 'prioritized':
    case 'waiting-children':
      return 'queued';
    case 'active':
      return 'processing';
    case 'completed':
      return isDiscarded(result) ? 'discarded' : 'applied';
    case 'failed':
      return 'dead';
    case 'unknown':
      return undefined;
  }
}

/** The stored event a job represents, given the status its state maps to. */
export function toStoredEvent(job: EventJob, status: EventStatus): StoredEvent {
  const data = toJobData(job.data);
  let reason: string | undefined;
  if (status === 'discarded') reason = isDiscarded(job.returnvalue) ? job.returnvalue.reason : undefined;
  // After an applied run, BullMQ still holds the error of an earlier attempt: it is history, not a reason.
  else if (status !== 'applied') reason = job.failedReason || undefined;
  const stored: StoredEvent = {
    ...data,
    status,
    // Deliveries to a handler, counted when BullMQ hands the job out (so a crashed run counts too).
    attempts: job.attemptsStarted,
    updatedAt: job.finishedOn ?? job.processedOn ?? job.timestamp,
  };
  if (reason !== undefined) stored.reason = reason;
  return stored;
}

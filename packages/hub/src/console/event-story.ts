import { POLLED_EVENT_TYPE, type AuditEntry, type EventInterpreter, type RecordKey, type RecordState, type StoredEvent } from '@interlock/core';
import { payloadDigest, type SupportStores } from '../support/dead-letter-actions.js';
import { recordTrail } from '../support/lookups.js';

/** Why an event failed, split as support reads it: `unavailable: http_503` is kind `unavailable`, code `http_503`. */
export interface Refusal {
  /** Who said no: the audit actor that dead-lettered, discarded or rejected it (a worker, a person), if the trail has one. */
  by: string | undefined;
  kind: string;
  /** The provider's code or our reason's detail, when the reason has one. */
  code: string | undefined;
  /** The audit entry's own words, which may say more than the reason. */
  message: string | undefined;
}

/** The answers support asks about one event, gathered from the queue and the audit trail. */
export interface EventStory {
  event: StoredEvent;
  /** The record the event is about, when the trail or the connector can tell. */
  record: RecordKey | undefined;
  /** Why it was last refused, even when it has succeeded since. */
  refusal: Refusal | undefined;
  /** The current payload's digest, and how many times a person corrected it. */
  payloadVersion: string;
  corrections: number;
  /** Yes once applied; no once given up on; undefined while it may still be. */
  succeeded: boolean | undefined;
  /** The webhook or the poller that brought the event in. */
  startedBy: string;
  /** The event's entries, and the record's when known, oldest first. */
  trail: readonly AuditEntry[];
}

const REFUSED_OUTCOMES = new Set(['dead', 'discarded', 'rejected']);

function splitReason(reason: string): { kind: string; code: string | undefined } {
  const at = reason.indexOf(': ');
  return at === -1 ? { kind: reason, code: undefined } : { kind: reason.slice(0, at), code: reason.slice(at + 2) };
}

/** The record a payload names, as the connector reads it; undefined when it cannot say (or would have to ask the provider). */
function recordFromPayload(event: StoredEvent, interpreter: EventInterpreter | undefined): RecordKey | undefined {
  try {
    const change = interpreter?.interpret?.(event);
    return change ? { provider: event.provider, recordType: change.recordType, recordId: change.recordId } : undefined;
  } catch {
    return undefined;
  }
}

function recordFromTrail(trail: readonly AuditEntry[], provider: string): RecordKey | undefined {
  const named = trail.find((entry) => entry.recordId !== undefined && entry.recordType !== undefined);
  return named ? { provider, recordType: named.recordType as string, recordId: named.recordId as string } : undefined;
}

function mergeTrails(first: readonly AuditEntry[], second: readonly AuditEntry[]): AuditEntry[] {
  const seen = new Set(first.map((entry) => JSON.stringify(entry)));
  return [...first, ...second.filter((entry) => !seen.has(JSON.stringify(entry)))].sort((a, b) => a.at - b.at);
}

export async function eventStory(stores: SupportStores, event: StoredEvent, interpreter: EventInterpreter | undefined): Promise<EventStory> {
  const own = [...(await stores.integrity.listAudit({ provider: event.provider, eventId: event.eventId }))].sort((a, b) => a.at - b.at);
  const record = recordFromTrail(own, event.provider) ?? recordFromPayload(event, interpreter);
  const trail = record ? mergeTrails(own, await recordTrail(stores.integrity, record)) : own;
  const refusedEntry = own.filter((entry) => REFUSED_OUTCOMES.has(entry.outcome)).at(-1);
  // Once applied, the event's reason is gone; the trail still says why it was refused before.
  const reason = event.status === 'applied' ? refusedEntry?.detail : (event.reason ?? refusedEntry?.detail);
  const refusal = reason === undefined ? undefined : { by: refusedEntry?.actor, ...splitReason(reason), message: refusedEntry?.detail };
  return {
    event,
    record,
    refusal,
    payloadVersion: payloadDigest(event.payload),
    corrections: own.filter((entry) => entry.outcome === 'corrected').length,
    succeeded: event.status === 'applied' ? true : event.status === 'discarded' ? false : undefined,
    startedBy: event.type === POLLED_EVENT_TYPE ? `the poller of ${event.provider} (scheduled)` : `a webhook from ${event.provider}`,
    trail,
  };
}

/** A record's state, the events its trail names and the trail in order; undefined when the hub knows nothing of it. */
export async function recordStory(stores: SupportStores, key: RecordKey): Promise<{ record: RecordState | undefined; events: StoredEvent[]; trail: readonly AuditEntry[] } | undefined> {
  const record = await stores.integrity.getRecord(key);
  const trail = await recordTrail(stores.integrity, key);
  if (!record && trail.length === 0) return undefined;
  const eventIds = [...new Set(trail.flatMap((entry) => (entry.eventId === undefined ? [] : [entry.eventId])))];
  const events = (await Promise.all(eventIds.map((eventId) => stores.queue.list({ provider: key.provider, eventId, limit: 1 })))).flat();
  return { record, events: events.sort((a, b) => b.receivedAt - a.receivedAt), trail };
}

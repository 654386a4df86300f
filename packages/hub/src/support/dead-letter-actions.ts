import { createHash } from 'node:crypto';
import type { AuditEntry, Clock, EventQueue, IntegrityStore, StoredEvent } from '@interlock/core';

/** The stores a support action reads and changes: the hub's, or the CLI's view of them. */
export interface SupportStores {
  queue: EventQueue;
  integrity: IntegrityStore;
}

/** Who acts and on which clock: every action's audit entry says who, when and why. */
export interface ActingOperator {
  /** The audit trail's actor: `cli:<user>`, `console:<token name>`. */
  actor: string;
  clock: Clock;
}

/** An action done on `event` (as it was before), or the sentence saying why it was refused. */
export type ActionResult = { done: true; event: StoredEvent } | { done: false; refusal: string };

/**
 * Checks a corrected payload against the connector's contract for `event`; resolves with the
 * reason it breaks it, or undefined when it passes (or the connector offers no check).
 */
export type PayloadCheck = (event: StoredEvent, payload: string) => string | undefined;

/** Appends one audit entry for an action on `event` (the provider's event id, as the workers record it). */
export function auditAction(stores: SupportStores, by: ActingOperator, event: StoredEvent, action: string, outcome: string, detail?: string): Promise<void> {
  const entry: AuditEntry = { at: by.clock.now(), actor: by.actor, action, provider: event.provider, eventId: event.eventId, outcome };
  if (event.correlationId !== undefined) entry.correlationId = event.correlationId;
  if (detail !== undefined) entry.detail = detail;
  return stores.integrity.appendAudit(entry);
}

/** The dead letter `id` names, or the sentence saying why it is not one. */
export async function deadLetter(queue: EventQueue, id: string): Promise<StoredEvent | string> {
  const event = await queue.get(id);
  if (!event) return `no event ${id}`;
  return event.status === 'dead' ? event : `${id} is not a dead letter (it is ${event.status})`;
}

/** Puts a dead letter back in the queue with its attempts reset; audited, with the reason when one is given. */
export async function replayDeadLetter(stores: SupportStores, by: ActingOperator, id: string, reason?: string): Promise<ActionResult> {
  const event = await deadLetter(stores.queue, id);
  if (typeof event === 'string') return { done: false, refusal: event };
  const replayed = await stores.queue.replay(id);
  await auditAction(stores, by, event, 'replay dead letter', replayed ? 'replayed' : 'not_dead', reason);
  return replayed ? { done: true, event } : { done: false, refusal: `${id} is no longer a dead letter` };
}

/** Gives up on a dead letter for good (kept for audit); the reason is required and audited. */
export async function rejectDeadLetter(stores: SupportStores, by: ActingOperator, id: string, reason: string | undefined): Promise<ActionResult> {
  if (!reason?.trim()) return { done: false, refusal: 'a rejection needs a reason: it is kept in the audit trail' };
  const event = await deadLetter(stores.queue, id);
  if (typeof event === 'string') return { done: false, refusal: event };
  const rejected = await stores.queue.reject(id, reason);
  await auditAction(stores, by, event, 'reject dead letter', rejected ? 'rejected' : 'not_dead', reason);
  return rejected ? { done: true, event } : { done: false, refusal: `${id} is no longer a dead letter` };
}

/** A payload's short digest: what the audit trail records of a payload, never the payload itself. */
export function payloadDigest(payload: string): string {
  return `sha256:${createHash('sha256').update(payload).digest('hex').slice(0, 16)}`;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Why `payload` may not replace `event`'s payload, or undefined when it may. */
export function correctionRefusal(event: StoredEvent, payload: string, check?: PayloadCheck): string | undefined {
  if (payload === event.payload) return `the payload of ${event.id} is unchanged: nothing to correct`;
  if (isJson(event.payload) && !isJson(payload)) return `the payload of ${event.id} is JSON and the correction is not: refused`;
  const broken = check?.(event, payload);
  return broken === undefined ? undefined : `the corrected payload breaks the connector's contract: ${broken}`;
}

/**
 * Replaces a dead letter's payload; audits who, why and the two digests (never the payloads). It
 * stays dead until replayed.
 */
export async function correctDeadLetter(
  stores: SupportStores,
  by: ActingOperator,
  id: string,
  correction: { payload: string; reason: string | undefined; check?: PayloadCheck | undefined },
): Promise<ActionResult> {
  if (!correction.reason?.trim()) return { done: false, refusal: 'a correction needs a reason: it is kept in the audit trail' };
  const event = await deadLetter(stores.queue, id);
  if (typeof event === 'string') return { done: false, refusal: event };
  const refusal = correctionRefusal(event, correction.payload, correction.check);
  if (refusal !== undefined) return { done: false, refusal };
  const corrected = await stores.queue.correct(id, correction.payload);
  const detail = `${correction.reason} (payload ${payloadDigest(event.payload)} -> ${payloadDigest(correction.payload)})`;
  await auditAction(stores, by, event, 'correct dead letter', corrected ? 'corrected' : 'not_dead', detail);
  return corrected ? { done: true, event } : { done: false, refusal: `${id} is no longer a dead letter` };
}

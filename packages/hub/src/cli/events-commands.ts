import type { EventFilter, EventStatus } from '@interlock/core';
import { findEvent } from '../support/lookups.js';
import { EXIT } from './exit-codes.js';
import { auditLine, eventDetail, eventLine } from './format.js';
import type { CliContext, StoreSession } from './session.js';

export const EVENT_STATUSES: readonly EventStatus[] = ['queued', 'processing', 'applied', 'discarded', 'dead'];

export interface EventsListOptions {
  provider?: string | undefined;
  status?: EventStatus | undefined;
  reason?: string | undefined;
  since?: number | undefined;
  until?: number | undefined;
  limit: number;
  after?: string | undefined;
  json?: boolean | undefined;
}

/** `interlock events list`: events newest first, filtered, a page at a time. */
export async function eventsList(session: StoreSession, context: CliContext, options: EventsListOptions): Promise<number> {
  const { queue } = session.engines;
  const filter: EventFilter = {
    provider: options.provider,
    status: options.status,
    reasonPrefix: options.reason,
    receivedFrom: options.since,
    receivedTo: options.until,
    limit: options.limit,
  };
  if (options.after !== undefined) {
    const last = await queue.get(options.after);
    if (!last) {
      context.out(`no event ${options.after} to continue after`);
      return EXIT.refused;
    }
    filter.after = { receivedAt: last.receivedAt, id: last.id };
  }
  const events = await queue.list(filter);
  if (options.json) {
    context.out(JSON.stringify(events, null, 2));
    return EXIT.ok;
  }
  if (events.length === 0) context.out('no events match');
  for (const event of events) context.out(eventLine(event));
  const last = events.at(-1);
  if (last && events.length === options.limit) context.out(`more: add --after ${last.id}`);
  return EXIT.ok;
}

export interface EventsShowOptions {
  provider?: string | undefined;
  json?: boolean | undefined;
  payload?: boolean | undefined;
}

/** `interlock events show`: one event, by our id or the provider's, and its audit trail in order. */
export async function eventsShow(session: StoreSession, context: CliContext, id: string, options: EventsShowOptions): Promise<number> {
  const found = await findEvent(session.engines.queue, id, options.provider);
  if (typeof found === 'string') {
    context.out(found);
    return EXIT.refused;
  }
  if (options.payload) {
    context.out(found.payload);
    return EXIT.ok;
  }
  const trail = await session.engines.integrity.listAudit({ provider: found.provider, eventId: found.eventId });
  if (options.json) {
    context.out(JSON.stringify({ event: found, audit: trail }, null, 2));
    return EXIT.ok;
  }
  for (const line of eventDetail(found)) context.out(line);
  context.out(trail.length === 0 ? 'audit trail: none yet' : 'audit trail');
  for (const entry of trail) context.out(auditLine(entry));
  return EXIT.ok;
}

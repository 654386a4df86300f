import type { EventFilter, EventQueue, RecordKey, StoredEvent } from '@interlock/core';
import type { SupportStores } from '../support/dead-letter-actions.js';
import type { FailedFilters } from './views/failed-view.js';

const PAGE_SIZE = 25;
/** Correlation ids are not indexed: search looks for them among this many newest events. */
export const SEARCH_SCAN = 1_000;

export interface FailedPage {
  filters: FailedFilters;
  events: readonly StoredEvent[];
  /** The id to continue after, when there are older events. */
  next: string | undefined;
  /** What is wrong with the filters, when they could not be used. */
  problem: string | undefined;
}

/** An instant typed in a filter: ISO 8601, read as UTC when it names no zone. */
function instant(text: string): number | undefined {
  if (text === '') return undefined;
  return Date.parse(/(Z|[+-]\d\d:?\d\d)$/i.test(text) ? text : `${text}Z`);
}

/** Dead letters (or refused and anomalous events), filtered as the query says, newest first, a page at a time. */
export async function failedEvents(queue: EventQueue, query: URLSearchParams): Promise<FailedPage> {
  const filters: FailedFilters = {
    provider: query.get('provider') ?? '',
    status: query.get('status') === 'discarded' ? 'discarded' : 'dead',
    kind: (query.get('kind') ?? '').trim(),
    since: (query.get('since') ?? '').trim(),
    until: (query.get('until') ?? '').trim(),
  };
  const since = instant(filters.since);
  const until = instant(filters.until);
  if (Number.isNaN(since) || Number.isNaN(until)) return { filters, events: [], next: undefined, problem: 'The times must be ISO 8601, like 2026-12-01T10:00:00Z.' };
  const filter: EventFilter = {
    status: filters.status,
    provider: filters.provider || undefined,
    reasonPrefix: filters.kind || undefined,
    receivedFrom: since,
    receivedTo: until,
    limit: PAGE_SIZE + 1,
  };
  const after = query.get('after');
  if (after) {
    const last = await queue.get(after);
    if (!last) return { filters, events: [], next: undefined, problem: `No event ${after} to continue after.` };
    filter.after = { receivedAt: last.receivedAt, id: last.id };
  }
  const found = await queue.list(filter);
  const events = found.slice(0, PAGE_SIZE);
  return { filters, events, next: found.length > PAGE_SIZE ? events.at(-1)?.id : undefined, problem: undefined };
}

/**
 * The events `query` names: by our id, the provider's event id, the record id the audit trail
 * ties events to, or the correlation id (among the newest {@link SEARCH_SCAN}); newest first.
 */
export async function searchEvents(stores: SupportStores, query: string): Promise<StoredEvent[]> {
  if (query === '') return [];
  const { queue, integrity } = stores;
  const found = new Map<string, StoredEvent>();
  const add = (events: readonly (StoredEvent | undefined)[]): void => {
    for (const event of events) if (event) found.set(event.id, event);
  };
  add([await queue.get(query)]);
  add(await queue.list({ eventId: query, limit: PAGE_SIZE }));
  for (const entry of await integrity.listAudit({ recordId: query, limit: PAGE_SIZE })) {
    if (entry.eventId !== undefined) add(await queue.list({ provider: entry.provider, eventId: entry.eventId, limit: 1 }));
  }
  add((await queue.list({ limit: SEARCH_SCAN })).filter((event) => event.correlationId === query));
  return [...found.values()].sort((a, b) => b.receivedAt - a.receivedAt || (a.id < b.id ? 1 : -1));
}

/** The records whose provider id is `query`, as the audit trail names them (a provider, a type). */
export async function searchRecords(integrity: SupportStores['integrity'], query: string): Promise<RecordKey[]> {
  if (query === '') return [];
  const keys = new Map<string, RecordKey>();
  for (const entry of await integrity.listAudit({ recordId: query, limit: PAGE_SIZE })) {
    if (entry.recordType !== undefined) keys.set(`${entry.provider}\u0000${entry.recordType}`, { provider: entry.provider, recordType: entry.recordType, recordId: query });
  }
  return [...keys.values()];
}

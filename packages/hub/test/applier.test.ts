import { describe, expect, it } from 'vitest';
import { POLLED_EVENT_TYPE, sortableId, type StoredEvent } from '@interlock/core';
import { FakeClock } from '@interlock/testkit';
import { openSqliteStore } from '@interlock/store-sqlite';
import { createEventApplier } from '../src/index.js';
import { ticketsDomain, type TicketsConnector } from './toy/tickets-domain.js';

const PROVIDER = 'toy';

/** A connector whose webhook bodies carry the ticket; reads are never made by these tests. */
const connector: TicketsConnector = {
  provider: PROVIDER,
  signsWebhooks: true,
  getTicket: () => Promise.reject(new Error('not read in these tests')),
  listTickets: () => ({ [Symbol.asyncIterator]: () => ({ next: () => Promise.resolve({ done: true as const, value: undefined }) }) }),
  ticketFromBody(rawBody) {
    const body = JSON.parse(rawBody) as { ticket?: { id: string; status: string; at: number } };
    return body.ticket ? { id: body.ticket.id, status: body.ticket.status, updatedAt: body.ticket.at, fee: 0 } : undefined;
  },
};

function event(eventId: string, status: string, at: number): StoredEvent {
  return {
    id: sortableId(),
    provider: PROVIDER,
    eventId,
    type: `ticket.${status}`,
    receivedAt: at,
    occurredAt: at,
    payload: JSON.stringify({ ticket: { id: 'T9', status, at } }),
    status: 'processing',
    attempts: 1,
    updatedAt: at,
  };
}

describe('event applier', () => {
  const setup = () => {
    const clock = new FakeClock();
    const store = openSqliteStore({ path: ':memory:', clock });
    const apply = createEventApplier({ integrity: store.integrity, interpreters: new Map([[PROVIDER, ticketsDomain.interpreter(connector)]]), clock, actor: 'worker:test' });
    return { store, apply };
  };

  it('applies forward, waits when ahead of a missing step, discards what is behind or stale', async () => {
    const { store, apply } = setup();
    try {
      await expect(apply(event('e1', 'open', 1_000))).resolves.toEqual({ status: 'applied' });
      await expect(apply(event('e3', 'closed', 3_000))).resolves.toEqual({ status: 'applied' });
      await expect(apply(event('e0', 'open', 500))).resolves.toMatchObject({ status: 'discarded', reason: 'stale' });
      await expect(apply(event('e4', 'in_progress', 4_000))).resolves.toMatchObject({ status: 'discarded', reason: 'backward_transition' });
      const trail = await store.integrity.listAudit({ recordId: 'T9' });
      expect(trail.map((entry) => `${entry.eventId} ${entry.outcome}`)).toEqual(['e1 applied', 'e3 applied', 'e0 discarded', 'e4 discarded']);
    } finally {
      await store.close();
    }
  });

  it('settles a redelivered event whose changes were already written as applied, writing nothing twice', async () => {
    const { store, apply } = setup();
    try {
      const first = event('e1', 'open', 1_000);
      await expect(apply(first)).resolves.toEqual({ status: 'applied' });
      // The same event handed out again, as after a worker that died before the queue settled it.
      await expect(apply({ ...first, attempts: 2 })).resolves.toEqual({ status: 'applied' });
      const trail = await store.integrity.listAudit({ recordId: 'T9' });
      expect(trail.map((entry) => `${entry.eventId} ${entry.outcome}`)).toEqual(['e1 applied']);
      // A different event carrying the same state is still a duplicate.
      await expect(apply(event('e1-copy', 'open', 1_000))).resolves.toMatchObject({ status: 'discarded' });
    } finally {
      await store.close();
    }
  });

  it('waits for a missing step when an event is ahead of the record, then applies it', async () => {
    const { store, apply } = setup();
    try {
      await expect(apply(event('e1', 'open', 1_000))).resolves.toEqual({ status: 'applied' });
      await expect(apply(event('e3', 'resolved', 3_000))).resolves.toMatchObject({ status: 'retry', reason: 'ahead_of_state: open -> resolved' });
      await expect(apply(event('e2', 'in_progress', 2_000))).resolves.toEqual({ status: 'applied' });
      await expect(apply(event('e3', 'resolved', 3_000))).resolves.toEqual({ status: 'applied' });
    } finally {
      await store.close();
    }
  });

  it('applies a polled state as the record change it carries, checked', async () => {
    const { store, apply } = setup();
    try {
      const polled = (payload: unknown): StoredEvent => ({ ...event('poll:T9:resolved:2000', 'resolved', 2_000), type: POLLED_EVENT_TYPE, payload: JSON.stringify(payload) });
      await expect(apply(polled({ recordType: 'ticket', recordId: 'T9', status: 'resolved', occurredAt: 2_000, snapshot: '{"id":"T9"}' }))).resolves.toEqual({ status: 'applied' });
      expect(await store.integrity.getRecord({ provider: PROVIDER, recordType: 'ticket', recordId: 'T9' })).toMatchObject({ status: 'resolved', snapshot: '{"id":"T9"}' });
      await expect(apply(polled({ recordType: 'ticket', recordId: 'T9' }))).resolves.toMatchObject({ status: 'dead' });
    } finally {
      await store.close();
    }
  });

  it('dead-letters events it cannot interpret, or from a provider it does not know', async () => {
    const { store, apply } = setup();
    try {
      await expect(apply({ ...event('e1', 'open', 1), payload: 'not json' })).resolves.toMatchObject({ status: 'dead' });
      await expect(apply({ ...event('e2', 'open', 1), provider: 'other' })).resolves.toMatchObject({ status: 'dead', reason: 'no interpreter for provider other' });
      await expect(apply({ ...event('e3', 'open', 1), payload: '{"data":{}}' })).resolves.toMatchObject({ status: 'discarded', reason: 'not_a_record_change' });
    } finally {
      await store.close();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { AUDIT_COLUMNS, auditEntryFromRow, auditRowValues, recordStateFromRow, storedEventFromRow, type AuditEntry } from '../../src/index.js';

describe('SQL row codecs shared by the SQL engines', () => {
  it('reads an event row, with bigints as strings (node-postgres) or numbers (SQLite), NULL as absent', () => {
    const row = { id: 'e1', provider: 'p', event_id: 'evt', type: 't', received_at: '1767225600000', occurred_at: null, payload: 'Müller GmbH', correlation_id: null, traceparent: null, tracestate: null, status: 'queued' as const, attempts: 0, reason: null, updated_at: 1767225600001 };
    expect(storedEventFromRow(row)).toEqual({ id: 'e1', provider: 'p', eventId: 'evt', type: 't', receivedAt: 1767225600000, payload: 'Müller GmbH', status: 'queued', attempts: 0, updatedAt: 1767225600001 });
    expect(storedEventFromRow({ ...row, occurred_at: 5, correlation_id: 'c', reason: 'stale' })).toMatchObject({ occurredAt: 5, correlationId: 'c', reason: 'stale' });
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    expect(storedEventFromRow({ ...row, traceparent }).traceContext).toStrictEqual({ traceparent });
    expect(storedEventFromRow({ ...row, traceparent, tracestate: 'acme=1' }).traceContext).toStrictEqual({ traceparent, tracestate: 'acme=1' });
  });

  it('writes and reads an audit entry back unchanged, sparse or full', () => {
    const full: AuditEntry = { at: 1, actor: 'cli', action: 'a', provider: 'p', recordType: 'payment', recordId: 'r', eventId: 'e', payloadVersion: 'v1', attempts: 2, outcome: 'applied', correlationId: 'c', detail: 'd' };
    const sparse: AuditEntry = { at: 2, actor: 'cli', action: 'a', provider: 'p', outcome: 'ok' };
    for (const entry of [full, sparse]) {
      const values = auditRowValues(entry);
      const row = Object.fromEntries(AUDIT_COLUMNS.map((column, i) => [column, values[i]])) as unknown as Parameters<typeof auditEntryFromRow>[0];
      expect(auditEntryFromRow({ ...row, at: String(row.at) })).toEqual(entry);
    }
  });

  it('reads a record-state row, with a NULL snapshot as absent', () => {
    const row = { provider: 'p', record_type: 'payment', record_id: 'r', status: 'paid', updated_at: '1767225600000', version: 2, snapshot: null };
    const state = recordStateFromRow(row);
    expect(state).toEqual({ provider: 'p', recordType: 'payment', recordId: 'r', status: 'paid', updatedAt: 1767225600000, version: 2 });
    expect('snapshot' in state).toBe(false);
    expect(recordStateFromRow({ ...row, updated_at: 5, snapshot: '{"name":"Müller GmbH"}' })).toMatchObject({ updatedAt: 5, snapshot: '{"name":"Müller GmbH"}' });
  });
});

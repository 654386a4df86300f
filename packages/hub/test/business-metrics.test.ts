import { sortableId, type DomainMetrics, type StoredEvent } from '@interlock/core';
import { openSqliteStore } from '@interlock/store-sqlite';
import { FakeClock } from '@interlock/testkit';
import { describe, expect, it } from 'vitest';
import { createEventApplier } from '../src/index.js';
import { BusinessMetrics } from '../src/metrics/business-metrics.js';
import { MetricsRegistry } from '../src/metrics/registry.js';
import { brokenTicket, consoleHub, OPERATOR_TOKEN, signedIn } from './console-harness.js';
import { RecordingLog } from './recording-log.js';
import { drained, signedPost, TOY } from './support.js';
import { ticketMetrics } from './toy/ticket-metrics.js';
import { ticketsDomain, type TicketsConnector } from './toy/tickets-domain.js';

const ticketEvent = (eventId: string, status: string, updatedAt: number, now = Date.now()) => ({
  id: eventId,
  type: `ticket.${status}`,
  at: new Date(now).toISOString(),
  ticket: { id: 'T1', status, updated_at: new Date(updatedAt).toISOString(), fee: 1_250 },
});

/** The text of a table row headed `label`, tags stripped. */
function row(body: string, label: string): string {
  const found = new RegExp(`<tr><th>${label}</th>(.*?)</tr>`).exec(body);
  if (!found) throw new Error(`no row "${label}"`);
  return (found[1] as string).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
}

const change = (status: string, occurredAt = 0) => ({ change: { recordType: 'ticket', recordId: 'T1', status, occurredAt, snapshot: '{"fee":5}' }, previous: undefined, receivedAt: 1_000 });

describe('business metrics in the hub', () => {
  it('are handed each change the applier wrote, with the state it replaced, and no change it refused or found already applied', async () => {
    const clock = new FakeClock();
    const store = openSqliteStore({ path: ':memory:', clock });
    const tickets: TicketsConnector = {
      provider: TOY,
      signsWebhooks: true,
      getTicket: () => Promise.reject(new Error('not read here')),
      listTickets: () => ({ [Symbol.asyncIterator]: () => ({ next: () => Promise.resolve({ done: true as const, value: undefined }) }) }),
      ticketFromBody: (rawBody) => JSON.parse(rawBody) as { id: string; status: string; updatedAt: number; fee: number },
    };
    const stored = (eventId: string, status: string, at: number): StoredEvent => ({
      id: sortableId(),
      provider: TOY,
      eventId,
      type: 'ticket',
      receivedAt: at + 5,
      occurredAt: at,
      payload: JSON.stringify({ id: 'T1', status, updatedAt: at, fee: 0 }),
      status: 'processing',
      attempts: 1,
      updatedAt: at,
    });
    const written: string[] = [];
    const apply = createEventApplier({
      integrity: store.integrity,
      interpreters: new Map([[TOY, ticketsDomain.interpreter(tickets)]]),
      clock,
      actor: 'worker:test',
      onWritten: (event, applied, previous) => written.push(`${event.eventId}: ${previous?.status ?? '-'} -> ${applied.status} at ${event.receivedAt}`),
    });
    try {
      const opened = stored('e1', 'open', 1_000);
      await apply(opened);
      await expect(apply({ ...opened, attempts: 2 })).resolves.toEqual({ status: 'applied' });
      await expect(apply(stored('e1-copy', 'open', 1_000))).resolves.toMatchObject({ status: 'discarded' });
      await expect(apply(stored('e3', 'resolved', 3_000))).resolves.toMatchObject({ status: 'retry' });
      await apply(stored('e2', 'in_progress', 2_000));
      await expect(apply(stored('e0', 'open', 500))).resolves.toMatchObject({ status: 'discarded' });
      expect(written).toEqual(['e1: - -> open at 1005', 'e2: open -> in_progress at 2005']);
    } finally {
      await store.close();
    }
  });

  it('shows the changes applied through the ingress on /metrics and the console, and nothing for a duplicate or a refused one', async () => {
    const { hub, cleanup } = await consoleHub();
    try {
      const url = `${hub.url}/webhooks/${TOY}`;
      const minutes = (n: number): number => Date.now() - n * 60_000;
      const send = async (payload: Record<string, unknown>, status: string): Promise<void> => {
        await expect(signedPost(url, payload)).resolves.toMatchObject({ status: 200, body: `{"status":"${status}"}` });
        await drained(hub);
      };
      await send(ticketEvent('evt_1', 'open', minutes(40)), 'accepted');
      await send(ticketEvent('evt_2', 'in_progress', minutes(30)), 'accepted');
      await send(ticketEvent('evt_3', 'resolved', minutes(20)), 'accepted');
      const closedAt = minutes(10);
      await send(ticketEvent('evt_4', 'closed', closedAt), 'accepted');
      // Refused by ingress (the same event again), by the guard (the same change under a new id,
      // a stale one, a backward one), and one that dies uninterpreted: none of them counts.
      await send(ticketEvent('evt_4', 'closed', closedAt), 'duplicate');
      await send(ticketEvent('evt_5', 'closed', closedAt), 'accepted');
      await send(ticketEvent('evt_6', 'resolved', minutes(15)), 'accepted');
      await send(ticketEvent('evt_7', 'open', minutes(1)), 'accepted');
      await send(brokenTicket(new Date().toISOString(), {}), 'accepted');
      expect(await hub.queue.counts()).toMatchObject({ applied: 4, discarded: 3, dead: 1 });

      const metrics = await (await fetch(`${hub.url}/metrics`)).text();
      expect(metrics).toContain('# TYPE interlock_tickets_outcomes_total counter');
      expect(metrics).toContain(`interlock_tickets_outcomes_total{outcome="resolved",provider="${TOY}"} 1`);
      expect(metrics).toContain(`interlock_tickets_outcomes_total{outcome="closed",provider="${TOY}"} 1`);
      expect(metrics).toContain(`interlock_tickets_fees_minor_total{currency="USD",provider="${TOY}"} 1250`);
      // Each applied change reached the hub 10 to 40 minutes after it happened: all four between 60 s and an hour.
      expect(metrics).toContain(`interlock_tickets_lag_seconds_bucket{provider="${TOY}",le="60"} 0`);
      expect(metrics).toContain(`interlock_tickets_lag_seconds_bucket{provider="${TOY}",le="3600"} 4`);
      expect(metrics).toContain(`interlock_tickets_lag_seconds_count{provider="${TOY}"} 4`);

      const { body } = await (await signedIn(hub, OPERATOR_TOKEN)).get('/console');
      expect(body).toContain('<h3>Business (tickets, since this hub started)</h3>');
      expect(row(body, 'Resolved before closing')).toBe('100.0% 1 of 1');
      expect(body).toContain('<tr><td>interlock_tickets_fees_minor_total</td><td>currency=USD</td><td class="num">12.50 USD</td></tr>');
      expect(body).toContain('<tr><td>interlock_tickets_outcomes_total</td><td>outcome=resolved</td><td class="num">1</td></tr>');
      expect(body).toMatch(/<tr><td>interlock_tickets_lag_seconds<\/td><td class="num">4<\/td><td class="num">(2\d(\.\d)?) min<\/td><td class="num">≤ 1 h<\/td><td class="num">≤ 1 h<\/td><\/tr>/);
    } finally {
      await cleanup();
    }
  });

  it('registers each domain once for all its providers and labels every series with its provider', async () => {
    const registry = new MetricsRegistry();
    const business = new BusinessMetrics(registry, new RecordingLog());
    const tickets = { name: 'tickets', metrics: ticketMetrics };
    business.add([
      { name: 'desk-a', domain: tickets },
      { name: 'desk-b', domain: tickets },
      { name: 'plain', domain: { name: 'plain' } },
    ]);
    business.applied('desk-a', change('closed'));
    business.applied('desk-b', change('resolved'));
    business.applied('plain', change('closed'));
    const text = await registry.render();
    expect(text.match(/# TYPE interlock_tickets_outcomes_total counter/g)).toHaveLength(1);
    expect(text).toContain('interlock_tickets_outcomes_total{outcome="closed",provider="desk-a"} 1');
    expect(text).toContain('interlock_tickets_outcomes_total{outcome="resolved",provider="desk-b"} 1');
    expect(business.panel('plain')).toBeUndefined();
    expect(business.panel('desk-a')?.shares).toEqual([{ title: 'Resolved before closing', of: undefined, part: 0, whole: 1 }]);
  });

  it('hands each provider’s telemetry to its domain’s observer, and the series it reports carry that provider', async () => {
    const registry = new MetricsRegistry();
    const business = new BusinessMetrics(registry, new RecordingLog());
    const declared: DomainMetrics = {
      definitions: [{ kind: 'counter', name: 'calls_total', help: 'calls', unit: 'count', labels: [] }],
      observer: () => ({ observeTelemetry: (event) => (event.type === 'request.started' ? [{ metric: 'calls_total', labels: {}, value: 1 }] : []) }),
    };
    business.add([{ name: 'carrier', domain: { name: 'parcels', metrics: declared } }]);
    const started = { type: 'request.started', at: 0, endpoint: 'create', correlationId: 'c1', method: 'POST', attempt: 1 } as const;
    business.emit({ ...started, provider: 'carrier' });
    business.emit({ ...started, provider: 'unconfigured' });
    expect(await registry.render()).toContain('interlock_parcels_calls_total{provider="carrier"} 1');
    expect(business.panel('carrier')?.counts).toEqual([{ metric: 'interlock_parcels_calls_total', unit: 'count', labels: {}, value: 1 }]);
  });

  it('gives a share per value of the rate’s `by` label', () => {
    const declared: DomainMetrics = {
      definitions: [
        { kind: 'counter', name: 'paid_minor_total', help: 'paid', unit: 'minor_units', labels: ['currency'] },
        { kind: 'counter', name: 'back_minor_total', help: 'back', unit: 'minor_units', labels: ['currency'] },
      ],
      rates: [{ title: 'Back', part: { metric: 'back_minor_total' }, whole: { metric: 'paid_minor_total' }, by: 'currency' }],
      observer: () => ({
        observeChange: () => [
          { metric: 'paid_minor_total', labels: { currency: 'EUR' }, value: 400 },
          { metric: 'paid_minor_total', labels: { currency: 'JPY' }, value: 900 },
          { metric: 'back_minor_total', labels: { currency: 'EUR' }, value: 100 },
        ],
      }),
    };
    const business = new BusinessMetrics(new MetricsRegistry(), new RecordingLog());
    business.add([{ name: 'p', domain: { name: 'money', metrics: declared } }]);
    business.applied('p', change('x'));
    expect(business.panel('p')?.shares).toEqual([
      { title: 'Back', of: 'EUR', part: 100, whole: 400 },
      { title: 'Back', of: 'JPY', part: 0, whole: 900 },
    ]);
  });

  it('logs and skips what it cannot count, and never throws into the apply it watches', async () => {
    const log = new RecordingLog();
    const registry = new MetricsRegistry();
    const business = new BusinessMetrics(registry, log);
    const declared: DomainMetrics = {
      definitions: [{ kind: 'counter', name: 'paid_minor_total', help: 'paid', unit: 'minor_units', labels: ['currency'] }],
      observer: () => ({
        observeChange: ({ change: applied }) => {
          if (applied.status === 'boom') throw new TypeError('unparseable snapshot');
          return [
            { metric: 'nowhere_total', labels: {}, value: 1 },
            { metric: 'paid_minor_total', labels: { currency: 'EUR' }, value: 10.5 },
            { metric: 'paid_minor_total', labels: { currency: 'EUR' }, value: -3 },
            { metric: 'paid_minor_total', labels: { currency: 'EUR' }, value: 7 },
          ];
        },
      }),
    };
    business.add([{ name: 'p', domain: { name: 'money', metrics: declared } }]);
    expect(() => business.applied('p', change('boom'))).not.toThrow();
    business.applied('p', change('paid'));
    expect(await registry.render()).toContain('interlock_money_paid_minor_total{currency="EUR",provider="p"} 7');
    expect(log.lines.map((line) => [line.message, line.fields['reason'] ?? line.fields['kind']])).toEqual([
      ['business metrics not observed', 'unknown'],
      ['business metric observation refused', 'undeclared'],
      ['business metric observation refused', 'invalid_value'],
      ['business metric observation refused', 'invalid_value'],
    ]);
  });

  it('refuses a declaration the hub could not expose', () => {
    const declare = (name: string, labels: readonly string[]): (() => void) => () =>
      new BusinessMetrics(new MetricsRegistry(), new RecordingLog()).add([
        { name: 'p', domain: { name: 'money', metrics: { definitions: [{ kind: 'counter', name, help: 'h', unit: 'count', labels }], observer: () => ({}) } } },
      ]);
    expect(declare('Paid-Total', [])).toThrow('"Paid-Total" is not a metric or label name');
    expect(declare('paid_total', ['provider'])).toThrow('the hub adds the provider label itself');
    expect(declare('paid_total', ['currency'])).not.toThrow();
  });
});

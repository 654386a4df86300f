import type { DomainMetrics } from '@interlock/core';
import type { Ticket } from './tickets-domain.js';

/**
 * The toy domain's business metrics, as a domain package declares its own: tickets reaching an
 * outcome, the fees of closed tickets in minor units, and how late each change reached the hub.
 */
export const ticketMetrics: DomainMetrics = {
  definitions: [
    { kind: 'counter', name: 'outcomes_total', help: 'Tickets reaching resolved or closed.', unit: 'count', labels: ['outcome'] },
    { kind: 'counter', name: 'fees_minor_total', help: 'Fees of closed tickets in minor units of the currency label.', unit: 'minor_units', labels: ['currency'] },
    { kind: 'histogram', name: 'lag_seconds', help: 'Received minus occurred.', labels: [], buckets: [1, 60, 3_600] },
  ],
  rates: [{ title: 'Resolved before closing', part: { metric: 'outcomes_total', where: { outcome: 'resolved' } }, whole: { metric: 'outcomes_total', where: { outcome: 'closed' } } }],
  observer: () => ({
    observeChange: ({ change, previous, receivedAt }) => {
      const ticket = JSON.parse(change.snapshot ?? '{}') as Ticket;
      const reached = change.status !== previous?.status && (change.status === 'resolved' || change.status === 'closed');
      return [
        { metric: 'lag_seconds', labels: {}, value: Math.max(0, receivedAt - change.occurredAt) / 1_000 },
        ...(reached ? [{ metric: 'outcomes_total', labels: { outcome: change.status }, value: 1 }] : []),
        ...(reached && change.status === 'closed' ? [{ metric: 'fees_minor_total', labels: { currency: 'USD' }, value: ticket.fee }] : []),
      ];
    },
  }),
};

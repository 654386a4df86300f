import { defineStateMachine, money, reconcile, type DomainPlugin, type RecordChange, type StoredEvent } from '@interlock/core';
import { ticketMetrics } from './ticket-metrics.js';

/**
 * A toy domain the hub's source never names: support tickets with a fee. It exists to prove that
 * the hub runs any domain through its plug-in: ingress, workers, polling and reconciliation.
 */
export interface Ticket {
  id: string;
  status: string;
  /** Epoch ms of the provider's last change. */
  updatedAt: number;
  /** Minor units of USD. */
  fee: number;
}

/** What every toy tickets connector implements. */
export interface TicketsConnector {
  readonly provider: string;
  /** False when the provider does not sign its webhooks: an event is then only a trigger to read. */
  readonly signsWebhooks: boolean;
  getTicket(id: string): Promise<Ticket>;
  listTickets(from: number, to: number): AsyncIterable<Ticket>;
  /** The ticket a verified webhook body carries. */
  ticketFromBody(rawBody: string): Ticket | undefined;
}

export const TICKET_RECORD_TYPE = 'ticket';

export const ticketMachine = defineStateMachine({
  name: 'toy.ticket',
  initial: ['open'],
  transitions: {
    open: ['in_progress', 'closed'],
    in_progress: ['resolved', 'closed'],
    resolved: ['closed'],
    closed: [],
  },
});

function change(ticket: Ticket): RecordChange {
  return { recordType: TICKET_RECORD_TYPE, recordId: ticket.id, status: ticket.status, occurredAt: ticket.updatedAt, snapshot: JSON.stringify(ticket) };
}

export const ticketsDomain: DomainPlugin<TicketsConnector> = {
  name: 'tickets',
  recordTypes: [TICKET_RECORD_TYPE],
  machine: ticketMachine,
  interpreter(connector) {
    if (connector.signsWebhooks) {
      return {
        machine: ticketMachine,
        interpret: (event: StoredEvent) => {
          const ticket = connector.ticketFromBody(event.payload);
          return ticket === undefined ? undefined : change(ticket);
        },
      };
    }
    return {
      machine: ticketMachine,
      read: async (event: StoredEvent) => {
        const named = connector.ticketFromBody(event.payload);
        return named === undefined ? undefined : change(await connector.getTicket(named.id));
      },
    };
  },
  polling: {
    recordType: TICKET_RECORD_TYPE,
    isSettled: (status) => status === 'closed',
    async read(connector, recordId) {
      const ticket = await connector.getTicket(recordId);
      return { status: ticket.status, updatedAt: ticket.updatedAt, snapshot: JSON.stringify(ticket) };
    },
  },
  reconciliation({ provider, connector, integrity, clock, reportingLagMs }) {
    return {
      provider,
      async run(period) {
        const ours = await integrity.listRecords({ provider, recordType: TICKET_RECORD_TYPE, updatedFrom: period.from - reportingLagMs, updatedTo: period.to - reportingLagMs });
        return reconcile({
          name: 'tickets.fees',
          provider,
          period,
          clock,
          ours: { records: ours.map((record) => JSON.parse(record.snapshot ?? '{}') as Ticket), key: (ticket) => ticket.id, amount: (ticket) => money(ticket.fee, 'USD') },
          theirs: { records: connector.listTickets(period.from, period.to), key: (ticket) => ticket.id, amount: (ticket) => money(ticket.fee, 'USD') },
          compare: (a, b) => (a.status === b.status ? [] : ['status']),
        });
      },
    };
  },
  metrics: ticketMetrics,
};

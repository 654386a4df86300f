import { z } from 'zod';
import { BODY_DIGEST, defineConnector, IntegrationError, requireEnvList, timestampedHmacScheme, type ConnectorContext, type WebhookIntake } from '@interlock/core';
import { ticketsDomain, type Ticket, type TicketsConnector } from './tickets-domain.js';

/** The toy provider signs `t=<seconds>,v1=<hex>` over `${t}.${body}` in `toy-signature`, with a 5-minute window. */
export const toyScheme = timestampedHmacScheme({ name: 'toy', header: 'toy-signature', timestampKey: 't', signatureKey: 'v1' });

const ticketSchema = z.object({ id: z.string(), status: z.string(), updated_at: z.string(), fee: z.number().int() });
const bodySchema = z.object({ ticket: ticketSchema.pick({ id: true }).passthrough() });

function toTicket(wire: z.infer<typeof ticketSchema>): Ticket {
  return { id: wire.id, status: wire.status, updatedAt: Date.parse(wire.updated_at), fee: wire.fee };
}

const configSchema = z.object({
  baseUrl: z.string().url(),
  /** API tokens, comma-separated; only the first is used. */
  tokensEnv: z.string().default('TOY_API_TOKENS'),
});

function createToyConnector(id: string, signsWebhooks: boolean, config: z.output<typeof configSchema>, context: ConnectorContext): TicketsConnector {
  const [token] = requireEnvList(context.env, config.tokensEnv, id);
  const request = context.fetch ?? fetch;
  const get = async (path: string): Promise<unknown> => {
    const response = await request(`${config.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new IntegrationError('unavailable', `${id} answered ${response.status}`, { provider: id, endpoint: path, reason: `http_${response.status}` });
    return response.json();
  };
  return {
    provider: id,
    signsWebhooks,
    getTicket: async (ticketId) => toTicket(ticketSchema.parse(await get(`/tickets/${encodeURIComponent(ticketId)}`))),
    async *listTickets(from, to) {
      for (const wire of z.array(ticketSchema).parse(await get(`/tickets?from=${from}&to=${to}`))) yield toTicket(wire);
    },
    ticketFromBody(rawBody) {
      const body = bodySchema.parse(JSON.parse(rawBody));
      const full = ticketSchema.safeParse(body.ticket);
      return full.success ? toTicket(full.data) : { id: body.ticket.id, status: 'open', updatedAt: 0, fee: 0 };
    },
  };
}

const intake = (verification: WebhookIntake['verification'], secretsEnv: string): WebhookIntake => ({
  verification,
  secretsEnv,
  eventId: [{ from: 'body', path: 'id' }],
  eventType: { from: 'body', path: 'type' },
  occurredAt: { field: { from: 'body', path: 'at' }, format: { kind: 'iso8601' } },
  signed: { eventId: true, eventType: true, occurredAt: true },
  replayWindowMs: 300_000,
});

/** A signed toy provider: its webhooks carry the ticket, so the payload is applied as is. */
export const descriptor = defineConnector({
  id: 'toy-tickets',
  domain: ticketsDomain,
  config: configSchema,
  create: (config, context) => createToyConnector('toy-tickets', true, config, context),
  webhooks: intake({ kind: 'signature', scheme: toyScheme }, 'TOY_WEBHOOK_SECRETS'),
  reportingLagMs: () => 0,
  limits: { getTicket: [{ limit: 10, windowMs: 1_000 }] },
  capabilities: ['webhooks.verify-every-event'],
});

/** An unsigned toy provider (a shared token in a header): an event only says which ticket to read. */
export const unsignedDescriptor = defineConnector({
  id: 'toy-unsigned',
  domain: ticketsDomain,
  config: configSchema,
  create: (config, context) => createToyConnector('toy-unsigned', false, config, context),
  webhooks: { ...intake({ kind: 'shared-token', header: 'x-api-token' }, 'TOY_UNSIGNED_TOKENS'), eventId: BODY_DIGEST, signed: { eventId: false, eventType: false, occurredAt: false } },
  reportingLagMs: () => 0,
  limits: {},
  capabilities: [],
});

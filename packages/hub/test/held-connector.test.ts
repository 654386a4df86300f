import type { ConnectorDescriptor } from '@interlock/core';
import { describe, expect, it } from 'vitest';
import { DESCRIPTORS, signedPost, testHub, TOY, TOY_CONNECTOR, drained } from './support.js';
import { descriptor } from './toy/toy-connector.js';
import type { TicketsConnector } from './toy/tickets-domain.js';

type Held = TicketsConnector & { held: true };

describe('a domain that holds its connectors', () => {
  it("gives the hub's callers what the domain's hold returns, and the workers the connector as created", { timeout: 30_000 }, async () => {
    const created: TicketsConnector[] = [];
    const domain = descriptor.domain;
    const holding: ConnectorDescriptor<TicketsConnector> = {
      ...descriptor,
      domain: {
        ...domain,
        hold: <K extends TicketsConnector>(connector: K): K => (created.push(connector), { ...connector, held: true }),
        interpreter: (connector) => {
          expect((connector as Partial<Held>).held).toBeUndefined();
          return domain.interpreter(connector);
        },
      },
    };
    const { hub, toy, cleanup } = await testHub({}, true, { ...DESCRIPTORS, [TOY_CONNECTOR]: holding as ConnectorDescriptor<unknown> });
    try {
      expect((hub.connector(holding, TOY) as Held).held).toBe(true);
      expect(created).toHaveLength(1);
      await expect(signedPost(`${hub.url}/webhooks/${TOY}`, toy.change('H1', 'open', Date.now() - 1_000))).resolves.toMatchObject({ status: 200 });
      await drained(hub);
      expect(await hub.integrity.getRecord({ provider: TOY, recordType: 'ticket', recordId: 'H1' })).toMatchObject({ status: 'open' });
    } finally {
      await cleanup();
    }
  });
});

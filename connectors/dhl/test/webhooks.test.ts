import { readFileSync } from 'node:fs';
import { signWebhook } from '@interlock/core';
import { describe, expect, it } from 'vitest';
import { createDhlConnector, webhookScheme } from '../src/index.js';

const SECRET = 'whsec_dhl_webhooks';
const NOW = Date.UTC(2026, 0, 6, 9);
const connector = createDhlConnector({ apiKeys: ['sk_test_dhl_webhooks'], webhookSecrets: [SECRET] });
const body = (name: string): string => readFileSync(new URL('./webhooks/' + name + '.json', import.meta.url), 'utf8');

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('dhl webhooks', () => {
  it('turns a signed tracking event into the number\'s whole track', () => {
    const rawBody = body('tracking-delivered');
    const events = connector.parseWebhook({ rawBody, headers: signWebhook(webhookScheme, { rawBody, secret: SECRET, timestamp: NOW }), now: NOW });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'tracking.updated',
      provider: 'dhl',
      occurredAt: NOW,
      track: { trackingNumber: 'TRK00000000000001', status: 'delivered', updatedAt: Date.UTC(2026, 0, 6, 9) },
    });
    expect(events[0]?.track?.events[2]?.location).toEqual({ city: 'Łódź', postalCode: '90-001', country: 'PL' });
  });

  it('refuses a body changed after signing, as ingress refuses it', () => {
    const rawBody = body('tracking-delivered');
    const headers = signWebhook(webhookScheme, { rawBody, secret: SECRET, timestamp: NOW });
    expect(thrown(() => connector.parseWebhook({ rawBody: rawBody.replace('"delivered"', '"returned"'), headers, now: NOW }))).toMatchObject({
      kind: 'auth',
      reason: 'webhook_signature_invalid',
    });
  });

  it('takes a signed body that is not JSON for the carrier breaking its contract', () => {
    const rawBody = 'not json';
    const headers = signWebhook(webhookScheme, { rawBody, secret: SECRET, timestamp: NOW });
    expect(thrown(() => connector.parseWebhook({ rawBody, headers, now: NOW }))).toMatchObject({ kind: 'contract_violation', reason: 'malformed_json' });
  });

  it('reads a shipment event the hub verified earlier, under the id it deduped on', () => {
    const [event] = connector.eventsFromVerifiedBody(body('shipment-created'), 'evt_from_ingress');
    expect(event).toMatchObject({ type: 'shipment.updated', providerEventId: 'evt_from_ingress', rawType: 'shipment.created', shipment: { status: 'label_created' } });
  });

  it('keeps an event type it does not act on as unknown', () => {
    const rawBody = JSON.stringify({ id: 'evt_other', object: 'event', type: 'integration.updated', created_at: NOW / 1000, data: { object: {} } });
    expect(connector.eventsFromVerifiedBody(rawBody, 'evt_other')).toMatchObject([{ type: 'unknown', rawType: 'integration.updated' }]);
  });
});

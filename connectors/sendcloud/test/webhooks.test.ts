import { readFileSync } from 'node:fs';
import { signWebhook } from '@interlock/core';
import { describe, expect, it } from 'vitest';
import { createSendcloudConnector, webhookScheme } from '../src/index.js';

const SECRET = 'whsec_sendcloud_webhooks';
const NOW = Date.UTC(2026, 0, 6, 9);
const connector = createSendcloudConnector({ apiKeys: ['pk_test_webhooks:sk_test_webhooks'], webhookSecrets: [SECRET] });
const body = (name: string): string => readFileSync(new URL('./webhooks/' + name + '.json', import.meta.url), 'utf8');

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('sendcloud webhooks', () => {
  it('turns a signed tracking event into the number\'s whole track', () => {
    const rawBody = body('tracking-delivered');
    const events = connector.parseWebhook({ rawBody, headers: signWebhook(webhookScheme, { rawBody, secret: SECRET, timestamp: NOW }), now: NOW });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'tracking.updated',
      provider: 'sendcloud',
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

  it('refuses a correctly signed event older than a day: Sendcloud signs no timestamp, so its body time bounds replays', () => {
    const rawBody = body('tracking-delivered');
    const headers = signWebhook(webhookScheme, { rawBody, secret: SECRET, timestamp: NOW });
    expect(connector.parseWebhook({ rawBody, headers, now: NOW + 23 * 60 * 60_000 })).toHaveLength(1);
    expect(thrown(() => connector.parseWebhook({ rawBody, headers, now: NOW + 25 * 60 * 60_000 }))).toMatchObject({ kind: 'auth' });
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

import { readFileSync } from 'node:fs';
import { MemoryTelemetrySink, signWebhook } from '@interlock/core';
import { describe, expect, it } from 'vitest';
import { createSendcloudConnector, webhookScheme } from '../src/index.js';

/*
 * The bodies in ./webhooks are Sendcloud's example payloads (../shared/providers/sendcloud/examples,
 * derived from v3-webhooks.openapi.yml, Apache-2.0, Sendcloud) with the recipient's details
 * replaced by fake ones and the `timestamp` the examples leave null set to a time of ours.
 */

const SECRET = 'whsec_sendcloud_webhooks';
const NOW = Date.UTC(2026, 0, 6, 9);
const body = (name: string): string => readFileSync(new URL('./webhooks/' + name + '.json', import.meta.url), 'utf8');

function connectorWith(telemetry = new MemoryTelemetrySink()) {
  return createSendcloudConnector({ apiKeys: ['pk_test_webhooks:sk_test_webhooks'], webhookSecrets: [SECRET], telemetry: [telemetry] });
}

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

const signed = (rawBody: string) => signWebhook(webhookScheme, { rawBody, secret: SECRET, timestamp: NOW });

describe('sendcloud webhooks', () => {
  it('turns a signed parcel_status_changed with a documented status id into a track, timed by the carrier\'s change', () => {
    const rawBody = body('parcel-delivered');
    const events = connectorWith().parseWebhook({ rawBody, headers: signed(rawBody), now: NOW });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'tracking.updated',
      provider: 'sendcloud',
      rawType: 'parcel_status_changed',
      occurredAt: NOW,
      track: {
        trackingNumber: '3SYZXG132912330',
        carrierShipmentId: '87e18823-016b-479b-b9e0-c5c0c4065452',
        status: 'delivered',
        statusRaw: '11',
        updatedAt: NOW - 15 * 60_000,
      },
    });
    expect(events[0]?.track?.events).toMatchObject([{ status: 'delivered', rawCode: '11', rawText: 'Delivered' }]);
  });

  it('keeps the example\'s placeholder status id raw as unknown and alerts on it once', () => {
    const telemetry = new MemoryTelemetrySink();
    const connector = connectorWith(telemetry);
    const rawBody = body('parcel-status-example');
    for (let delivery = 0; delivery < 2; delivery++) {
      const [event] = connector.parseWebhook({ rawBody, headers: signed(rawBody), now: NOW });
      expect(event?.track).toMatchObject({ status: 'unknown', statusRaw: '1', events: [{ status: 'unknown', rawCode: '1', rawText: 'Ready to send' }] });
    }
    const alerts = telemetry.ofType('enum.unknown_value');
    expect(alerts.filter((alert) => alert.firstSeen)).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ enum: 'sendcloud.status_id', raw: '1' });
  });

  it('refuses a body changed after signing, as ingress refuses it', () => {
    const rawBody = body('parcel-delivered');
    expect(thrown(() => connectorWith().parseWebhook({ rawBody: rawBody.replace('"Delivered"', '"Returned"'), headers: signed(rawBody), now: NOW }))).toMatchObject({
      kind: 'auth',
      reason: 'webhook_signature_invalid',
    });
  });

  it('refuses a correctly signed event older than a day: Sendcloud signs no timestamp, so its body time bounds replays', () => {
    const rawBody = body('parcel-delivered');
    const connector = connectorWith();
    expect(connector.parseWebhook({ rawBody, headers: signed(rawBody), now: NOW + 23 * 60 * 60_000 })).toHaveLength(1);
    expect(thrown(() => connector.parseWebhook({ rawBody, headers: signed(rawBody), now: NOW + 25 * 60 * 60_000 }))).toMatchObject({ kind: 'auth' });
  });

  it('takes a signed body that is not JSON for the carrier breaking its contract', () => {
    const rawBody = 'not json';
    expect(thrown(() => connectorWith().parseWebhook({ rawBody, headers: signed(rawBody), now: NOW }))).toMatchObject({ kind: 'contract_violation', reason: 'malformed_json' });
  });

  it('refuses a parcel event whose parcel has no status as a broken contract', () => {
    const rawBody = JSON.stringify({ action: 'parcel_status_changed', timestamp: NOW, parcel: { tracking_number: '3SYZXG132912330' } });
    expect(thrown(() => connectorWith().eventsFromVerifiedBody(rawBody, 'digest'))).toMatchObject({ kind: 'contract_violation' });
  });

  it('reads an integration event the hub verified earlier as unknown, under the id it deduped on', () => {
    const events = connectorWith().eventsFromVerifiedBody(body('integration-connected'), 'digest-from-ingress');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'unknown', rawType: 'integration_connected', providerEventId: 'digest-from-ingress', occurredAt: NOW });
    expect(events[0]?.track).toBeUndefined();
  });
});

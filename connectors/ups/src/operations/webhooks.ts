import { assertAuthentic, fieldReader, identifyEvent, IntegrationError, verifiedBodyJson } from '@interlock/core';
import { readTrack, type LogisticsEvent, type WebhookDelivery } from '@interlock/logistics';
import { UPS_PROVIDER } from '../provider.js';
import { ALERT_FIELDS } from '../fields.js';
import { fromUpsTime } from '../transform/instants.js';
import { webhookIntake } from '../webhooks.js';
import { alertContract, type WireAlert } from '../wire/event.js';
import type { UpsContext } from './context.js';
import { track } from './tracking.js';

const ENDPOINT = 'webhook';

/** The raw type a Track Alert push is recorded under. */
export const TRACK_ALERT_TYPE = 'track_alert';

function parseAlert(ctx: UpsContext, body: unknown): WireAlert {
  return ctx.api.parseObject(alertContract, body, ENDPOINT);
}

/**
 * A push as a read request: `tracking.updated` with no track, since nothing in an unsigned body
 * may change a record, and the number to read. The hub's workers (or `readAlerted`) read it from
 * UPS and apply UPS's answer.
 */
function toReadRequest(ctx: UpsContext, alert: WireAlert, eventId: string): LogisticsEvent {
  const read = fieldReader(ALERT_FIELDS, alert);
  const occurredAt = fromUpsTime({ gmtDate: read.text('gmtDate'), gmtTime: read.text('gmtTime') }, 'UTC', ALERT_FIELDS.inbound.gmtDate);
  return {
    id: eventId,
    provider: UPS_PROVIDER,
    providerEventId: eventId,
    type: 'tracking.updated',
    rawType: TRACK_ALERT_TYPE,
    occurredAt: occurredAt ?? ctx.clock.now(),
    readRequest: { trackingNumber: read.get('trackingNumber') },
  };
}

function verified(ctx: UpsContext, delivery: WebhookDelivery): { alert: WireAlert; eventId: string } {
  assertAuthentic(webhookIntake, UPS_PROVIDER, delivery, ctx.webhookSecrets);
  const body = verifiedBodyJson(UPS_PROVIDER, delivery.rawBody);
  const alert = parseAlert(ctx, body);
  const identity = identifyEvent(webhookIntake, UPS_PROVIDER, body, delivery.headers, delivery.rawBody);
  if (identity === undefined) {
    throw new IntegrationError('contract_violation', `${UPS_PROVIDER} webhook: a push without a status type`, {
      provider: UPS_PROVIDER,
      endpoint: ENDPOINT,
      reason: 'malformed_event',
      requestMayHaveReachedProvider: false,
    });
  }
  return { alert, eventId: identity.eventId };
}

/** Checks the credential first; then the push is a read request for its tracking number. */
export function parseWebhook(ctx: UpsContext, delivery: WebhookDelivery): LogisticsEvent[] {
  const { alert, eventId } = verified(ctx, delivery);
  return [toReadRequest(ctx, alert, eventId)];
}

/** A push whose credential was checked earlier (by the hub's ingress): still only a read request. */
export function eventsFromVerifiedBody(ctx: UpsContext, rawBody: string, eventId: string): LogisticsEvent[] {
  return [toReadRequest(ctx, parseAlert(ctx, verifiedBodyJson(UPS_PROVIDER, rawBody)), eventId)];
}

/**
 * What a push is for: checks its credential, then reads its number through the Tracking API and
 * returns that read as the event's track, so the state applied is UPS's answer, never the push's.
 * The read is logistics' `readTrack`, the one the hub's workers and poller make: the latest of the
 * number's shipments, and a number UPS does not know fails typed instead of leaving no track.
 */
export async function readAlerted(ctx: UpsContext, delivery: WebhookDelivery): Promise<LogisticsEvent> {
  const { alert, eventId } = verified(ctx, delivery);
  const event = toReadRequest(ctx, alert, eventId);
  const tracking = { provider: UPS_PROVIDER, track: (numbers: readonly string[]) => track(ctx, numbers) };
  return { ...event, track: await readTrack(tracking, fieldReader(ALERT_FIELDS, alert).get('trackingNumber')) };
}

import { assertAuthentic, identifyEvent, IntegrationError, outsideReplayWindow, verifiedBodyJson, webhookRefused, type Contract } from '@interlock/core';
import type { LogisticsEvent, WebhookDelivery } from '@interlock/logistics';
import type { z } from 'zod';
import { SENDCLOUD_PROVIDER } from '../provider.js';
import { toLogisticsEvents } from '../transform/event.js';
import { webhookIntake } from '../webhooks.js';
import { eventContract, eventParcelContract } from '../wire/event.js';
import type { SendcloudContext } from './context.js';

const ENDPOINT = 'webhook';

function malformed(why: string): IntegrationError {
  return new IntegrationError('contract_violation', SENDCLOUD_PROVIDER + ' webhook: ' + why, {
    provider: SENDCLOUD_PROVIDER,
    endpoint: ENDPOINT,
    reason: 'malformed_event',
    requestMayHaveReachedProvider: false,
  });
}

/** A verified event as canonical events, every object parsed by its contract with drift reported through the client. */
function toEvents(ctx: SendcloudContext, body: unknown, eventId: string): LogisticsEvent[] {
  const parse = <S extends z.ZodTypeAny>(contract: Contract<S>, value: unknown): z.output<S> => ctx.api.parseObject(contract, value, ENDPOINT);
  const parsers = { parcel: (object: unknown) => parse(eventParcelContract, object), unknownValues: ctx.api.client.unknownValues };
  return toLogisticsEvents(parse(eventContract, body), eventId, parsers, ctx.clock.now());
}

/**
 * Verifies first (the signature, then the signed body's event time against the replay window),
 * then reads the event under the digest of its body. Nothing of an unverified body is looked at.
 */
export function parseWebhook(ctx: SendcloudContext, delivery: WebhookDelivery): LogisticsEvent[] {
  assertAuthentic(webhookIntake, SENDCLOUD_PROVIDER, delivery, ctx.webhookSecrets);
  const body = verifiedBodyJson(SENDCLOUD_PROVIDER, delivery.rawBody);
  const identity = identifyEvent(webhookIntake, SENDCLOUD_PROVIDER, body, delivery.headers, delivery.rawBody);
  if (identity === undefined) throw malformed('a signed event without a type');
  if (outsideReplayWindow(webhookIntake, identity, delivery.now)) throw webhookRefused(SENDCLOUD_PROVIDER, 'event outside the replay window');
  return toEvents(ctx, body, identity.eventId);
}

/** A body whose signature was checked earlier (by the hub's ingress), read the same way without the replay window. */
export function eventsFromVerifiedBody(ctx: SendcloudContext, rawBody: string, eventId: string): LogisticsEvent[] {
  return toEvents(ctx, verifiedBodyJson(SENDCLOUD_PROVIDER, rawBody), eventId);
}

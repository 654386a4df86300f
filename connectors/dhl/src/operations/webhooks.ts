import { assertAuthentic, identifyEvent, IntegrationError, verifiedBodyJson, type Contract } from '@interlock/core';
import type { LogisticsEvent, WebhookDelivery } from '@interlock/logistics';
import type { z } from 'zod';
import { DHL_PROVIDER } from '../provider.js';
import { toLogisticsEvents } from '../transform/event.js';
import { webhookIntake } from '../webhooks.js';
import { eventContract } from '../wire/event.js';
import { shipmentContract } from '../wire/shipment.js';
import { trackingContract } from '../wire/tracking.js';
import type { DhlContext } from './context.js';

const ENDPOINT = 'webhook';

function malformed(why: string): IntegrationError {
  return new IntegrationError('contract_violation', DHL_PROVIDER + ' webhook: ' + why, {
    provider: DHL_PROVIDER,
    endpoint: ENDPOINT,
    reason: 'malformed_event',
    requestMayHaveReachedProvider: false,
  });
}

/** A verified event as canonical events, every object parsed by its contract with drift reported through the client. */
function toEvents(ctx: DhlContext, body: unknown, eventId: string): LogisticsEvent[] {
  const parse = <S extends z.ZodTypeAny>(contract: Contract<S>, value: unknown): z.output<S> => ctx.api.parseObject(contract, value, ENDPOINT);
  const parsers = { tracking: (object: unknown) => parse(trackingContract, object), shipment: (object: unknown) => parse(shipmentContract, object) };
  return toLogisticsEvents(parse(eventContract, body), eventId, parsers, ctx.clock.now());
}

/**
 * Verifies first (the signature, and its signed timestamp against the replay window), then reads
 * the event where the intake says its id is. Nothing of an unverified body is looked at.
 */
export function parseWebhook(ctx: DhlContext, delivery: WebhookDelivery): LogisticsEvent[] {
  assertAuthentic(webhookIntake, DHL_PROVIDER, delivery, ctx.webhookSecrets);
  const body = verifiedBodyJson(DHL_PROVIDER, delivery.rawBody);
  const identity = identifyEvent(webhookIntake, DHL_PROVIDER, body, delivery.headers);
  if (identity === undefined) throw malformed('a signed event without an id or a type');
  return toEvents(ctx, body, identity.eventId);
}

/** A body whose signature was checked earlier (by the hub's ingress), read the same way without the replay window. */
export function eventsFromVerifiedBody(ctx: DhlContext, rawBody: string, eventId: string): LogisticsEvent[] {
  return toEvents(ctx, verifiedBodyJson(DHL_PROVIDER, rawBody), eventId);
}

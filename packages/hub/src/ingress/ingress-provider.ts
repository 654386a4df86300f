import {
  authenticateDelivery,
  identifyEvent,
  outsideReplayWindow,
  signsBody,
  type DeliveryCheck,
  type EventIdentity,
  type WebhookHeaders,
} from '@interlock/core';
import type { RunningProvider } from '../connectors/providers.js';

/** What the ingress needs to know about one provider's webhooks. */
export interface IngressProvider {
  name: string;
  /** False for providers that do not sign: their requests are rate-limited and only trigger a read. */
  signed: boolean;
  authenticate(rawBody: Buffer, headers: WebhookHeaders, now: number): DeliveryCheck;
  /** The event's identity in its payload; undefined when the payload has none. */
  identify(payload: unknown, headers: WebhookHeaders): EventIdentity | undefined;
  /** A captured delivery replayed after the provider's window. */
  expired(identity: EventIdentity, now: number): boolean;
}

/** A provider's ingress rules, from its connector's webhook intake. */
export function ingressProvider(provider: Pick<RunningProvider, 'name' | 'descriptor' | 'webhookSecrets'>): IngressProvider {
  const intake = provider.descriptor.webhooks;
  return {
    name: provider.name,
    signed: signsBody(intake),
    authenticate: (rawBody, headers, now) => authenticateDelivery(intake, { rawBody, headers, now }, provider.webhookSecrets),
    identify: (payload, headers) => identifyEvent(intake, provider.name, payload, headers),
    expired: (identity, now) => outsideReplayWindow(intake, identity, now),
  };
}

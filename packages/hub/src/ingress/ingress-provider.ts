import { admitDelivery, checkWebhookIntake, signsBody, type Admission, type WebhookHeaders } from '@interlock/core';
import type { RunningProvider } from '../connectors/providers.js';

/** What the ingress needs to know about one provider's webhooks. */
export interface IngressProvider {
  name: string;
  /** False for providers that do not sign: their requests are rate-limited and only trigger a read. */
  signed: boolean;
  /** Authenticates, parses and identifies a delivery, and applies the replay window: core's one check. */
  admit(rawBody: Buffer, headers: WebhookHeaders, now: number): Admission;
}

/** A provider's ingress rules, from its connector's webhook intake. */
export function ingressProvider(provider: Pick<RunningProvider, 'name' | 'descriptor' | 'webhookSecrets'>): IngressProvider {
  const intake = provider.descriptor.webhooks;
  // Again here: a descriptor built by an older core has not been through this check.
  checkWebhookIntake(provider.name, intake);
  return {
    name: provider.name,
    signed: signsBody(intake),
    admit: (rawBody, headers, now) => admitDelivery(intake, { rawBody, headers, now }, provider.webhookSecrets),
  };
}

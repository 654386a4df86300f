import { IntegrationError } from '@interlock/core';
import type { LogisticsEvent } from '@interlock/logistics';
import { DHL_PROVIDER } from '../provider.js';

const ENDPOINT = 'webhook';

/**
 * Shipment Tracking - Unified has no push: DHL sends no webhooks, so no delivery can be authentic.
 * Every one is refused the way a forged one is (`auth`, `webhook_signature_invalid`, a 400 at
 * ingress) without reading its body; polling carries all of DHL's tracking.
 */
export function parseWebhook(): LogisticsEvent[] {
  throw new IntegrationError('auth', `${DHL_PROVIDER}: DHL sends no webhooks; the delivery is refused`, {
    provider: DHL_PROVIDER,
    endpoint: ENDPOINT,
    reason: 'webhook_signature_invalid',
    requestMayHaveReachedProvider: false,
  });
}

/** Nothing from DHL is ever verified, so a body said to be is refused rather than read. */
export function eventsFromVerifiedBody(): LogisticsEvent[] {
  throw new IntegrationError('contract_violation', `${DHL_PROVIDER}: DHL sends no webhooks, so no body can have been verified`, {
    provider: DHL_PROVIDER,
    endpoint: ENDPOINT,
    reason: 'malformed_event',
    requestMayHaveReachedProvider: false,
  });
}

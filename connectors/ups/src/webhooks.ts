import { BODY_DIGEST, type WebhookIntake } from '@interlock/core';
import { ALERT_FIELDS } from './fields.js';

/**
 * The header a Track Alert push carries the registered credential in. UPSTrackAlert.yaml (v2)
 * moved the credential to "Manage Webhook Credentials" and names no header for it (only
 * `x-api-key`, the OAuth client id, and `User-Agent: UPSPubSubTrackingService`), so this is
 * configuration the account owner confirms when registering the webhook (RUNBOOK.md).
 */
export const UPS_ALERT_CREDENTIAL_HEADER = 'credential';

/**
 * Track Alert signs nothing: a push proves only that its sender knows the credential. So the id
 * is a digest of the body, no field of it is trusted, and the push only asks for a tracking read
 * (see `operations/webhooks.ts`); there is no signed time, so no replay window beyond dedupe.
 */
export const webhookIntake: WebhookIntake = Object.freeze({
  verification: { kind: 'shared-token', header: UPS_ALERT_CREDENTIAL_HEADER },
  secretsEnv: 'UPS_WEBHOOK_SECRETS',
  eventId: BODY_DIGEST,
  eventType: { from: 'body', path: ALERT_FIELDS.inbound.type },
  signed: { eventId: false, eventType: false, occurredAt: false },
  // UPS does not document redeliveries; a day covers a push repeated after an outage of ours.
  redeliveryWindowMs: 24 * 60 * 60 * 1000,
} satisfies WebhookIntake);

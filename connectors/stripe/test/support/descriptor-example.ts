import { authenticateDelivery, envList, identifyEvent, signWebhook, systemClock } from '@interlock/core';
import { descriptor, stripeWebhookScheme } from '@interlock/stripe';

// The config names the variables; the values stay in the environment:
// STRIPE_API_KEYS=sk_test_…[,sk_test_… while a key is rolled]  STRIPE_WEBHOOK_SECRETS=whsec_…
const config = descriptor.config.parse({ mode: 'sandbox' });
const webhookSecrets = envList(process.env, descriptor.webhooks.secretsEnv);
const stripe = descriptor.create(config, { env: process.env, clock: systemClock, telemetry: [], webhookSecrets });
console.log(descriptor.id, descriptor.domain.name, config.apiKeysEnv, descriptor.reportingLagMs(config)); // stripe payments STRIPE_API_KEYS 0

// A delivery signed as Stripe signs it, checked and identified as the hub's ingress does, then read by the connector.
const rawBody = JSON.stringify({ id: 'evt_1', object: 'event', type: 'customer.created', created: 1767225600, data: { object: { id: 'cus_1', object: 'customer' } } });
const now = Date.now();
const delivery = { rawBody, headers: signWebhook(stripeWebhookScheme, { rawBody, secret: webhookSecrets[0] ?? '', timestamp: now }), now };
console.log(authenticateDelivery(descriptor.webhooks, delivery, webhookSecrets)); // { ok: true }
console.log(identifyEvent(descriptor.webhooks, descriptor.id, JSON.parse(rawBody), delivery.headers)); // { eventId: 'evt_1', type: 'customer.created', occurredAt: 1767225600000 }
console.log(stripe.parseWebhook(delivery).map((event) => `${event.type} ${event.rawType}`)); // [ 'unknown customer.created' ]

import type { ConnectorDescriptor } from '@interlock/core';
import { descriptor as dhl } from '@interlock/dhl';
import { descriptor as razorpay } from '@interlock/razorpay';
import { descriptor as sendcloud } from '@interlock/sendcloud';
import { descriptor as stripe } from '@interlock/stripe';
import { descriptor as ups } from '@interlock/ups';
import type { Credentials } from './credentials.js';

/** A provider as the hub's config names it, with the descriptor that builds it. */
export interface SweptProvider {
  name: string;
  connector: string;
  descriptor: ConnectorDescriptor<unknown>;
  options: Record<string, unknown>;
  webhookSecretsEnv: string;
}

/**
 * Every connector, configured the way the hub configures them: credentials by environment
 * variable. Stripe runs twice, once on a rotating pair of secret keys and once on a restricted key.
 */
export const PROVIDERS: readonly SweptProvider[] = [
  { name: 'stripe', connector: '@interlock/stripe', descriptor: stripe, options: { baseUrl: 'http://127.0.0.1:9/' }, webhookSecretsEnv: 'STRIPE_WEBHOOK_SECRETS' },
  { name: 'stripe-restricted', connector: '@interlock/stripe', descriptor: stripe, options: { baseUrl: 'http://127.0.0.1:9/', apiKeysEnv: 'STRIPE_RESTRICTED_KEYS' }, webhookSecretsEnv: 'STRIPE_WEBHOOK_SECRETS' },
  { name: 'razorpay', connector: '@interlock/razorpay', descriptor: razorpay, options: { baseUrl: 'http://127.0.0.1:9' }, webhookSecretsEnv: 'RAZORPAY_WEBHOOK_SECRETS' },
  { name: 'ups', connector: '@interlock/ups', descriptor: ups, options: { baseUrl: 'http://127.0.0.1:9' }, webhookSecretsEnv: 'UPS_WEBHOOK_SECRETS' },
  { name: 'dhl', connector: '@interlock/dhl', descriptor: dhl, options: { baseUrl: 'http://127.0.0.1:9' }, webhookSecretsEnv: 'DHL_WEBHOOK_SECRETS' },
  { name: 'sendcloud', connector: '@interlock/sendcloud', descriptor: sendcloud, options: { baseUrl: 'http://127.0.0.1:9' }, webhookSecretsEnv: 'SENDCLOUD_WEBHOOK_SECRETS' },
];

/** The environment every part of the sweep reads its credentials from. */
export function credentialEnv(c: Credentials): Record<string, string> {
  return {
    STRIPE_API_KEYS: `${c.stripeKey},${c.stripeRotatedKey}`,
    STRIPE_RESTRICTED_KEYS: c.stripeRestrictedKey,
    STRIPE_WEBHOOK_SECRETS: c.stripeWebhookSecret,
    RAZORPAY_KEY_ID: c.razorpayKeyId,
    RAZORPAY_KEY_SECRET: c.razorpayKeySecret,
    RAZORPAY_WEBHOOK_SECRETS: c.razorpayWebhookSecret,
    UPS_CLIENT: `${c.upsClientId}:${c.upsClientSecret}`,
    UPS_WEBHOOK_SECRETS: c.upsWebhookSecret,
    DHL_API_KEYS: c.dhlApiKey,
    DHL_WEBHOOK_SECRETS: c.dhlWebhookToken,
    SENDCLOUD_API_KEYS: `${c.sendcloudPublicKey}:${c.sendcloudSecretKey}`,
    SENDCLOUD_WEBHOOK_SECRETS: c.sendcloudWebhookSecret,
    CONSOLE_TOKEN: c.consoleToken,
    ALERT_WEBHOOK_SECRET: c.alertWebhookSecret,
    ALERT_SMTP_USER: 'alerts@example.test',
    ALERT_SMTP_PASSWORD: c.smtpPassword,
    DATABASE_URL: `postgres://postgres:${c.databasePassword}@127.0.0.1:5432/test`,
  };
}

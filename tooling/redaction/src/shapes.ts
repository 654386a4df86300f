import { basic, type Credentials } from './credentials.js';

/** One row of the matrix: a kind of credential and the values of it that must never be written. */
export interface CredentialShape {
  name: string;
  secrets(credentials: Credentials): readonly string[];
}

/**
 * The credential shapes the project knows, each with the parts of it that must not be written.
 * The key ids (Razorpay's key id, UPS's client id, Sendcloud's public key) are half of a Basic
 * credential; the hub hides them like the secrets, so the sweep holds it to that.
 */
export const SHAPES: readonly CredentialShape[] = [
  { name: 'Stripe secret key sk_', secrets: (c) => [c.stripeKey] },
  { name: 'Stripe rotated key sk_', secrets: (c) => [c.stripeRotatedKey] },
  { name: 'Stripe restricted key rk_', secrets: (c) => [c.stripeRestrictedKey] },
  { name: 'Stripe webhook secret whsec_', secrets: (c) => [c.stripeWebhookSecret] },
  { name: 'Razorpay key id', secrets: (c) => [c.razorpayKeyId] },
  { name: 'Razorpay key secret', secrets: (c) => [c.razorpayKeySecret] },
  { name: 'Razorpay Basic id:secret', secrets: (c) => [basic(c.razorpayKeyId, c.razorpayKeySecret)] },
  { name: 'Razorpay webhook secret', secrets: (c) => [c.razorpayWebhookSecret] },
  { name: 'UPS OAuth client id', secrets: (c) => [c.upsClientId] },
  { name: 'UPS OAuth client secret', secrets: (c) => [c.upsClientSecret, basic(c.upsClientId, c.upsClientSecret)] },
  { name: 'UPS OAuth access token', secrets: (c) => [c.upsAccessToken] },
  { name: 'UPS OAuth refresh token', secrets: (c) => [c.upsRefreshToken] },
  { name: 'UPS Track Alert credential', secrets: (c) => [c.upsWebhookSecret] },
  { name: 'DHL API key', secrets: (c) => [c.dhlApiKey] },
  { name: 'DHL webhook shared token', secrets: (c) => [c.dhlWebhookToken] },
  { name: 'Sendcloud public key', secrets: (c) => [c.sendcloudPublicKey] },
  { name: 'Sendcloud secret key + Basic', secrets: (c) => [c.sendcloudSecretKey, basic(c.sendcloudPublicKey, c.sendcloudSecretKey)] },
  { name: 'Sendcloud webhook secret', secrets: (c) => [c.sendcloudWebhookSecret] },
  { name: 'hub console token', secrets: (c) => [c.consoleToken] },
  { name: 'hub alert webhook whsec_', secrets: (c) => [c.alertWebhookSecret] },
  { name: 'SMTP AUTH password', secrets: (c) => [c.smtpPassword] },
  { name: 'basic-auth password (DB URL)', secrets: (c) => [c.databasePassword] },
];

import { bodyHmacScheme, timestampedHmacScheme } from '../../src/webhooks/index.js';
/** A delivery body with non-ASCII text: the HMAC covers UTF-8 bytes, not UTF-16 code units. */
export const BODY =
  '{"id":"evt_1PxYz2","object":"event","type":"payment_intent.succeeded","data":{"object":{"id":"pi_3Qa","amount":129900,"currency":"inr","description":"Müller GmbH — order #42"}},"created":1767225600}';

/** 2026-01-01T00:00:00Z in whole seconds and in ms. */
export const T_SECONDS = 1_767_225_600;
export const T_MS = T_SECONDS * 1000;

export const STRIPE_SECRET = 'whsec_test_9d1c6f0a8e7b4c2d5f3a1b0c9e8d7f6a';
export const STRIPE_OLD_SECRET = 'whsec_test_0ld5ecret0ld5ecret0ld5ecret00';

/** Standard Webhooks secrets are base64 key bytes behind `whsec_`. */
export const STANDARD_KEY = Buffer.from('6f3e1c7a9b2d4e8f0a1c3e5b7d9f1a2c4e6b8d0f2a4c6e8b', 'hex');
export const STANDARD_SECRET = `whsec_${STANDARD_KEY.toString('base64')}`;
export const STANDARD_OLD_SECRET = `whsec_${Buffer.from('old standard webhooks key bytes!').toString('base64')}`;

export const RAZORPAY_SECRET = 'rzp_webhook_s3cr3t_Kx9Qm2';
export const RAZORPAY_OLD_SECRET = 'rzp_webhook_old_s3cr3t_Zp4';

export const HUB_SECRET = 'hub-shared-secret-7a1f';
export const HUB_OLD_SECRET = 'hub-shared-secret-0ld0';

/**
 * The two provider conventions these tests were written from, configured from core's generic
 * mechanisms the way their connectors configure them (the connectors test their own copies).
 */
export const stripeScheme = timestampedHmacScheme({ name: 'stripe', header: 'stripe-signature', timestampKey: 't', signatureKey: 'v1' });
export const razorpayScheme = bodyHmacScheme({ name: 'razorpay', header: 'x-razorpay-signature', algorithm: 'sha256', encoding: 'hex', idHeader: 'x-razorpay-event-id' });

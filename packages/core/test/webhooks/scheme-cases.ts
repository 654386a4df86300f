import {
  hubSignature256Scheme,
  hubSignatureSha1Scheme,
  standardWebhooksScheme,
  type SignatureScheme,
} from '../../src/webhooks/index.js';
import {
  HUB_OLD_SECRET,
  HUB_SECRET,
  RAZORPAY_OLD_SECRET,
  RAZORPAY_SECRET,
  STANDARD_OLD_SECRET,
  STANDARD_SECRET,
  STRIPE_OLD_SECRET,
  STRIPE_SECRET,
  T_MS,
  T_SECONDS,
  razorpayScheme,
  stripeScheme,
} from './fixtures.js';
import { opensslHmacBase64, opensslHmacHex } from './openssl.js';

export interface Parts {
  timestamp?: number;
  id?: string;
}

/**
 * One scheme as a provider's documentation describes it, written out by hand in the test: how
 * the signature is computed (by openssl) and where it goes in the headers. Nothing here calls the
 * scheme's own hooks, so a wrong hook cannot agree with itself.
 */
export interface SchemeCase {
  scheme: SignatureScheme;
  secret: string;
  oldSecret: string;
  parts: Parts;
  /** The encoded signature of `body` under `secret`, computed by openssl. */
  digest(body: string, secret: string, parts: Parts): string;
  /** The headers carrying `signature`, formatted by hand. */
  build(signature: string, parts: Parts): Record<string, string>;
  /** The signature header present but unreadable. */
  malformed: Record<string, string>;
  /** What a successful verification reports besides the secret index. */
  reported: Parts;
}

const seconds = (parts: Parts): number => Math.floor((parts.timestamp as number) / 1000);
const standardKey = (secret: string): Buffer => Buffer.from(secret.slice('whsec_'.length), 'base64');
const STANDARD_ID = 'msg_2mXf0lKq7YbQ9TzR1cVn8WdE3uA';

export const SCHEME_CASES: readonly SchemeCase[] = [
  {
    scheme: stripeScheme,
    secret: STRIPE_SECRET,
    oldSecret: STRIPE_OLD_SECRET,
    parts: { timestamp: T_MS },
    digest: (body, secret, parts) => opensslHmacHex('sha256', secret, `${seconds(parts)}.${body}`),
    build: (signature, parts) => ({ 'stripe-signature': `t=${seconds(parts)},v1=${signature}` }),
    malformed: { 'stripe-signature': 'this is not a stripe signature' },
    reported: { timestamp: T_SECONDS * 1000 },
  },
  {
    scheme: standardWebhooksScheme,
    secret: STANDARD_SECRET,
    oldSecret: STANDARD_OLD_SECRET,
    parts: { timestamp: T_MS, id: STANDARD_ID },
    digest: (body, secret, parts) =>
      opensslHmacBase64('sha256', standardKey(secret), `${parts.id as string}.${seconds(parts)}.${body}`),
    build: (signature, parts) => ({
      'webhook-id': parts.id as string,
      'webhook-timestamp': String(seconds(parts)),
      'webhook-signature': `v1,${signature}`,
    }),
    malformed: { 'webhook-id': STANDARD_ID, 'webhook-timestamp': String(T_SECONDS), 'webhook-signature': 'v1' },
    reported: { timestamp: T_MS, id: STANDARD_ID },
  },
  {
    scheme: razorpayScheme,
    secret: RAZORPAY_SECRET,
    oldSecret: RAZORPAY_OLD_SECRET,
    parts: {},
    digest: (body, secret) => opensslHmacHex('sha256', secret, body),
    build: (signature) => ({ 'x-razorpay-signature': signature }),
    malformed: { 'x-razorpay-signature': 'zz-not-hex-zz' },
    reported: {},
  },
  {
    scheme: hubSignature256Scheme,
    secret: HUB_SECRET,
    oldSecret: HUB_OLD_SECRET,
    parts: {},
    digest: (body, secret) => opensslHmacHex('sha256', secret, body),
    build: (signature) => ({ 'x-hub-signature-256': `sha256=${signature}` }),
    malformed: { 'x-hub-signature-256': 'md5=0123456789abcdef' },
    reported: {},
  },
  {
    scheme: hubSignatureSha1Scheme,
    secret: HUB_SECRET,
    oldSecret: HUB_OLD_SECRET,
    parts: {},
    digest: (body, secret) => opensslHmacHex('sha1', secret, body),
    build: (signature) => ({ 'x-hub-signature': `sha1=${signature}` }),
    malformed: { 'x-hub-signature': 'sha256=0123456789abcdef' },
    reported: {},
  },
];

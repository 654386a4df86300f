export { headerValues, singleHeader, type WebhookHeaders } from './headers.js';
export type { OfferedSignatures, SignatureScheme, SignedParts } from './scheme.js';
export { timestampedHmacScheme, type TimestampedHmacSchemeSpec } from './timestamped-hmac.js';
export { standardWebhooksScheme } from './standard-webhooks.js';
export {
  bodyHmacScheme,
  hubSignature256Scheme,
  hubSignatureSha1Scheme,
  type BodyHmacSchemeSpec,
} from './body-hmac.js';
export { verifyWebhook, type VerifyFailureReason, type VerifyInput, type VerifyResult } from './verify.js';
export { signWebhook, type SignInput } from './sign.js';
export { verifyBasicAuth, verifySharedToken } from './unsigned.js';

import {
  hubSignature256Scheme,
  hubSignatureSha1Scheme,
  parseInstant,
  razorpayScheme,
  standardWebhooksScheme,
  stripeScheme,
  verifyBasicAuth,
  verifySharedToken,
  verifyWebhook,
  type SignatureScheme,
  type WebhookHeaders,
} from '@interlock/core';
import { providerSecrets, type ProviderConfig } from '../config/config.js';

export type Authentication = { ok: true } | { ok: false; reason: string };

/** What the ingress needs to know about one provider's webhooks. */
export interface IngressProvider {
  name: string;
  /** False for providers that do not sign: their requests are rate-limited and only trigger a read. */
  signed: boolean;
  authenticate(rawBody: Buffer, headers: WebhookHeaders, now: number): Authentication;
  /** The event's identity in its payload; undefined when the payload has none. */
  identify(payload: unknown, headers: WebhookHeaders): { eventId: string; type: string; occurredAt?: number } | undefined;
}

const SCHEMES: Readonly<Record<string, SignatureScheme>> = {
  stripe: stripeScheme,
  'standard-webhooks': standardWebhooksScheme,
  razorpay: razorpayScheme,
  'hub-signature-256': hubSignature256Scheme,
  'hub-signature': hubSignatureSha1Scheme,
};

function at(payload: unknown, path: string): unknown {
  let node = payload;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

function headerValue(headers: WebhookHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? (value[0] as string | undefined) : (value as string | undefined);
}

/** Builds a provider's ingress rules from its config; secrets are read from the environment once. */
export function ingressProvider(config: ProviderConfig, env: NodeJS.ProcessEnv = process.env): IngressProvider {
  const secrets = providerSecrets(config, env);
  if (secrets.length === 0) throw new TypeError(`Provider ${config.name}: no secrets in environment variable ${config.secretsEnv}`);
  const scheme = SCHEMES[config.verification];
  const authenticate = (rawBody: Buffer, headers: WebhookHeaders, now: number): Authentication => {
    if (scheme) {
      const result = verifyWebhook(scheme, { rawBody, headers, secrets, now });
      return result.ok ? { ok: true } : { ok: false, reason: result.reason };
    }
    if (config.verification === 'shared-token') {
      return verifySharedToken(headers, { header: config.tokenHeader ?? 'x-webhook-token', tokens: secrets }) ? { ok: true } : { ok: false, reason: 'bad_token' };
    }
    return verifyBasicAuth(headers, { username: config.username ?? 'interlock', passwords: secrets }) ? { ok: true } : { ok: false, reason: 'bad_credentials' };
  };
  return {
    name: config.name,
    signed: scheme !== undefined,
    authenticate,
    identify(payload, headers) {
      // Standard Webhooks and Razorpay carry the id in a header; others in the body.
      const id = (config.eventIdHeader === undefined ? undefined : headerValue(headers, config.eventIdHeader.toLowerCase())) ?? at(payload, config.eventId) ?? headerValue(headers, 'webhook-id');
      const type = at(payload, config.eventType);
      if ((typeof id !== 'string' && typeof id !== 'number') || typeof type !== 'string') return undefined;
      const raw = config.occurredAt === undefined ? undefined : at(payload, config.occurredAt);
      const occurredAt = raw === undefined ? undefined : parseInstant(raw, { kind: config.occurredAtFormat }, { provider: config.name, field: config.occurredAt });
      return { eventId: String(id), type, ...(occurredAt === undefined ? {} : { occurredAt }) };
    },
  };
}

import { defineConnector, requireEnvList, type ConnectorContext, type Environment } from '@interlock/core';
import { paymentsDomain } from '@interlock/payments';
import { z } from 'zod';
import { createRazorpayConnector, type RazorpayConnector, type RazorpayKeyPair } from './connector.js';
import { RAZORPAY_DEFAULT_LIMITS } from './limits.js';
import { RAZORPAY_PROVIDER } from './provider.js';
import { webhookIntake } from './webhooks.js';

const HOUR_MS = 3_600_000;

/** The connector's options in the hub's config: credentials by environment variable name, never values. */
const config = z.object({
  /** Key ids, comma-separated while a key pair is rotated: the n-th id goes with the n-th secret. */
  keyIdEnv: z.string().default('RAZORPAY_KEY_ID'),
  keySecretEnv: z.string().default('RAZORPAY_KEY_SECRET'),
  baseUrl: z.string().url().optional(),
  /** Razorpay settles about two days after capture (T+2); set to your account's schedule. */
  settlementLagHours: z.number().min(0).default(48),
});

export type RazorpayConfig = z.output<typeof config>;

/** The key pairs the two variables hold, paired by position; the error names the variables and counts, never a value. */
function keyPairs(options: RazorpayConfig, env: Environment): RazorpayKeyPair[] {
  const ids = requireEnvList(env, options.keyIdEnv, RAZORPAY_PROVIDER);
  const secrets = requireEnvList(env, options.keySecretEnv, RAZORPAY_PROVIDER);
  if (ids.length !== secrets.length) {
    throw new TypeError(`${RAZORPAY_PROVIDER}: ${options.keyIdEnv} holds ${ids.length} key ids but ${options.keySecretEnv} holds ${secrets.length} secrets`);
  }
  return ids.map((keyId, index) => ({ keyId, keySecret: secrets[index] as string }));
}

function create(options: RazorpayConfig, context: ConnectorContext): RazorpayConnector {
  return createRazorpayConnector({
    credentials: { keys: keyPairs(options, context.env) },
    webhookSecrets: context.webhookSecrets,
    clock: context.clock,
    telemetry: context.telemetry,
    ...(context.fetch ? { fetch: context.fetch } : {}),
    // The hub's store: an order create under a caller key then looks its receipt up only when that key was sent before.
    ...(context.idempotencyStore ? { idempotencyStore: context.idempotencyStore } : {}),
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
  });
}

/** What the hub and tooling need to know about the Razorpay connector. */
export const descriptor = defineConnector<RazorpayConnector, typeof config>({
  id: RAZORPAY_PROVIDER,
  domain: paymentsDomain,
  config,
  create,
  webhooks: webhookIntake,
  reportingLagMs: (options) => options.settlementLagHours * HOUR_MS,
  // Assumptions, not Razorpay's numbers: Razorpay publishes no rate limits (see limits.ts).
  limits: RAZORPAY_DEFAULT_LIMITS,
  // Only what this package implements and its own tests exercise; dedupe, ordering, queues,
  // polling and reconciliation jobs are the hub's and the payments domain's.
  capabilities: [
    'auth.secrets-store', // descriptor.test.ts: credentials only from the variables the config names
    'auth.webhook-signature-tested', // descriptor.test.ts, webhooks.test.ts: forged and unsigned deliveries refused
    'auth.key-rotation', // operations.test.ts (two key pairs, a 401 moves on), webhooks.test.ts (two secrets)
    'webhooks.verify-every-event', // parseWebhook verifies before it reads anything
    'limits.per-endpoint', // limits.ts by endpoint; the contract suite checks the read's windows
    'data.field-constants', // fields.ts; readme-example.test.ts keeps the README's tables equal to it
    'data.coercions-tested', // money.test.ts: INR, JPY, KWD and BHD round trips
    'data.timezones-tested', // transform.test.ts: recon days at the Indian midnight
    'data.unknown-enum-alert', // the contract suite's unknown status
    'data.pagination-tested', // operations.test.ts: 230 orders and 1,008 recon lines over several pages
    'operations.error-parity', // errors.test.ts and the contract suite: every documented error's kind
  ],
});

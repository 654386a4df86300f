import { createHmac, timingSafeEqual } from 'node:crypto';
import { standardWebhooksScheme, verifyWebhook } from '@interlock/core';
import { stripeWebhookScheme as stripeScheme } from '@interlock/stripe';
import { Webhook } from 'standardwebhooks';
import Stripe from 'stripe';
import { fixed, runSynchronous, table, type SequentialResult, type SyncContender } from '../harness.js';
import { benchSecret, BODY_BYTES, standardWebhooksHeaders, stripeEventBody, stripeSignatureHeader } from '../ingest/events.js';

export const TARGET_RAW_RATIO_MAX = 1.2;
const TOLERANCE_SECONDS = 300;

export interface VerificationGroup {
  scheme: string;
  rows: (SequentialResult & { role: string; ratioOursOver: number | null })[];
  /** interlock / raw node:crypto, µs per call. */
  oursOverRaw: number;
  /** interlock / the library, µs per call, each verifying only (interlock) or verifying and parsing (both). */
  oursOverLibrary: number;
  oursWithParseOverLibrary: number;
  meetsRawTarget: boolean;
  fasterThanLibrary: boolean;
}

export interface VerificationCaseResult {
  name: string;
  description: string;
  unit: 'µs/call';
  groups: VerificationGroup[];
  meetsTarget: boolean;
}

/**
 * The hand-written floor for Stripe's scheme: read t and v1, HMAC `${t}.` + body, compare in
 * constant time, check the window. The key is the secret's bytes, made once, so the floor is not
 * slowed by turning the string into a key on every call.
 */
function rawStripeVerify(body: Buffer, header: string, key: Buffer): boolean {
  let t: string | undefined;
  let v1: string | undefined;
  for (const item of header.split(',')) {
    const equals = item.indexOf('=');
    const key = item.slice(0, equals);
    if (key === 't') t = item.slice(equals + 1);
    else if (key === 'v1') v1 = item.slice(equals + 1);
  }
  if (t === undefined || v1 === undefined || v1.length !== 64) return false;
  const expected = createHmac('sha256', key).update(`${t}.`, 'utf8').update(body).digest();
  const matches = timingSafeEqual(expected, Buffer.from(v1, 'hex'));
  return matches && Math.abs(Date.now() / 1000 - Number(t)) <= TOLERANCE_SECONDS;
}

/** The same floor for Standard Webhooks: HMAC `${id}.${t}.` + body with the decoded key, compare each `v1,` signature. */
function rawStandardVerify(body: Buffer, headers: Readonly<Record<string, string>>, key: Buffer): boolean {
  const id = headers['webhook-id'];
  const t = headers['webhook-timestamp'];
  const offered = headers['webhook-signature'];
  if (id === undefined || t === undefined || offered === undefined) return false;
  const expected = createHmac('sha256', key).update(`${id}.${t}.`, 'utf8').update(body).digest();
  let matches = false;
  for (const entry of offered.split(' ')) {
    if (!entry.startsWith('v1,')) continue;
    const candidate = Buffer.from(entry.slice(3), 'base64');
    if (candidate.length === expected.length && timingSafeEqual(expected, candidate)) matches = true;
  }
  return matches && Math.abs(Date.now() / 1000 - Number(t)) <= TOLERANCE_SECONDS;
}

function group(scheme: string, results: SequentialResult[], roles: readonly string[]): VerificationGroup {
  const [ours, raw, library, oursParsing] = results as [SequentialResult, SequentialResult, SequentialResult, SequentialResult];
  return {
    scheme,
    rows: results.map((result, index) => ({ ...result, role: roles[index] ?? '', ratioOursOver: index === 0 ? null : ours.usPerCall / result.usPerCall })),
    oursOverRaw: ours.usPerCall / raw.usPerCall,
    oursOverLibrary: ours.usPerCall / library.usPerCall,
    oursWithParseOverLibrary: oursParsing.usPerCall / library.usPerCall,
    meetsRawTarget: ours.usPerCall / raw.usPerCall <= TARGET_RAW_RATIO_MAX,
    fasterThanLibrary: oursParsing.usPerCall < library.usPerCall,
  };
}

const ROLES = ['ours', 'baseline (floor)', 'library', 'reference: ours + JSON.parse'] as const;

/**
 * "Signature verification": one valid 1 KiB delivery checked again and again, for Stripe's scheme
 * and Standard Webhooks', by Interlock, by hand-written node:crypto, and by each provider's own
 * library. Every call must succeed (the runner fails on a false), so no contender is timed on a
 * rejection's fast path.
 */
export async function signatureVerification(options: { quick: boolean }): Promise<VerificationCaseResult> {
  const secret = benchSecret();
  const nowSeconds = Math.floor(Date.now() / 1000);
  const body = stripeEventBody(42, nowSeconds, 'verify');
  const stripeHeader = stripeSignatureHeader(body, secret, nowSeconds);
  const stripeHeaders = { 'content-type': 'application/json', 'stripe-signature': stripeHeader };
  const swHeaders = standardWebhooksHeaders(body, secret, 'msg_2mXxbench0000000000000000', nowSeconds);
  // Stripe keys the HMAC with the whole `whsec_…` text; Standard Webhooks with the base64 after `whsec_`.
  const stripeKey = Buffer.from(secret, 'utf8');
  const swKey = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const secrets = [secret];
  const stripe = new Stripe('sk_test_bench_not_used_for_any_request');
  // Constructed once, as an application would: the constructor decodes the secret.
  const standard = new Webhook(secret);

  const settings = options.quick ? { warmupMs: 100, roundMs: 50, rounds: 3 } : { warmupMs: 300, roundMs: 120, rounds: 15 };
  const stripeContenders: SyncContender[] = [
    { name: 'interlock verifyWebhook(stripeScheme)', call: () => verifyWebhook(stripeScheme, { rawBody: body, headers: stripeHeaders, secrets, now: Date.now() }).ok },
    { name: 'raw node:crypto (createHmac + timingSafeEqual)', call: () => rawStripeVerify(body, stripeHeader, stripeKey) },
    { name: 'stripe.webhooks.constructEvent (verifies + JSON.parse)', call: () => stripe.webhooks.constructEvent(body, stripeHeader, secret).id !== '' },
    {
      name: 'interlock verifyWebhook + JSON.parse',
      call: () => verifyWebhook(stripeScheme, { rawBody: body, headers: stripeHeaders, secrets, now: Date.now() }).ok && JSON.parse(body.toString('utf8')) !== null,
    },
  ];
  const standardContenders: SyncContender[] = [
    { name: 'interlock verifyWebhook(standardWebhooksScheme)', call: () => verifyWebhook(standardWebhooksScheme, { rawBody: body, headers: swHeaders, secrets, now: Date.now() }).ok },
    { name: 'raw node:crypto (createHmac + timingSafeEqual)', call: () => rawStandardVerify(body, swHeaders, swKey) },
    { name: 'standardwebhooks Webhook.verify (verifies + JSON.parse)', call: () => standard.verify(body, swHeaders) !== undefined },
    {
      name: 'interlock verifyWebhook + JSON.parse',
      call: () => verifyWebhook(standardWebhooksScheme, { rawBody: body, headers: swHeaders, secrets, now: Date.now() }).ok && JSON.parse(body.toString('utf8')) !== null,
    },
  ];
  const groups = [
    group('stripe', await runSynchronous(stripeContenders, settings), ROLES),
    group('standard-webhooks', await runSynchronous(standardContenders, settings), ROLES),
  ];
  return {
    name: 'signature verification',
    description: `one valid ${BODY_BYTES}-byte Stripe-style delivery verified repeatedly (signature, constant-time compare, 5 min window), one secret; calls in a plain loop, each must succeed`,
    unit: 'µs/call',
    groups,
    meetsTarget: groups.every((g) => g.meetsRawTarget && g.fasterThanLibrary),
  };
}

export function formatVerification(result: VerificationCaseResult): string {
  const lines = [`5. ${result.name}`, `   ${result.description}`];
  for (const g of result.groups) {
    lines.push(`   -- ${g.scheme} scheme`);
    lines.push(
      table(
        ['contender', 'role', 'µs/call (median)', 'rounds min–max', 'k calls/s', 'interlock / this'],
        g.rows.map((row) => [
          row.name,
          row.role,
          fixed(row.usPerCall, 3),
          `${fixed(Math.min(...row.roundsUs), 3)}–${fixed(Math.max(...row.roundsUs), 3)}`,
          fixed(1_000 / row.usPerCall, 0),
          row.ratioOursOver === null ? '—' : `${fixed(row.ratioOursOver, 2)}x`,
        ]),
      ),
    );
    lines.push(
      `   target: interlock ≤ ${TARGET_RAW_RATIO_MAX}x raw node:crypto -> ${g.meetsRawTarget ? 'MET' : 'NOT MET'} (${fixed(g.oursOverRaw, 2)}x); faster than the library -> ${g.fasterThanLibrary ? 'MET' : 'NOT MET'} (like for like, both parsing the JSON: ${fixed(g.oursWithParseOverLibrary, 2)}x; verifying only: ${fixed(g.oursOverLibrary, 2)}x)`,
    );
  }
  lines.push('   µs/call, lower is better: a ratio < 1 means interlock takes less time than that contender.');
  return lines.join('\n');
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkFixture, type Fixture } from '@interlock/testkit';
import { RAZORPAY_CONTRACTS } from '../../src/index.js';

export const FIXTURE_DIR = fileURLToPath(new URL('../fixtures', import.meta.url));
export const WEBHOOK_DIR = fileURLToPath(new URL('../webhooks', import.meta.url));

/** One recorded exchange by file name, checked against the wire contract it names. */
export function loadFixture(file: string): Fixture {
  return checkFixture(JSON.parse(readFileSync(join(FIXTURE_DIR, file), 'utf8')) as unknown, file, { contracts: RAZORPAY_CONTRACTS });
}

/** A webhook envelope as Razorpay delivers it, and where its shape came from. */
export interface WebhookSample {
  source: string;
  /** The raw body, serialised once so that signing and parsing see the same bytes. */
  rawBody: string;
}

export function loadWebhook(file: string): WebhookSample {
  const sample = JSON.parse(readFileSync(join(WEBHOOK_DIR, file), 'utf8')) as { source: string; body: unknown };
  return { source: sample.source, rawBody: JSON.stringify(sample.body) };
}

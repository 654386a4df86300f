import { requireServices } from '@interlock/testkit';
import { afterAll, beforeAll, describe, expect, vi } from 'vitest';
import { generateCredentials } from '../src/credentials.js';
import { ECHO_WITNESS } from '../src/echoing-provider.js';
import { ENGINES } from '../src/engines.js';
import { SweptHub } from '../src/hub-run.js';
import { acceptedDeliveries, consoleSignIns, DEAD_EVENT, metricsText, refusedDeliveries } from '../src/hub-traffic.js';
import { failEveryConnector } from '../src/outputs/connector-failures.js';
import { errorText } from '../src/outputs/errors.js';
import { SpanCapture } from '../src/outputs/spans.js';
import { telemetryText } from '../src/outputs/telemetry.js';
import { sweepCells } from './cells.js';

const credentials = generateCredentials();
const cell = sweepCells(credentials);

describe('connectors failing against a provider that echoes their requests', () => {
  const texts = new Map<string, string>();
  beforeAll(async () => {
    const spans = new SpanCapture().start();
    const failures = await failEveryConnector(credentials);
    texts.set('spans', await spans.stop());
    texts.set('telemetry', telemetryText(failures));
    texts.set('errors', errorText(failures));
  });
  // The rotated Stripe key was tried and the UPS token fetched: both were on the wire.
  cell('telemetry', () => texts.get('telemetry'), ['auth.key_switched', 'auth.token_refreshed']);
  cell('errors', () => texts.get('errors'), [ECHO_WITNESS]);
  cell('spans', () => texts.get('spans'), ['http.response.status_code', 'error.type']);
});

const REJECTION = 'not a payment we made';

/**
 * What an operator runs after the fact: the dead letters and events, a reconciliation (the CLI
 * builds the connectors from the environment and asks the echoing provider), a rejection,
 * which writes an audit entry the event's page and the raw reads then show, and a run whose
 * database does not answer.
 */
async function cliSession(swept: SweptHub): Promise<string> {
  const listed = await swept.cli(['dlq', 'list', '--json']);
  const dead = (JSON.parse(listed.out) as { id: string; eventId: string }[]).map((event) => event.id);
  expect(dead).toHaveLength(1);
  const printed = [listed];
  for (const args of [['events', 'list', '--json'], ['reconcile', '--provider', 'stripe'], ['dlq', 'reject', ...dead, '--reason', REJECTION], ['events', 'show', DEAD_EVENT, '--provider', 'stripe', '--json']]) {
    printed.push(await swept.cli(args));
  }
  // A database that does not answer: what the CLI says then must not quote the URL's password.
  printed.push(await swept.cli(['dlq', 'list'], { DATABASE_URL: `postgres://postgres:${credentials.databasePassword}@127.0.0.1:9/test` }));
  return printed.map(({ out, err }) => `${out}\n${err}`).join('\n');
}

// The messages the hub must have logged before its log is read: each is a path a credential could take.
const LOGGED = ['webhook refused', 'poll failed', 'event dead-lettered', 'alert delivery failed'];

describe.each(ENGINES)('the hub on $name', (engine) => {
  const texts = new Map<string, string>();
  let swept: SweptHub | undefined;
  beforeAll(async () => {
    if (!(await requireServices(`the redaction sweep on ${engine.name}`, engine.services))) return;
    const spans = new SpanCapture().start();
    const hub = (swept = await SweptHub.start(engine, credentials));
    try {
      await refusedDeliveries(hub.hub.url, credentials);
      expect(await acceptedDeliveries(hub.hub.url, credentials)).toEqual([200, 200]);
      expect(await consoleSignIns(hub.hub.url, credentials)).toEqual([303, 401]);
      await vi.waitFor(() => expect(LOGGED.filter((message) => !hub.log.said(message))).toEqual([]), { timeout: 15_000, interval: 20 });
      texts.set('metrics', await metricsText(hub.hub.url));
    } finally {
      await hub.stopHub();
      texts.set('spans', await spans.stop());
    }
    texts.set('logs', hub.log.lines.join('\n'));
    texts.set('alerts', hub.alertDeliveries);
    // Read before and after the CLI: a rejection moves the dead letter (out of BullMQ's failed set).
    const stored = await engine.rows(hub.dir, hub.run);
    texts.set('cli', await cliSession(hub));
    texts.set('rows', `${stored}\n${await engine.rows(hub.dir, hub.run)}`);
  }, 30_000);
  afterAll(async () => {
    if (!swept) return;
    await swept.remove();
    await engine.remove(swept.run);
  });
  cell(`logs ${engine.name}`, () => texts.get('logs'), [ECHO_WITNESS, ...LOGGED]);
  cell(`alerts sent ${engine.name}`, () => texts.get('alerts'), ['webhook-signature', 'error_rate_high']);
  cell(`/metrics ${engine.name}`, () => texts.get('metrics'), ['interlock_dead_letters 1', 'interlock_provider_errors_total']);
  cell(`spans ${engine.name}`, () => texts.get('spans'), ['POST /webhooks/{provider}', 'apply ', 'http.response.status_code']);
  cell(`cli ${engine.name}`, () => texts.get('cli'), [ECHO_WITNESS, DEAD_EVENT, REJECTION]);
  cell(`rows ${engine.name}`, () => texts.get('rows'), [DEAD_EVENT, REJECTION, ...engine.witnesses]);
});

import { requireServices } from '@interlock/testkit';
import { afterAll, beforeAll, describe, expect, vi } from 'vitest';
import { generateCredentials } from '../src/credentials.js';
import { ECHO_WITNESS } from '../src/echoing-provider.js';
import { ENGINES } from '../src/engines.js';
import { SweptHub } from '../src/hub-run.js';
import { acceptedDeliveries, consoleSignIns, metricsText, refusedDeliveries } from '../src/hub-traffic.js';
import { failEveryConnector } from '../src/outputs/connector-failures.js';
import { errorText } from '../src/outputs/errors.js';
import { telemetryText } from '../src/outputs/telemetry.js';
import { sweepCells } from './cells.js';

const credentials = generateCredentials();
const cell = sweepCells(credentials);

describe('connectors failing against a provider that echoes their requests', () => {
  const texts = new Map<string, string>();
  beforeAll(async () => {
    const failures = await failEveryConnector(credentials);
    texts.set('telemetry', telemetryText(failures));
    texts.set('errors', errorText(failures));
  });
  cell('telemetry', () => texts.get('telemetry'));
  cell('errors', () => texts.get('errors'), ECHO_WITNESS);
});

/**
 * What an operator runs after the fact: the dead letters and events, a reconciliation (the CLI
 * builds the connectors from the environment and asks the echoing provider), and a rejection,
 * which writes an audit entry the raw reads then see.
 */
async function cliSession(swept: SweptHub): Promise<string> {
  const listed = await swept.cli(['dlq', 'list', '--json']);
  const dead = (JSON.parse(listed.out) as { id: string }[]).map((event) => event.id);
  expect(dead).toHaveLength(1);
  const printed = [listed];
  for (const args of [['events', 'list', '--json'], ['events', 'show', 'evt_sweep_dead', '--provider', 'stripe', '--json'], ['reconcile', '--provider', 'stripe'], ['dlq', 'reject', ...dead, '--reason', 'not a payment we made']]) {
    printed.push(await swept.cli(args));
  }
  return printed.map(({ out, err }) => `${out}\n${err}`).join('\n');
}

// The messages the hub must have logged before its log is read: each is a path a credential could take.
const LOGGED = ['webhook refused', 'poll failed', 'event dead-lettered'];

describe.each(ENGINES)('the hub on $name', (engine) => {
  const texts = new Map<string, string>();
  let swept: SweptHub | undefined;
  beforeAll(async () => {
    if (!(await requireServices(`the redaction sweep on ${engine.name}`, engine.services))) return;
    const hub = (swept = await SweptHub.start(engine, credentials));
    try {
      await refusedDeliveries(hub.hub.url, credentials);
      expect(await acceptedDeliveries(hub.hub.url, credentials)).toEqual([200, 200]);
      expect(await consoleSignIns(hub.hub.url, credentials)).toEqual([303, 401]);
      await vi.waitFor(() => expect(LOGGED.filter((message) => !hub.log.said(message))).toEqual([]), { timeout: 15_000, interval: 20 });
      texts.set('metrics', await metricsText(hub.hub.url));
    } finally {
      await hub.stopHub();
    }
    texts.set('logs', hub.log.lines.join('\n'));
    texts.set('cli', await cliSession(hub));
    texts.set('rows', await engine.rows(hub.dir, hub.run));
  }, 30_000);
  afterAll(async () => {
    if (!swept) return;
    await swept.remove();
    await engine.remove(swept.run);
  });
  cell(`logs ${engine.name}`, () => texts.get('logs'), ECHO_WITNESS);
  cell(`/metrics ${engine.name}`, () => texts.get('metrics'));
  cell(`cli ${engine.name}`, () => texts.get('cli'), ECHO_WITNESS);
  cell(`rows ${engine.name}`, () => texts.get('rows'));
});

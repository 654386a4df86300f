import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IntegrationError, systemClock } from '@interlock/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openEngines, startHub } from '../src/index.js';
import { DESCRIPTORS, post, quietConfig, TOY, TOY_CONNECTOR } from './support.js';
import { TICKET_RECORD_TYPE } from './toy/tickets-domain.js';

// Credential-like values of every shape the hub may meet, none of which may reach a log line.
const API_KEY = 'sk_test_4eC39HqLyjWDarjtT1zdp7dc';
const WEBHOOK_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const UNSIGNED_TOKEN = 'tok_shared_6f1d0c9be2a4';
const BASIC_ID = 'key_id_live_9a8b7c';
const BASIC_SECRET = 'key_secret_Zx81QwErTy55';
const BASIC = Buffer.from(`${BASIC_ID}:${BASIC_SECRET}`).toString('base64');
const SESSION = 'sess_0a9f8e7d6c5b4a39';
const CREDENTIALS = [API_KEY, WEBHOOK_SECRET, UNSIGNED_TOKEN, BASIC, BASIC_ID, BASIC_SECRET, SESSION];
const BODY_MARKER = 'body_must_not_be_logged';

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

/** A provider client that fails by echoing its request's authorization, as careless HTTP errors do. */
const echoingFetch: typeof fetch = (input, init) => {
  const headers = JSON.stringify(init?.headers ?? {});
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  throw new IntegrationError('auth', `GET ${url} refused with ${headers}`, { provider: url.includes('/desk/') ? 'desk' : TOY, endpoint: 'getTicket', reason: `http_401 sent ${headers}` });
};

describe('the hub log never carries a credential', () => {
  it('hides them in refused webhooks, failed polls and dead letters, by name and by value', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'interlock-log-credentials-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const config = quietConfig(dir, {
      workers: { maxAttempts: 1 },
      // Real time here (workers and pollers run on it): the first poll comes after 50 ms.
      polling: { firstAfterSeconds: 0.05, capSeconds: 0.2 },
      log: { level: 'debug' },
      providers: [
        { name: TOY, connector: TOY_CONNECTOR, options: { baseUrl: 'http://127.0.0.1:9/toy' } },
        { name: 'desk', connector: './toy/toy-unsigned.ts', options: { baseUrl: 'http://127.0.0.1:9/desk' } },
      ],
    });
    const engines = await openEngines(config, systemClock);
    await engines.integrity.putRecord({ provider: TOY, recordType: TICKET_RECORD_TYPE, recordId: 'T9', status: 'open', updatedAt: Date.now() }, undefined);
    const written: string[] = [];
    const hub = await startHub({
      config,
      engines,
      descriptors: DESCRIPTORS,
      env: { TOY_WEBHOOK_SECRETS: WEBHOOK_SECRET, TOY_API_TOKENS: API_KEY, TOY_UNSIGNED_TOKENS: UNSIGNED_TOKEN },
      fetch: echoingFetch,
      logDestination: { write: (line) => void written.push(line) },
    });
    cleanups.push(() => hub.close());

    // Refused: a forged signature, sent with credentials in headers known and unknown.
    const forged = JSON.stringify({ id: 'evt_1', type: 'ticket.closed', at: new Date().toISOString(), ticket: { id: 'T1' }, note: BODY_MARKER });
    const refused = await post(`${hub.url}/webhooks/${TOY}`, forged, {
      'toy-signature': `t=${Math.floor(Date.now() / 1000)},v1=00`,
      authorization: `Basic ${BASIC}`,
      'x-forwarded-authorization': `Basic ${BASIC}`,
      'x-api-key': API_KEY,
      'x-webhook-secret': WEBHOOK_SECRET,
      cookie: `session=${SESSION}`,
    });
    expect(refused.status).toBe(400);
    // Accepted, then dead: the unsigned provider's event is read from a provider that refuses.
    const trigger = JSON.stringify({ id: 'evt_2', type: 'ticket.closed', at: new Date().toISOString(), ticket: { id: 'T2' } });
    expect((await post(`${hub.url}/webhooks/desk`, trigger, { 'x-api-token': UNSIGNED_TOKEN })).status).toBe(200);

    const lines = (): Record<string, unknown>[] => written.map((line) => JSON.parse(line) as Record<string, unknown>);
    await vi.waitFor(
      () => {
        const messages = lines().map((line) => line.message);
        for (const message of ['webhook refused', 'poll failed', 'event dead-lettered']) expect(messages).toContain(message);
      },
      { timeout: 10_000, interval: 20 },
    );
    await hub.close();

    const everything = written.join('');
    for (const credential of CREDENTIALS) expect(everything).not.toContain(credential);
    expect(everything).not.toContain(BODY_MARKER);
    // The lines say what happened, with the credentials' places marked, not emptied.
    const byMessage = (message: string): Record<string, unknown> | undefined => lines().find((line) => line.message === message);
    expect(byMessage('webhook refused')).toMatchObject({ level: 'warn', provider: TOY, refusal: 'forged', headers: { authorization: '[REDACTED]', cookie: '[REDACTED]', 'x-api-key': '[REDACTED]' } });
    expect(byMessage('poll failed')).toMatchObject({ level: 'warn', provider: TOY, recordId: 'T9', kind: 'auth' });
    expect(String(byMessage('poll failed')?.reason)).toContain('Bearer [REDACTED]');
    expect(byMessage('event dead-lettered')).toMatchObject({ level: 'error', provider: 'desk', eventId: expect.any(String) as string });
  });
});

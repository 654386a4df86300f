import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeClock } from '@interlock/core/testing';
import { describe, expect, it } from 'vitest';
import { loadConfig, startHub } from '../src/index.js';
import { ConsoleClient } from './console-client.js';
import { brokenTicket, CONSOLE_CONFIG, consoleHubPerTest, deadLetterFrom, OPERATOR_TOKEN, signedIn, VIEWER_TOKEN } from './console-harness.js';
import { testHub } from './support.js';

describe('console access', () => {
  const run = consoleHubPerTest();

  it('sends a visitor without a session to sign in, and signs in only with an operator token', async () => {
    const visitor = new ConsoleClient(run().hub.url);
    for (const path of ['/console', '/console/failed', '/console/search?q=x', '/console/events/anything']) {
      await expect(visitor.get(path)).resolves.toMatchObject({ status: 303, location: '/console/sign-in' });
    }
    await expect(visitor.post('/console/events/anything/replay', { csrf: 'x' })).resolves.toMatchObject({ status: 303, location: '/console/sign-in' });

    const wrong = await visitor.signIn(`${OPERATOR_TOKEN}x`);
    expect(wrong.status).toBe(401);
    expect(wrong.setCookie).toEqual([]);

    const right = await visitor.signIn(OPERATOR_TOKEN);
    expect(right).toMatchObject({ status: 303, location: '/console' });
    const [cookie] = right.setCookie;
    expect(cookie).toMatch(/^interlock_console=[A-Za-z0-9_-]{43}; /);
    expect(cookie).toContain('; HttpOnly');
    expect(cookie).toContain('; SameSite=Strict');
    expect(cookie).toContain('; Path=/console');

    const health = await visitor.get('/console');
    expect(health.status).toBe(200);
    expect(health.body).toContain('alice (operator)');
    expect(health.headers.get('content-security-policy')).toContain("default-src 'none'");

    const out = await visitor.post('/console/sign-out', { csrf: ConsoleClient.csrf(health.body) });
    expect(out).toMatchObject({ status: 303, location: '/console/sign-in' });
    await expect(visitor.get('/console')).resolves.toMatchObject({ status: 303 });
  });

  it('refuses a state-changing form without the session’s CSRF token, and a viewer’s replay', async () => {
    const id = await deadLetterFrom(run().hub, brokenTicket(new Date().toISOString()), 'corr-access-1');
    const alice = await signedIn(run().hub, OPERATOR_TOKEN);
    const other = await signedIn(run().hub, OPERATOR_TOKEN);
    const otherCsrf = ConsoleClient.csrf((await other.get('/console')).body);

    await expect(alice.post(`/console/events/${id}/replay`, { reason: 'r' })).resolves.toMatchObject({ status: 403 });
    await expect(alice.post(`/console/events/${id}/replay`, { csrf: otherCsrf, reason: 'r' })).resolves.toMatchObject({ status: 403 });
    await expect(alice.post(`/console/events/${id}/reject`, { csrf: 'forged', reason: 'x' })).resolves.toMatchObject({ status: 403 });
    expect((await run().hub.queue.get(id))?.status).toBe('dead');

    const vic = await signedIn(run().hub, VIEWER_TOKEN);
    const page = await vic.get(`/console/events/${id}`);
    expect(page.status).toBe(200);
    expect(page.body).not.toContain('>Replay<');
    const csrf = ConsoleClient.csrf(page.body);
    await expect(vic.post(`/console/events/${id}/replay`, { csrf, reason: 'looks fine now' })).resolves.toMatchObject({ status: 403 });
    await expect(vic.post(`/console/events/${id}/reject`, { csrf, reason: 'not mine to decide' })).resolves.toMatchObject({ status: 403 });
    await expect(vic.post(`/console/events/${id}/correct`, { csrf, payload: '{}', reason: 'x' })).resolves.toMatchObject({ status: 403 });
    await expect(vic.get(`/console/events/${id}/correct`)).resolves.toMatchObject({ status: 403 });
    expect((await run().hub.queue.get(id))?.status).toBe('dead');

    const aliceCsrf = ConsoleClient.csrf((await alice.get(`/console/events/${id}`)).body);
    await expect(alice.post(`/console/events/${id}/replay`, { csrf: aliceCsrf, reason: ' ' })).resolves.toMatchObject({ status: 409 });
    const replayed = await alice.post(`/console/events/${id}/replay`, { csrf: aliceCsrf, reason: 'the provider fixed its side' });
    expect(replayed).toMatchObject({ status: 303, location: `/console/events/${id}?done=replayed` });
    const audit = await run().hub.integrity.listAudit({ eventId: 'evt_T1_open' });
    expect(audit.find((entry) => entry.action === 'replay dead letter')).toMatchObject({ actor: 'console:alice', outcome: 'replayed', detail: 'the provider fixed its side' });
  });
});

describe('console sessions on the hub’s clock', () => {
  it('end once the configured minutes have passed on the hub’s clock', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'interlock-console-'));
    const clock = new FakeClock({ start: Date.now() });
    const config = loadConfig(undefined, { port: 0, store: { kind: 'sqlite', path: join(dir, 'hub.db') }, console: { ...CONSOLE_CONFIG, sessionMinutes: 30 } });
    const hub = await startHub({ config, clock, startWorkers: false, env: { CONSOLE_ALICE_TOKEN: OPERATOR_TOKEN, CONSOLE_VIC_TOKEN: VIEWER_TOKEN } });
    try {
      const alice = await signedIn(hub, OPERATOR_TOKEN);
      await clock.advance(29 * 60_000);
      await expect(alice.get('/console')).resolves.toMatchObject({ status: 200 });
      await clock.advance(60_000);
      await expect(alice.get('/console')).resolves.toMatchObject({ status: 303, location: '/console/sign-in' });
    } finally {
      await hub.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a hub without console operators, or with the console off', () => {
  it('says no operator is configured, and answers 404 under /console when disabled', async () => {
    const bare = await testHub();
    const off = await testHub({ console: { enabled: false } });
    try {
      const page = await new ConsoleClient(bare.hub.url).get('/console/sign-in');
      expect(page.status).toBe(200);
      expect(page.body).toContain('names no console operators');
      for (const path of ['/console', '/console/sign-in']) expect((await fetch(`${off.hub.url}${path}`)).status).toBe(404);
      expect((await fetch(`${off.hub.url}/health`)).status).toBe(200);
    } finally {
      await bare.cleanup();
      await off.cleanup();
    }
  });

  it('refuses to start when an operator’s token is missing from the environment, naming the variable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'interlock-console-'));
    try {
      const config = loadConfig(undefined, { port: 0, store: { kind: 'sqlite', path: join(dir, 'hub.db') }, console: { operators: [{ name: 'alice', tokenEnv: 'CONSOLE_TOKEN_NOT_SET', role: 'admin' }] } });
      await expect(startHub({ config, env: {} })).rejects.toThrow(/CONSOLE_TOKEN_NOT_SET must hold a token/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

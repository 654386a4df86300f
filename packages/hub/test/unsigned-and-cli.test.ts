import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/index.js';
import { drained, post, testHub } from './support.js';

const UNSIGNED = { name: 'helpdesk', connector: './toy/toy-unsigned.ts' };

describe('providers that do not sign their webhooks', () => {
  it('authenticate by shared token, are rate-limited, and their events only trigger a read from the provider', async () => {
    const run = await testHub((toy) => ({ unauthenticatedPerMinute: 3, providers: [{ ...UNSIGNED, options: { baseUrl: toy.url } }] }));
    try {
      run.toy.change('T1', 'closed', Date.parse('2026-12-01T10:00:00Z'));
      const url = `${run.hub.url}/webhooks/helpdesk`;
      // The payload claims the ticket is open: unsigned, it is not believed; the provider says closed.
      const body = JSON.stringify({ id: 'evt_A', type: 'ticket.changed', at: new Date().toISOString(), ticket: { id: 'T1', status: 'open' } });
      await expect(post(url, body, { 'x-api-token': 'tok_new_value_456' })).resolves.toMatchObject({ status: 200 });
      await expect(post(url, body, { 'x-api-token': 'tok_old_value_123' })).resolves.toMatchObject({ status: 200, body: '{"status":"duplicate"}' });
      await expect(post(url, body, { 'x-api-token': 'wrong' })).resolves.toMatchObject({ status: 400 });
      await expect(post(url, body, { 'x-api-token': 'tok_new_value_456' })).resolves.toMatchObject({ status: 429 });
      await drained(run.hub);
      expect(await run.hub.integrity.getRecord({ provider: 'helpdesk', recordType: 'ticket', recordId: 'T1' })).toMatchObject({ status: 'closed' });
    } finally {
      await run.cleanup();
    }
  });

  it('retry while the provider cannot be read, then dead-letter the event for a person', async () => {
    const { hub, toy, cleanup } = await testHub((provider) => ({ workers: { maxAttempts: 1 }, providers: [{ ...UNSIGNED, options: { baseUrl: provider.url } }] }));
    try {
      toy.down = true;
      const body = JSON.stringify({ id: 'evt_B', type: 'ticket.changed', at: new Date().toISOString(), ticket: { id: 'T2' } });
      await expect(post(`${hub.url}/webhooks/helpdesk`, body, { 'x-api-token': 'tok_new_value_456' })).resolves.toMatchObject({ status: 200 });
      await drained(hub);
      expect(await hub.queue.listDead()).toMatchObject([{ provider: 'helpdesk', eventId: expect.stringMatching(/^sha256:/) as string, reason: 'unavailable: http_503' }]);
      expect(toy.reads).toBe(1);
    } finally {
      await cleanup();
    }
  });
});

describe('interlock CLI', () => {
  it('lists, shows, replays and rejects dead letters', async () => {
    const { hub, toy, dir, cleanup } = await testHub((provider) => ({ workers: { maxAttempts: 1 }, providers: [{ ...UNSIGNED, options: { baseUrl: provider.url } }] }));
    const configPath = join(dir, 'interlock.config.json');
    writeFileSync(configPath, JSON.stringify({ store: { kind: 'sqlite', path: join(dir, 'hub.db') } }));
    try {
      toy.down = true;
      for (const id of ['A1', 'A2']) {
        await post(`${hub.url}/webhooks/helpdesk`, JSON.stringify({ id: `evt_${id}`, type: 'ticket.changed', at: new Date().toISOString(), ticket: { id } }), { 'x-api-token': 'tok_new_value_456' });
      }
      await drained(hub);
      await hub.stopWorkers();
      const [firstDead, secondDead] = await hub.queue.listDead();
      const lines: string[] = [];
      const cli = (...args: string[]) => runCli([...args, '--config', configPath], (line) => lines.push(line));
      await expect(cli('dlq', 'list')).resolves.toBe(0);
      expect(lines.join('\n')).toContain(firstDead!.id);
      await expect(cli('events', 'show', firstDead!.id, '--json')).resolves.toBe(0);
      expect(lines.join('\n')).toContain('"status": "dead"');
      await expect(cli('dlq', 'replay', firstDead!.id)).resolves.toBe(0);
      expect((await hub.queue.get(firstDead!.id))?.status).toBe('queued');
      await expect(cli('dlq', 'reject', secondDead!.id)).resolves.toBe(1);
      await expect(cli('dlq', 'reject', secondDead!.id, '--reason', 'helpdesk test data')).resolves.toBe(0);
      expect(await hub.queue.get(secondDead!.id)).toMatchObject({ status: 'discarded', reason: 'rejected: helpdesk test data' });
      await expect(cli('events', 'show', 'nope')).resolves.toBe(1);
      await expect(cli('bogus')).resolves.toBe(2);
      await expect(runCli(['--help'], (line) => lines.push(line))).resolves.toBe(0);
    } finally {
      await cleanup();
    }
  });
});

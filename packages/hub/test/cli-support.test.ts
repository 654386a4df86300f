import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventOutcome, InboundEvent } from '@interlock/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/index.js';
import { seedDatabase } from './cli-fixtures.js';
import { drained, ENV, signedPost, testHub, TOY } from './support.js';
import { ToyProvider } from './toy/toy-provider.js';

interface Output {
  code: number;
  lines: string[];
  /** The first column of each line: the event ids of `events list`. */
  ids: string[];
}

/** Runs the CLI in this process with `configPath`, collecting what it prints. */
async function cli(configPath: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Output> {
  const lines: string[] = [];
  const code = await runCli([...args, '--config', configPath], (line) => lines.push(...line.split('\n')), { err: (line) => lines.push(line), env });
  return { code, lines, ids: lines.map((line) => line.split('  ')[0] as string) };
}

const HOUR = 3_600_000;
const T0 = Date.parse('2026-11-30T12:00:00Z');

function inbound(id: string, provider: string, eventId: string, receivedAt: number): InboundEvent {
  return { id, provider, eventId, type: 'payment.updated', receivedAt, payload: JSON.stringify({ id: eventId }) };
}

describe('interlock events', () => {
  let dir: string;
  let config: string;
  // Ids sort as the receipt times do; evt_shared is an event id two providers both sent.
  const events = [
    inbound('e1', 'acme', 'evt_shared', T0),
    inbound('e2', 'globex', 'evt_shared', T0 + HOUR),
    inbound('e3', 'acme', 'evt_503', T0 + 2 * HOUR),
    inbound('e4', 'acme', 'evt_late', T0 + 3 * HOUR),
    inbound('e5', 'globex', 'evt_bad', T0 + 4 * HOUR),
  ];
  const outcomes: Readonly<Record<string, EventOutcome>> = {
    e3: { status: 'dead', reason: 'unavailable: http_503' },
    e4: { status: 'discarded', reason: 'stale' },
    e5: { status: 'dead', reason: 'invalid: amount' },
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'interlock-cli-events-'));
    config = join(dir, 'interlock.config.json');
    writeFileSync(config, JSON.stringify({ store: { kind: 'sqlite', path: 'hub.db' } }));
    await seedDatabase(join(dir, 'hub.db'), events, (event) => outcomes[event.id]);
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('list: newest first, filtered by provider, status, error kind and time, a page at a time', async () => {
    expect((await cli(config, ['events', 'list'])).ids).toEqual(['e5', 'e4', 'e3', 'e2', 'e1']);
    expect((await cli(config, ['events', 'list', '--provider', 'globex'])).ids).toEqual(['e5', 'e2']);
    expect((await cli(config, ['events', 'list', '--status', 'dead'])).ids).toEqual(['e5', 'e3']);
    expect((await cli(config, ['events', 'list', '--reason', 'unavailable'])).ids).toEqual(['e3']);
    expect((await cli(config, ['events', 'list', '--status', 'dead', '--provider', 'acme'])).ids).toEqual(['e3']);
    const window = ['--since', new Date(T0 + HOUR).toISOString(), '--until', String(T0 + 3 * HOUR)];
    expect((await cli(config, ['events', 'list', ...window])).ids).toEqual(['e3', 'e2']);
    const first = await cli(config, ['events', 'list', '--limit', '2']);
    expect(first.ids).toEqual(['e5', 'e4', 'more: add --after e4']);
    expect((await cli(config, ['events', 'list', '--limit', '2', '--after', 'e4'])).ids).toEqual(['e3', 'e2', 'more: add --after e2']);
    expect((await cli(config, ['events', 'list', '--limit', '2', '--after', 'e2'])).ids).toEqual(['e1']);
    expect(await cli(config, ['events', 'list', '--provider', 'initech'])).toMatchObject({ code: 0, lines: ['no events match'] });
    expect((await cli(config, ['events', 'list', '--after', 'e404'])).code).toBe(1);
    const json = await cli(config, ['events', 'list', '--status', 'discarded', '--json']);
    expect(JSON.parse(json.lines.join('\n'))).toMatchObject([{ id: 'e4', reason: 'stale', eventId: 'evt_late' }]);
  });

  it('show: by the provider’s event id or by ours, and asks for --provider when two providers share the id', async () => {
    const byProviderId = await cli(config, ['events', 'show', 'evt_503', '--provider', 'acme']);
    expect(byProviderId.code).toBe(0);
    expect(byProviderId.lines).toContain('event e3');
    expect(byProviderId.lines.join('\n')).toMatch(/status +dead \(unavailable: http_503\)/);
    expect((await cli(config, ['events', 'show', 'evt_503'])).lines).toContain('event e3');
    expect((await cli(config, ['events', 'show', 'e5'])).lines).toContain('event e5');
    expect((await cli(config, ['events', 'show', 'evt_shared', '--provider', 'globex'])).lines).toContain('event e2');
    const shared = await cli(config, ['events', 'show', 'evt_shared']);
    expect(shared).toMatchObject({ code: 1, lines: ['acme and globex both have an event evt_shared: add --provider'] });
    expect((await cli(config, ['events', 'show', 'evt_503', '--provider', 'globex'])).code).toBe(1);
    expect(await cli(config, ['events', 'show', 'e5', '--payload'])).toMatchObject({ code: 0, lines: ['{"id":"evt_bad"}'] });
  });
});

const brokenTicket = (at: string) => ({ id: 'evt_T1_open', type: 'ticket.open', at, ticket: { status: 'open', updated_at: at, fee: 500 } });

describe('interlock dlq correct', () => {
  it('replaces a dead letter’s payload, audited, and the replay applies it; records show tells the whole story in order', async () => {
    const { hub, dir, cleanup } = await testHub();
    const config = join(dir, 'interlock.config.json');
    writeFileSync(config, JSON.stringify({ store: { kind: 'sqlite', path: 'hub.db' } }));
    try {
      const at = new Date().toISOString();
      // No ticket id: the worker cannot interpret it and dead-letters it at once.
      await expect(signedPost(`${hub.url}/webhooks/${TOY}`, brokenTicket(at))).resolves.toMatchObject({ status: 200 });
      await drained(hub);
      const [dead] = await hub.queue.listDead();
      expect(dead).toMatchObject({ eventId: 'evt_T1_open', reason: 'uninterpretable payload' });
      const id = dead!.id;
      const fixed = JSON.stringify({ ...brokenTicket(at), ticket: { id: 'T1', status: 'open', updated_at: at, fee: 500 } });

      expect((await cli(config, ['dlq', 'correct', id, '--payload', fixed])).code).toBe(1);
      expect((await cli(config, ['dlq', 'correct', id, '--payload', 'not json', '--reason', 'typo'])).code).toBe(1);
      expect((await cli(config, ['dlq', 'correct', id, '--reason', 'no payload given'])).code).toBe(2);
      expect((await hub.queue.get(id))?.payload).toBe(JSON.stringify(brokenTicket(at)));

      const corrected = await cli(config, ['dlq', 'correct', id, '--payload', fixed, '--reason', 'ticket id lost by the provider', '--replay']);
      expect(corrected.code).toBe(0);
      expect(corrected.lines).toEqual([`${id} corrected:`, '  + ticket.id: "T1"', `${id} is queued again`]);
      await drained(hub);
      expect(await hub.queue.get(id)).toMatchObject({ status: 'applied', payload: fixed });
      expect(await hub.integrity.getRecord({ provider: TOY, recordType: 'ticket', recordId: 'T1' })).toMatchObject({ status: 'open' });
      // Applied now: nothing left to correct.
      expect((await cli(config, ['dlq', 'correct', id, '--payload', fixed.replace('500', '600'), '--reason', 'again'])).code).toBe(1);

      const record = await cli(config, ['records', 'show', TOY, 'ticket', 'T1']);
      expect(record.code).toBe(0);
      expect(record.lines.slice(0, 2)).toEqual([`record ${TOY} ticket T1`, '  status   open']);
      const trail = record.lines.slice(record.lines.indexOf('audit trail') + 1).map((line) => line.trim().split(/ {2,}/).slice(1, 4));
      expect(trail).toEqual([
        [expect.stringMatching(/^worker/) as string, 'apply ticket.open', 'dead'],
        [expect.stringMatching(/^cli:/) as string, 'correct dead letter', 'corrected'],
        [expect.stringMatching(/^cli:/) as string, 'replay dead letter', 'replayed'],
        [expect.stringMatching(/^worker/) as string, 'apply ticket.open', 'applied'],
      ]);
      expect(record.lines.join('\n')).toContain('ticket id lost by the provider (payload sha256:');
      expect((await cli(config, ['records', 'show', TOY, 'ticket', 'T404'])).code).toBe(1);
    } finally {
      await cleanup();
    }
  });
});

describe('interlock reconcile', () => {
  it('exits 0 when clean, 1 on differences, 2 when the provider cannot be reached', async () => {
    const toy = await ToyProvider.start();
    const dir = mkdtempSync(join(tmpdir(), 'interlock-cli-reconcile-'));
    const config = join(dir, 'interlock.config.json');
    const connector = join(import.meta.dirname, 'toy', 'toy-connector.ts');
    writeFileSync(config, JSON.stringify({ store: { kind: 'sqlite', path: 'hub.db' }, providers: [{ name: TOY, connector, options: { baseUrl: toy.url } }] }));
    await seedDatabase(join(dir, 'hub.db'), [], () => undefined);
    const env = { ...process.env, ...ENV };
    try {
      const at = Date.parse('2026-11-01T10:00:00Z');
      const window = ['--provider', TOY, '--from', String(at - HOUR), '--to', String(at + HOUR)];
      expect((await cli(config, ['reconcile', ...window], env)).code).toBe(0);
      toy.change('T_lost', 'closed', at);
      const differences = await cli(config, ['reconcile', ...window], env);
      expect(differences.code).toBe(1);
      expect(differences.lines.join('\n')).toContain('T_lost');
      toy.down = true;
      const down = await cli(config, ['reconcile', ...window], env);
      expect(down.code).toBe(2);
      expect(down.lines.join('\n')).toContain(`The reconciliation of ${TOY} could not finish`);
      expect((await cli(config, ['reconcile', '--provider', 'nobody'], env)).code).toBe(2);
    } finally {
      await toy.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InboundEvent } from '@interlock/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/index.js';
import { seedDatabase } from './cli-fixtures.js';

/** The built CLI as npm and pnpm link it (the test task builds the package first). */
const BIN = join(import.meta.dirname, '..', 'bin', 'interlock.js');
const ROOT = join(import.meta.dirname, '..', '..', '..');
const VERSION = (JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { version: string }).version;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `command` in a child process, as a person would from `cwd`; the developer's own INTERLOCK_CONFIG never leaks in. */
function spawn(command: string[], cwd: string, env: Readonly<Record<string, string>> = {}): Promise<Run> {
  const [file, ...args] = command as [string, ...string[]];
  return new Promise((resolve) => {
    execFile(file, args, { cwd, env: { ...process.env, INTERLOCK_CONFIG: '', ...env } }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
      resolve({ code, stdout, stderr });
    });
  });
}

const interlock = (args: string[], cwd: string, env?: Readonly<Record<string, string>>): Promise<Run> => spawn([process.execPath, BIN, ...args], cwd, env);

const event = (eventId: string, agoMs: number): InboundEvent => ({
  id: `${Date.now()}-${eventId}`,
  provider: 'acme',
  eventId,
  type: 'payment.updated',
  receivedAt: Date.now() - agoMs,
  payload: JSON.stringify({ id: eventId, amount: eventId === 'evt_dead' ? 'twelve' : 1200 }),
});

describe('interlock, run as a command', () => {
  let dir: string;
  let project: string;
  let elsewhere: string;
  let configPath: string;
  const dead = event('evt_dead', 2_000);
  const applied = event('evt_applied', 1_000);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'interlock-cli-'));
    project = join(dir, 'project');
    elsewhere = join(dir, 'elsewhere');
    mkdirSync(join(project, 'data'), { recursive: true });
    mkdirSync(elsewhere);
    configPath = join(project, 'interlock.config.json');
    // A relative store path: relative to the config file, wherever the CLI runs from.
    writeFileSync(configPath, JSON.stringify({ store: { kind: 'sqlite', path: 'data/hub.db' } }));
    await seedDatabase(join(project, 'data', 'hub.db'), [dead, applied], (stored) =>
      stored.eventId === 'evt_dead' ? { status: 'dead', reason: 'invalid: amount is not a number' } : undefined,
    );
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs from the repository root through the root’s interlock command, and says its version', async () => {
    const rootBin = join(ROOT, 'node_modules', '.bin', 'interlock');
    const version = await spawn([rootBin, '--version'], ROOT);
    expect(version).toMatchObject({ code: 0, stdout: `${VERSION}\n` });
    const listed = await spawn([rootBin, 'dlq', 'list', '--config', configPath], ROOT);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(`${dead.id}  `);
    expect(listed.stdout).toContain('invalid: amount is not a number');
  });

  it('from another folder reads the database the config names, relative to the config file, and makes nothing where it runs', async () => {
    const listed = await interlock(['events', 'list', '--config', '../project/interlock.config.json'], elsewhere);
    expect(listed.code).toBe(0);
    expect(listed.stdout.split('\n').filter(Boolean).map((line) => line.split('  ')[0])).toEqual([applied.id, dead.id]);
    expect(existsSync(join(elsewhere, 'data'))).toBe(false);
    expect(existsSync(join(elsewhere, '.interlock'))).toBe(false);
  });

  it('finds ./interlock.config.json in the folder it runs in, and $INTERLOCK_CONFIG anywhere', async () => {
    const here = await interlock(['dlq', 'list'], project);
    expect(here.code).toBe(0);
    expect(here.stdout).toContain(dead.id);
    const named = await interlock(['events', 'show', 'evt_dead', '--provider', 'acme'], elsewhere, { INTERLOCK_CONFIG: configPath });
    expect(named.code).toBe(0);
    expect(named.stdout).toContain(`event ${dead.id}`);
  });

  it('exits 2 when it cannot run, and never makes an empty database', async () => {
    const noConfig = await interlock(['dlq', 'list'], elsewhere);
    expect(noConfig.code).toBe(2);
    expect(noConfig.stderr).toContain('No config');
    expect(existsSync(join(elsewhere, '.interlock'))).toBe(false);

    writeFileSync(join(elsewhere, 'missing-db.json'), JSON.stringify({ store: { kind: 'sqlite', path: 'nowhere/hub.db' } }));
    const noDatabase = await interlock(['events', 'list', '--config', 'missing-db.json'], elsewhere);
    expect(noDatabase.code).toBe(2);
    expect(noDatabase.stderr).toContain(`No database at ${join(elsewhere, 'nowhere', 'hub.db')}`);
    expect(existsSync(join(elsewhere, 'nowhere'))).toBe(false);

    expect((await interlock(['dlq', 'list', '--config', 'absent.json'], elsewhere)).code).toBe(2);
    writeFileSync(join(elsewhere, 'broken.json'), '{ "store": ');
    expect((await interlock(['dlq', 'list', '--config', 'broken.json'], elsewhere)).code).toBe(2);
    writeFileSync(join(elsewhere, 'invalid.json'), JSON.stringify({ port: 'eighty' }));
    const invalid = await interlock(['dlq', 'list', '--config', 'invalid.json'], elsewhere);
    expect(invalid).toMatchObject({ code: 2, stderr: expect.stringContaining('port') as string });

    writeFileSync(join(elsewhere, 'postgres.json'), JSON.stringify({ store: { kind: 'postgres', connectionStringEnv: 'CLI_TEST_DATABASE_URL' } }));
    const unreachable = await interlock(['dlq', 'list', '--config', 'postgres.json'], elsewhere, { CLI_TEST_DATABASE_URL: 'postgresql://interlock@127.0.0.1:1/nothing' });
    expect(unreachable).toMatchObject({ code: 2, stderr: expect.stringContaining('The postgres store could not be opened') as string });

    expect((await interlock(['bogus'], project)).code).toBe(2);
    expect((await interlock(['events', 'list', '--limit', '0'], project)).code).toBe(2);
    expect((await interlock(['events', 'list', '--status', 'lost'], project)).code).toBe(2);
    expect((await interlock(['events', 'list', '--since', 'yesterday-ish'], project)).code).toBe(2);
  });

  it('exits 1 when an action is refused, and 0 when it is done', async () => {
    expect((await interlock(['dlq', 'replay', applied.id], project)).code).toBe(1);
    expect((await interlock(['events', 'show', 'evt_nobody_sent'], project)).code).toBe(1);
    expect((await interlock(['dlq', 'reject', dead.id], project)).code).toBe(1);
    expect((await interlock(['dlq', 'replay', dead.id], project)).code).toBe(0);
    const shown = await interlock(['events', 'show', 'evt_dead'], project);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/status +queued/);
    expect(shown.stdout).toMatch(/cli:\S+ +replay dead letter +replayed/);
    // Replayed already: a second replay is refused.
    expect((await interlock(['dlq', 'replay', dead.id], project)).code).toBe(1);
  });
});

describe('interlock --help', () => {
  const commands = [
    [],
    ['start'],
    ['events'],
    ['events', 'list'],
    ['events', 'show'],
    ['records'],
    ['records', 'show'],
    ['dlq'],
    ['dlq', 'list'],
    ['dlq', 'replay'],
    ['dlq', 'reject'],
    ['dlq', 'correct'],
    ['reconcile'],
  ];
  it.each(commands.map((command) => [command.join(' ') || '(no command)', command]))('is there for %s, exiting 0', async (_name, command) => {
    const lines: string[] = [];
    await expect(runCli([...command, '--help'], (line) => lines.push(line), { err: (line) => lines.push(line) })).resolves.toBe(0);
    expect(lines.join('\n')).toContain(`Usage: interlock${command.length > 0 ? ` ${command.join(' ')}` : ''} `);
  });

  it('prints the version it is given, exiting 0', async () => {
    const lines: string[] = [];
    await expect(runCli(['--version'], (line) => lines.push(line), { version: '9.9.9' })).resolves.toBe(0);
    expect(lines).toEqual(['9.9.9']);
  });
});

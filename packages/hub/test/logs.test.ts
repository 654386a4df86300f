import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoredEvent, TelemetrySink } from '@interlock/core';
import { FakeClock } from '@interlock/core/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig, openEngines, startHub, type Hub, type HubConfigInput, type LogDestination } from '../src/index.js';
import { logDeadLetter } from '../src/workers/dead-letter-log.js';
import { ENV, observed, quietConfig, TOY, TOY_CONNECTOR } from './support.js';
import { RecordingLog } from './recording-log.js';
import { TICKET_RECORD_TYPE } from './toy/tickets-domain.js';
import { ToyProvider } from './toy/toy-provider.js';

const MINUTE = 60_000;

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

interface Started {
  hub: Hub;
  toy: ToyProvider;
  clock: FakeClock;
  sinks: TelemetrySink[];
}

/** A hub on the fake clock with the toy provider; `prepare` runs on its store before it starts. */
async function hubOn(
  overrides: HubConfigInput,
  { env, ...logging }: { log?: RecordingLog; logDestination?: LogDestination; env?: NodeJS.ProcessEnv },
  prepare?: (hub: Awaited<ReturnType<typeof openEngines>>, clock: FakeClock) => Promise<void>,
): Promise<Started> {
  const dir = mkdtempSync(join(tmpdir(), 'interlock-logs-'));
  const toy = await ToyProvider.start();
  cleanups.push(async () => {
    await toy.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const clock = new FakeClock();
  const config = quietConfig(dir, { providers: [{ name: TOY, connector: TOY_CONNECTOR, options: { baseUrl: toy.url } }], ...overrides });
  const engines = await openEngines(config, clock);
  await prepare?.(engines, clock);
  const { sinks, descriptors } = observed();
  let hub: Hub;
  try {
    hub = await startHub({ config, clock, engines, env: { ...ENV, ...env }, descriptors, startWorkers: false, ...logging });
  } catch (error) {
    await engines.close();
    throw error;
  }
  cleanups.push(() => hub.close());
  return { hub, toy, clock, sinks };
}

describe('the hub log', () => {
  it('says when a poll fails, with the error kind and reason', async () => {
    const log = new RecordingLog();
    const { toy, clock } = await hubOn({ polling: { firstAfterSeconds: 60, capSeconds: 60 } }, { log }, async (engines, at) => {
      await engines.integrity.putRecord({ provider: TOY, recordType: TICKET_RECORD_TYPE, recordId: 'T9', status: 'open', updatedAt: at.now() }, undefined);
    });
    toy.down = true;
    await clock.advance(MINUTE);
    await vi.waitFor(() => expect(log.named('poll failed')).toHaveLength(1), { timeout: 5_000, interval: 10 });
    const [line] = log.named('poll failed');
    expect(line?.level).toBe('warn');
    expect(line?.fields).toEqual({ provider: TOY, recordId: 'T9', kind: 'unavailable', reason: 'http_503: toy-tickets answered 503' });
  });

  it('says when a circuit changes state, from the telemetry the connectors report', async () => {
    const log = new RecordingLog();
    const { sinks, clock } = await hubOn({ polling: { enabled: false } }, { log });
    for (const sink of sinks) sink.emit({ type: 'circuit.state_changed', at: clock.now(), provider: TOY, endpoint: 'getTicket', from: 'closed', to: 'open', reason: 'failure_rate' });
    for (const sink of sinks) sink.emit({ type: 'request.finished', at: clock.now(), provider: TOY, endpoint: 'getTicket', correlationId: 'c1', method: 'GET', attempt: 1, durationMs: 5, outcome: 'success' });
    expect(log.lines.filter((line) => line.level === 'warn')).toEqual([
      { level: 'warn', at: undefined, message: 'circuit state changed', fields: { provider: TOY, endpoint: 'getTicket', from: 'closed', to: 'open', reason: 'failure_rate' } },
    ]);
  });

  it('says when the hub starts and stops', async () => {
    const log = new RecordingLog();
    const { hub } = await hubOn({ polling: { enabled: false } }, { log });
    await hub.close();
    expect(log.lines.filter((line) => line.level === 'info').map((line) => [line.message, line.fields.providers ?? ''])).toEqual([
      ['hub started', TOY],
      ['hub stopped', ''],
    ]);
  });

  it('writes JSON lines with level, time and message at the configured level, which LOG_LEVEL overrides', async () => {
    const lines: string[] = [];
    const destination = { write: (line: string) => void lines.push(line) };
    const { hub } = await hubOn({ polling: { enabled: false }, log: { level: 'warn' } }, { logDestination: destination });
    expect(lines).toEqual([]);
    await hub.close();
    const { hub: verbose, clock } = await hubOn({ polling: { enabled: false }, log: { level: 'warn' } }, { logDestination: destination, env: { LOG_LEVEL: 'debug' } });
    const started = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(started).toMatchObject({ level: 'info', time: new Date(clock.now()).toISOString(), message: 'hub started', url: verbose.url, providers: TOY });
    expect(lines).toHaveLength(1);
  });

  it('carries the alerts the log sink is given as JSON lines too', async () => {
    const lines: string[] = [];
    const { hub, sinks, clock } = await hubOn({ polling: { enabled: false }, alerts: { enabled: true } }, { logDestination: { write: (line) => void lines.push(line) } });
    for (const sink of sinks) sink.emit({ type: 'request.gave_up', at: clock.now(), provider: TOY, endpoint: 'createTicket', correlationId: 'c_1', attempts: 3, reason: 'timeout', errorKind: 'outcome_unknown' });
    await hub.alerts?.evaluateNow();
    await hub.alerts?.idle();
    const alerts = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.rule === 'outcome_unknown');
    expect(alerts).toEqual([expect.objectContaining({ level: 'error', time: new Date(clock.now()).toISOString(), type: 'alert.firing', severity: 'P0' })]);
  });

  it('refuses to start on a level it does not know, in the config or in LOG_LEVEL', async () => {
    expect(() => loadConfig(undefined, { log: { level: 'loud' as 'info' } })).toThrow('Invalid hub config: log.level');
    await expect(hubOn({ polling: { enabled: false } }, { env: { LOG_LEVEL: 'loud' } })).rejects.toThrow('LOG_LEVEL must be one of debug, info, warn, error, silent, not loud');
  });
});

describe('dead letters', () => {
  const event: StoredEvent = { id: 'q1', provider: TOY, eventId: 'evt_1', type: 'ticket.closed', receivedAt: 0, occurredAt: 0, payload: '{"secret body":1}', status: 'processing', attempts: 5, updatedAt: 0, correlationId: 'corr_1' };

  it('are logged as errors with the event, its correlation id and the reason, never the body', () => {
    const log = new RecordingLog();
    logDeadLetter(log, { ...event, attempts: 1 }, { status: 'dead', reason: 'uninterpretable payload' }, 5);
    logDeadLetter(log, event, { status: 'retry', reason: 'unavailable: http_503' }, 5);
    expect(log.lines.map((line) => [line.level, line.message, line.fields])).toEqual([
      ['error', 'event dead-lettered', { provider: TOY, eventId: 'evt_1', type: 'ticket.closed', attempts: 1, reason: 'uninterpretable payload', correlationId: 'corr_1' }],
      ['error', 'event dead-lettered', { provider: TOY, eventId: 'evt_1', type: 'ticket.closed', attempts: 5, reason: 'unavailable: http_503', correlationId: 'corr_1' }],
    ]);
    expect(JSON.stringify(log.lines)).not.toContain('secret body');
  });

  it('are not what a retry with deliveries left, a discard or an applied event is', () => {
    const log = new RecordingLog();
    logDeadLetter(log, { ...event, attempts: 4 }, { status: 'retry', reason: 'unavailable: http_503' }, 5);
    logDeadLetter(log, event, { status: 'discarded', reason: 'stale' }, 5);
    logDeadLetter(log, event, { status: 'applied' }, 5);
    expect(log.lines).toEqual([]);
  });
});

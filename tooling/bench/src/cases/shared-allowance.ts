import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { maxInAnyWindow } from '@interlock/core/testing';
import { fixed, grouped, now, table } from '../harness.js';
import { isMessage, type ClientSettings, type FromClient, type ToClient } from '../shared-allowance/protocol.js';
import { idealSpanMs, type ProviderLimit } from '../simulated-provider.js';

export const TARGET_SHARED_ALLOWANCE_USED = 0.95;

const LIMIT: ProviderLimit = { limit: 25, windowMs: 1_000 };
const CALLERS = 30;
/** Each leg, there and back: 20 ms plus up to 10 ms of jitter, drawn per leg in the client process. */
const ONE_WAY_BASE_MS = 20;
const ONE_WAY_JITTER_MS = 10;

const benchDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const clientScript = join(benchDir, 'src', 'shared-allowance', 'client.ts');

export interface SharedRow {
  name: string;
  processes: number;
  limiter: ClientSettings['limiter'];
  store: 'redis' | 'memory';
  operations: number;
  succeeded: number;
  failures: Record<string, number>;
  provider429s: number;
  busiestWindow: number;
  spanMs: number;
  idealSpanMs: number;
  allowanceUsed: number;
  wallMs: number;
}

export interface SharedCaseResult {
  name: string;
  description: string;
  rows: SharedRow[];
  targetAllowanceUsedMin: number;
  meetsTarget: boolean;
}

/** The provider: counts a strict sliding window at ARRIVAL over the requests it accepted, on real time. */
class ArrivalCountingServer {
  readonly accepted: number[] = [];
  rejected = 0;
  private constructor(private readonly server: Server) {}

  static async start(): Promise<ArrivalCountingServer> {
    const holder: { self?: ArrivalCountingServer } = {};
    const server = createServer((request, response) => {
      const at = performance.timeOrigin + performance.now();
      request.resume();
      (holder.self as ArrivalCountingServer).answer(at, response);
    });
    const self = new ArrivalCountingServer(server);
    holder.self = self;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return self;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  reset(): void {
    this.accepted.length = 0;
    this.rejected = 0;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private answer(at: number, response: ServerResponse): void {
    const counted = this.accepted.length >= LIMIT.limit ? (this.accepted[this.accepted.length - LIMIT.limit] as number) : undefined;
    if (counted !== undefined && counted + LIMIT.windowMs > at) {
      this.rejected++;
      response.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(Math.ceil((counted + LIMIT.windowMs - at) / 1000)) });
      response.end('{"error":"rate_limited"}');
      return;
    }
    this.accepted.push(at);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{"ok":true}');
  }
}

function spawnClient(settings: ClientSettings): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', clientScript, JSON.stringify(settings)], { cwd: benchDir, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

function nextMessage(child: ChildProcess, type: FromClient['type']): Promise<FromClient> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: unknown): void => {
      if (!isMessage<FromClient>(message) || message.type !== type) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message);
    };
    const onExit = (code: number | null): void => reject(new Error(`client process exited with ${code} before "${type}"`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

interface Contender {
  name: string;
  processes: number;
  limiter: ClientSettings['limiter'];
  store: 'redis' | 'memory';
}

async function drive(server: ArrivalCountingServer, contender: Contender, operations: number, seed: number): Promise<SharedRow> {
  const { name, processes, limiter, store } = contender;
  server.reset();
  const prefix = `interlock-bench-${randomUUID().slice(0, 8)}`;
  const callers = CALLERS / processes;
  const children = Array.from({ length: processes }, (_, i) =>
    spawnClient({
      url: server.url,
      limiter,
      store,
      prefix,
      callers,
      callsEach: Math.round(operations / CALLERS),
      limit: LIMIT.limit,
      windowMs: LIMIT.windowMs,
      oneWayBaseMs: ONE_WAY_BASE_MS,
      oneWayJitterMs: ONE_WAY_JITTER_MS,
      seed: seed + i,
    }),
  );
  try {
    await Promise.all(children.map((child) => nextMessage(child, 'ready')));
    const done = children.map((child) => nextMessage(child, 'done'));
    const started = now();
    for (const child of children) child.send({ type: 'go' } satisfies ToClient);
    const reports = await Promise.all(done);
    const wallMs = now() - started;
    let succeeded = 0;
    const failures: Record<string, number> = {};
    for (const report of reports) {
      if (report.type !== 'done') continue;
      succeeded += report.succeeded;
      for (const [key, count] of Object.entries(report.failures)) failures[key] = (failures[key] ?? 0) + count;
    }
    const accepted = server.accepted;
    const spanMs = (accepted.at(-1) ?? 0) - (accepted[0] ?? 0);
    const ideal = idealSpanMs([LIMIT], accepted.length);
    return {
      name,
      processes,
      limiter,
      store,
      operations: Math.round(operations / CALLERS) * CALLERS,
      succeeded,
      failures,
      provider429s: server.rejected,
      busiestWindow: maxInAnyWindow(accepted, LIMIT.windowMs),
      spanMs,
      idealSpanMs: ideal,
      allowanceUsed: spanMs === 0 ? Number.NaN : ideal / spanMs,
      wallMs,
    };
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill();
  }
}


/**
 * "Many processes, one allowance": 30 callers against one provider limit of 25 a second, counted
 * at arrival on real time, in one process or spread over three, with the limits' state in Redis
 * (`@interlock/rate-limit-redis`) or in each process's memory. Needs Redis at 127.0.0.1:6379.
 */
export async function sharedAllowance(options: { quick: boolean }): Promise<SharedCaseResult> {
  const operations = options.quick ? 120 : 300;
  const server = await ArrivalCountingServer.start();
  try {
    const contenders: Contender[] = [
      { name: 'interlock, three processes x 10 callers, Redis store', processes: 3, limiter: 'interlock', store: 'redis' },
      { name: 'interlock, one process x 30 callers, Redis store', processes: 1, limiter: 'interlock', store: 'redis' },
      { name: 'interlock, one process x 30 callers, memory store', processes: 1, limiter: 'interlock', store: 'memory' },
      { name: 'interlock, three processes x 10 callers, memory store (each thinks it owns the allowance)', processes: 3, limiter: 'interlock', store: 'memory' },
      { name: `bottleneck, three processes x 10 callers, clustered on Redis { minTime: ${LIMIT.windowMs / LIMIT.limit} }`, processes: 3, limiter: 'bottleneck', store: 'redis' },
      { name: `p-queue, one process x 30 callers { intervalCap: ${LIMIT.limit}, interval: ${LIMIT.windowMs} }`, processes: 1, limiter: 'p-queue', store: 'memory' },
    ];
    const rows: SharedRow[] = [];
    for (const [index, contender] of contenders.entries()) rows.push(await drive(server, contender, operations, 100 * (index + 1)));
    const ours = rows[0] as SharedRow;
    return {
      name: 'many processes, one allowance: a limit shared through Redis, counted at arrival',
      description: `${grouped(operations)} GETs by ${CALLERS} callers (each one after another) through createProviderClient, ${LIMIT.limit}/${LIMIT.windowMs / 1000} s declared as the account limit; a node:http provider in the bench process counting a strict sliding window at arrival (real time), each leg ${ONE_WAY_BASE_MS}-${ONE_WAY_BASE_MS + ONE_WAY_JITTER_MS} ms added in the client process, 429 + Retry-After otherwise; clients are child processes (node --import tsx)`,
      rows,
      targetAllowanceUsedMin: TARGET_SHARED_ALLOWANCE_USED,
      meetsTarget: ours.provider429s === 0 && ours.succeeded === ours.operations && ours.allowanceUsed >= TARGET_SHARED_ALLOWANCE_USED,
    };
  } finally {
    await server.close();
  }
}

export function formatShared(result: SharedCaseResult): string {
  const rows = result.rows.map((row) => [
    row.name,
    `${fixed(row.allowanceUsed * 100, 2)}%`,
    String(row.provider429s),
    `${row.succeeded}/${row.operations}`,
    String(row.busiestWindow),
    fixed(row.spanMs / 1000, 2),
    fixed(row.idealSpanMs / 1000, 2),
    grouped(row.wallMs),
  ]);
  const ours = result.rows[0] as SharedRow;
  const lines = [
    `8. ${result.name}`,
    `   ${result.description}`,
    table(['contender', 'allowance used', '429s', 'succeeded', 'busiest window', 'span s', 'ideal span s', 'wall ms'], rows),
    '   allowance used = ideal span / actual span over the requests the provider accepted; busiest window = most accepted in any 1 s; 429s counted by the provider, retries included.',
    '   bottleneck and p-queue pace the same transport as their READMEs suggest and do not retry: a 429 fails that call.',
  ];
  for (const row of result.rows) {
    const failures = Object.entries(row.failures);
    if (failures.length > 0) lines.push(`   failed calls (${row.name}): ${failures.map(([key, count]) => `${key} x${count}`).join(', ')}`);
  }
  lines.push(
    `   target: three processes on Redis, 0 429s, nothing failed, ≥ ${fixed(result.targetAllowanceUsedMin * 100, 0)}% used -> ${result.meetsTarget ? 'MET' : 'NOT MET'} (${fixed(ours.allowanceUsed * 100, 2)}%, ${ours.provider429s} 429s, ${ours.succeeded}/${ours.operations})`,
  );
  return lines.join('\n');
}

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listening, type Service } from '@interlock/testkit';
import { fixed, grouped, median, now, ratio, table } from '../harness.js';
import { benchSecret, BODY_BYTES } from '../ingest/events.js';
import {
  isInterlock,
  isTyped,
  type ClientKind,
  type ClosedLoopOutcome,
  type FromGenerator,
  type FromServer,
  type InterlockKind,
  type OpenLoopOutcome,
  type PoolSlice,
  type ServerKind,
  type StoreCheck,
  type Target,
  type ToGenerator,
  type ToServer,
} from '../ingest/protocol.js';
import { postgresService, postgresUrl, REDIS_SERVICE } from '../ingest/services.js';

export const TARGET_RATIO_MIN = 0.5;
export const STRETCH_RATIO = 0.7;
export const TARGET_P99_MS = 3;
/** The latency target that holds on a shared machine too: interlock's p99 against bare's, measured in the same run. */
export const TARGET_P99_OVER_BARE_MAX = 1.5;
const OPEN_RATE = 2_000;
/** The open loop sends through node:http with a keep-alive Agent: 2,000 req/s costs it a fraction of its core. */
const OPEN_CLIENT: ClientKind = 'http';

const benchDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const serverScript = join(benchDir, 'src', 'ingest', 'server.ts');
const generatorScript = join(benchDir, 'src', 'ingest', 'load-generator.ts');

interface Settings {
  connections: number;
  warmupMs: number;
  roundMs: number;
  rounds: number;
  /** Open-loop warm-up per server at the same rate (JIT, connections), before anything else. */
  openWarmupMs: number;
  openMs: number;
  openRounds: number;
  /**
   * Pre-built requests for the closed loop of the hub on SQLite; naive draws the same events (its
   * store is its own) and bare cycles through them. Its rounds run out above closedPool / (warm-up +
   * rounds) req/s: 33k/s in a full run.
   */
  closedPool: number;
  /**
   * The same for each hub on PostgreSQL, from events of its own so that no event reaches two hubs.
   * Smaller, since the pool is built while the servers start and every 100k requests cost seconds
   * of that: 11k/s in a full run, several times what those hubs answer; a round that runs out says so.
   */
  closedPoolPostgres: number;
}

const FULL: Settings = { connections: 32, warmupMs: 1_500, roundMs: 2_500, rounds: 3, openWarmupMs: 2_000, openMs: 3_000, openRounds: 3, closedPool: 300_000, closedPoolPostgres: 100_000 };
const QUICK: Settings = { connections: 32, warmupMs: 500, roundMs: 1_000, rounds: 1, openWarmupMs: 500, openMs: 1_000, openRounds: 1, closedPool: 60_000, closedPoolPostgres: 30_000 };

/** What the machine did besides the two children during a round, in cores (Linux only; null elsewhere). */
interface Contention {
  /** Every other process, except the local PostgreSQL and Redis when the server measured runs on them. */
  othersCpuCores: number | null;
  /** The local PostgreSQL and Redis processes (`postgres`, `redis-server`): part of the work for a hub on them. */
  servicesCpuCores: number | null;
}

export interface ClosedRound extends ClosedLoopOutcome, Contention {
  /** The server child's CPU time over the round's wall time (1 = its core fully busy). */
  serverCpuShare: number;
  /** Server CPU microseconds per request answered. */
  serverUsPerRequest: number;
}

export interface OpenRound extends OpenLoopOutcome, Contention {
  serverCpuShare: number;
}

/** Jiffies per second for /proc/stat: USER_HZ, 100 on practically every Linux. */
const clockTicks = ((): number => {
  const probe = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  const ticks = Number(probe.stdout?.trim());
  return Number.isFinite(ticks) && ticks > 0 ? ticks : 100;
})();

/** Milliseconds of CPU the whole machine has spent busy since boot (all cores), from /proc/stat; undefined off Linux. */
function machineBusyMs(): number | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
    const fields = line.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal: everything but idle and iowait is busy.
    const busy = fields.slice(0, 8).reduce((sum, value, index) => (index === 3 || index === 4 ? sum : sum + value), 0);
    return Number.isFinite(busy) ? (busy * 1000) / clockTicks : undefined;
  } catch {
    return undefined;
  }
}

/** The local engines' processes, by the command name the kernel keeps for them (PostgreSQL's backends keep `postgres`). */
const SERVICE_COMMANDS = new Set(['postgres', 'redis-server']);

/** Milliseconds of CPU the local PostgreSQL and Redis processes have spent so far, from /proc/<pid>/stat; undefined off Linux. */
function servicesBusyMs(): number | undefined {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return undefined;
  }
  let ticks = 0;
  for (const pid of pids) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // exited since the listing
    }
    const close = stat.lastIndexOf(')');
    if (!SERVICE_COMMANDS.has(stat.slice(stat.indexOf('(') + 1, close))) continue;
    // Fields after the command start at `state` (field 3 of proc(5)): utime is field 14, stime 15.
    const fields = stat.slice(close + 2).split(' ');
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return Number.isFinite(ticks) ? (ticks * 1000) / clockTicks : undefined;
}

interface Usage {
  busyMs: number | undefined;
  servicesMs: number | undefined;
  wallMs: number;
}

function usage(): Usage {
  return { busyMs: machineBusyMs(), servicesMs: servicesBusyMs(), wallMs: now() };
}

/**
 * What the rest of the machine did while a run measured: everything busy minus our two children
 * and, for a hub on PostgreSQL or Redis, minus those too (they work for it, on these same cores).
 */
function contention(before: Usage, after: Usage, oursMs: number, kind: ServerKind): Contention {
  const wallMs = after.wallMs - before.wallMs;
  const services = before.servicesMs === undefined || after.servicesMs === undefined ? undefined : after.servicesMs - before.servicesMs;
  const servicesCpuCores = services === undefined || wallMs <= 0 ? null : services / wallMs;
  if (before.busyMs === undefined || after.busyMs === undefined || wallMs <= 0) return { othersCpuCores: null, servicesCpuCores };
  const theirs = usesServices(kind) ? (services ?? 0) : 0;
  return { othersCpuCores: Math.max(0, (after.busyMs - before.busyMs - oursMs - theirs) / wallMs), servicesCpuCores };
}

function usesServices(kind: ServerKind): boolean {
  return kind === 'interlock-postgres' || kind === 'interlock-postgres-bullmq';
}

/** The servers a kind needs besides itself. */
function servicesFor(kind: ServerKind): Service[] {
  if (!usesServices(kind)) return [];
  const postgres = postgresService(postgresUrl());
  return kind === 'interlock-postgres-bullmq' ? [postgres, REDIS_SERVICE] : [postgres];
}

/** Why a server cannot run here (its PostgreSQL or Redis does not answer), or undefined when it can. */
async function unavailable(kind: ServerKind): Promise<string | undefined> {
  const missing: string[] = [];
  for (const service of servicesFor(kind)) if (!(await listening(service))) missing.push(`${service.name} (${service.host}:${service.port})`);
  return missing.length === 0 ? undefined : `${missing.join(' and ')} not reachable`;
}

export interface IngestServerResult {
  kind: ServerKind;
  name: string;
  description: string;
  closed: {
    warmup: ClosedRound;
    rounds: ClosedRound[];
    requestsPerSecond: number;
    serverUsPerRequest: number;
    serverCpuShare: number;
    /** Median over rounds of the local PostgreSQL and Redis processes' CPU, in cores; for the hub on them, the rest of its cost. */
    servicesCpuCores: number | null;
    generatorCpuShareMax: number;
  };
  open: {
    rounds: OpenRound[];
    p50Ms: number;
    p99Ms: number;
    p999Ms: number;
    maxMs: number;
    achievedPerSecond: number;
    sendLagP99MsMax: number;
    /** One round at the same rate right after the closed-loop rounds, while the store digests their backlog. */
    afterBurst: OpenRound;
  };
  /** Requests that got something other than 200, or a socket error, across every run. */
  errors: number;
  errorDetail: Record<string, number>;
  /** Distinct events sent over the whole case (bare cycles through its slice, so it has none to count). */
  distinctSent: number | null;
  store: StoreCheck;
  /** For stores: exactly one row per distinct event sent. */
  nothingLost: boolean | null;
}

/** One interlock server against the targets, beside the baselines of the same run. */
export interface InterlockVerdict {
  kind: InterlockKind;
  name: string;
  reqPerSecondOverBare: number;
  reqPerSecondOverNaive: number;
  p99OverBare: number;
  p99OverNaive: number;
  meetsThroughputTarget: boolean;
  meetsStretch: boolean;
  meetsLatencyTarget: boolean;
  meetsLatencyRatioTarget: boolean;
  nothingLost: boolean;
}

/** A server that did not run, and why (its PostgreSQL or Redis was not reachable, or it failed to start). */
export interface SkippedServer {
  kind: ServerKind;
  name: string;
  reason: string;
}

export interface IngestCaseResult {
  name: string;
  description: string;
  pinning: string;
  pinned: boolean;
  settings: Settings & { openRatePerSecond: number; bodyBytes: number };
  pool: { requests: number; bytes: number; buildMs: number };
  servers: IngestServerResult[];
  /** Client used by the closed loop (the open loop always uses node:http). */
  closedClient: ClientKind;
  /** Bare driven through node:http in the closed loop: what a node:http generator can offer from one core. */
  generatorCeiling: { name: string; requestsPerSecond: number; generatorCpuShareMax: number; serverCpuShare: number; rounds: ClosedRound[] } | null;
  /** One per interlock server that ran, in the order of `servers`. */
  verdicts: InterlockVerdict[];
  skipped: SkippedServer[];
  /** Every store that ran holds one row per distinct event it was sent, and every response was a 200. */
  nothingLost: boolean;
  /** BENCH_CPU_PROF=1: each interlock server's main-thread profile, by kind. */
  cpuProfiles?: Partial<Record<InterlockKind, string>>;
  /** 1-minute load average when the case started and ended: on two cores, other work shows here first. */
  loadAverage: { before: number; after: number };
  notes: string[];
}

/** One child process spoken to over IPC, one question at a time; messages that arrive early wait in an inbox. */
class Child<Out extends { type: string }> {
  private readonly inbox: Out[] = [];
  private waiting: { resolve: (message: Out) => void; reject: (error: Error) => void } | undefined;
  private failure: Error | undefined;

  constructor(
    readonly label: string,
    readonly process: ChildProcess,
  ) {
    process.on('message', (message: unknown) => {
      if (!isTyped(message)) return;
      if (message.type === 'failed') {
        this.fail(new Error(`${label} failed: ${(message as { error?: string }).error ?? 'unknown'}`));
        return;
      }
      const waiter = this.waiting;
      this.waiting = undefined;
      if (waiter) waiter.resolve(message as Out);
      else this.inbox.push(message as Out);
    });
    process.on('exit', (code, signal) => this.fail(new Error(`${label} exited (code ${String(code)}, signal ${String(signal)})`)));
    process.on('error', (error) => this.fail(error));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    const waiter = this.waiting;
    this.waiting = undefined;
    waiter?.reject(this.failure);
  }

  /** The next message from the child, after sending `send` if given. */
  next<T extends Out['type']>(type: T, send?: unknown, timeoutMs = 120_000): Promise<Extract<Out, { type: T }>> {
    return new Promise((resolve, reject) => {
      const accept = (message: Out): void => {
        if (message.type === type) resolve(message as Extract<Out, { type: T }>);
        else reject(new Error(`${this.label}: expected '${type}', got '${message.type}'`));
      };
      // IPC is asynchronous: the answer cannot arrive before `waiting` is set below.
      if (send !== undefined && this.failure === undefined) this.process.send(send as object);
      const early = this.inbox.shift();
      if (early !== undefined) {
        accept(early);
        return;
      }
      if (this.failure) {
        reject(this.failure);
        return;
      }
      const timer = setTimeout(() => {
        this.waiting = undefined;
        reject(new Error(`${this.label}: no '${type}' within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting = {
        resolve: (message) => {
          clearTimeout(timer);
          accept(message);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
    });
  }

  async stop(): Promise<void> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.process.once('exit', () => resolve()));
    const timer = setTimeout(() => this.process.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

function tasksetUsable(): boolean {
  if (cpus().length < 2) return false;
  const probe = spawnSync('taskset', ['-c', '1', 'true'], { stdio: 'ignore' });
  return probe.status === 0;
}

function spawnNode(script: string, args: readonly string[], core: number | undefined, env: NodeJS.ProcessEnv, nodeFlags: readonly string[] = []): ChildProcess {
  // tsx as an --import hook, resolved from the bench package (the children's cwd).
  const nodeArgv = [...nodeFlags, '--import', 'tsx', script, ...args];
  const [command, argv] = core === undefined ? [process.execPath, nodeArgv] : ['taskset', ['-c', String(core), process.execPath, ...nodeArgv]];
  return spawn(command, argv, { cwd: benchDir, env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

/** Where each run of one server draws its events from, within one region of the pool. */
interface Layout {
  warmup: PoolSlice;
  rounds: PoolSlice[];
  openWarmup: PoolSlice;
  open: PoolSlice[];
  afterBurst: PoolSlice;
  /** The pool index after the layout's last slice, where the next server's region may start. */
  end: number;
}

/**
 * Where each run of one server draws its events from, in a region of the pool starting at `from`
 * with `closedPool` events for the closed loop: every run on a store gets events no earlier run sent it.
 */
function slices(settings: Settings, closedPool: number, from: number): Layout {
  const closedMs = settings.warmupMs + settings.rounds * settings.roundMs;
  const share = (ms: number): number => Math.floor((closedPool * ms) / closedMs);
  const warmup = { start: from, end: from + share(settings.warmupMs), wrap: false };
  const rounds: PoolSlice[] = [];
  let at = warmup.end;
  for (let i = 0; i < settings.rounds; i++) {
    rounds.push({ start: at, end: at + share(settings.roundMs), wrap: false });
    at += share(settings.roundMs);
  }
  const take = (ms: number): PoolSlice => {
    const count = Math.floor((ms * OPEN_RATE) / 1000);
    const slice = { start: at, end: at + count, wrap: false };
    at += count;
    return slice;
  };
  const openWarmup = take(settings.openWarmupMs);
  const open: PoolSlice[] = [];
  for (let i = 0; i < settings.openRounds; i++) open.push(take(settings.openMs));
  const afterBurst = take(settings.openMs);
  return { warmup, rounds, openWarmup, open, afterBurst, end: at };
}

/** One contender of the closed loop: a server driven by one kind of client. */
interface ClosedEntry {
  server: ServerHandle;
  client: ClientKind;
  warmup?: ClosedRound;
  rounds: ClosedRound[];
}

interface ServerHandle {
  kind: ServerKind;
  name: string;
  layout: Layout;
  child: Child<FromServer>;
  target: Target;
  description: string;
  closed: ClosedRound[];
  warmup?: ClosedRound;
  openWarmup?: OpenRound;
  open: OpenRound[];
  afterBurst?: OpenRound;
}

async function serverCpu(server: ServerHandle): Promise<{ cpuUs: number; at: number }> {
  const message = await server.child.next('cpu', { type: 'cpu' } satisfies ToServer);
  return { cpuUs: message.cpuUs, at: message.at };
}

async function closedRun(generator: Child<FromGenerator>, server: ServerHandle, settings: Settings, durationMs: number, slice: PoolSlice, client: ClientKind): Promise<ClosedRound> {
  const before = await serverCpu(server);
  const machineBefore = usage();
  const command: ToGenerator = { type: 'closed', client, target: server.target, connections: settings.connections, durationMs, slice: { ...slice, wrap: server.kind === 'bare' } };
  const { outcome } = await generator.next('closed', command, durationMs + 60_000);
  const machineAfter = usage();
  const after = await serverCpu(server);
  const answered = outcome.ok + Object.values(outcome.statuses).reduce((a, b) => a + b, 0);
  const serverCpuMs = (after.cpuUs - before.cpuUs) / 1000;
  return {
    ...outcome,
    serverCpuShare: serverCpuMs / (after.at - before.at),
    serverUsPerRequest: (after.cpuUs - before.cpuUs) / Math.max(1, answered),
    ...contention(machineBefore, machineAfter, serverCpuMs + outcome.generatorCpuMs, server.kind),
  };
}

async function openRun(generator: Child<FromGenerator>, server: ServerHandle, durationMs: number, slice: PoolSlice, client: ClientKind): Promise<OpenRound> {
  const before = await serverCpu(server);
  const machineBefore = usage();
  const command: ToGenerator = { type: 'open', client, target: server.target, ratePerSecond: OPEN_RATE, durationMs, maxSockets: 64, slice };
  const { outcome } = await generator.next('open', command, durationMs + 60_000);
  const machineAfter = usage();
  const after = await serverCpu(server);
  const serverCpuMs = (after.cpuUs - before.cpuUs) / 1000;
  return {
    ...outcome,
    serverCpuShare: serverCpuMs / (after.at - before.at),
    ...contention(machineBefore, machineAfter, serverCpuMs + outcome.generatorCpuMs, server.kind),
  };
}

const SERVERS: readonly { kind: ServerKind; name: string }[] = [
  { kind: 'interlock', name: 'interlock startHub (SQLite, no workers)' },
  { kind: 'interlock-postgres', name: 'interlock startHub (PostgreSQL, no workers)' },
  { kind: 'interlock-postgres-bullmq', name: 'interlock startHub (PostgreSQL + BullMQ, no workers)' },
  { kind: 'naive', name: 'naive: express + stripe + sqlite INSERT' },
  { kind: 'bare', name: 'bare node:http (read body, 200)' },
];

/**
 * "Webhook ingest": what one process must do per event before it answers 200 (verify the
 * signature over the raw body, dedupe the event id, store it durably), for Interlock's hub on each
 * of its engines (SQLite; PostgreSQL; PostgreSQL + BullMQ) and two baselines, each a child process
 * pinned to core 1 while the load comes from a child pinned to core 0. Latency at a fixed 2,000
 * req/s (open loop) on fresh stores, then max requests/s (closed loop), then one more latency round
 * while the stores digest those bursts. A hub whose PostgreSQL or Redis does not answer is skipped.
 */
export async function webhookIngest(options: { quick: boolean; cpuProfileDir?: string | undefined }): Promise<IngestCaseResult> {
  const settings = options.quick ? QUICK : FULL;
  // node:http spends ~3x the CPU per request of pre-serialized writes on raw sockets, which caps a
  // one-core generator below what bare can answer; BENCH_INGEST_CLIENT=http measures with it anyway.
  const closedClient: ClientKind = process.env['BENCH_INGEST_CLIENT'] === 'http' ? 'http' : 'raw';
  const loadBefore = loadavg()[0] ?? 0;
  const pinned = tasksetUsable();
  const notes: string[] = [];
  const pinning = pinned
    ? 'servers pinned to core 1 (taskset -c 1), load generator to core 0 (taskset -c 0)'
    : `UNPINNED: ${cpus().length < 2 ? 'fewer than 2 CPUs' : 'taskset is missing or not permitted'}; server and generator share the CPUs, so the numbers understate the servers`;
  if (options.cpuProfileDir !== undefined) mkdirSync(options.cpuProfileDir, { recursive: true });
  const secret = benchSecret();
  const runTag = randomBytes(4).toString('hex');
  const env = { INTERLOCK_BENCH_SECRET: secret };

  const skipped: SkippedServer[] = [];
  const runnable: { kind: ServerKind; name: string }[] = [];
  for (const server of SERVERS) {
    const reason = await unavailable(server.kind);
    if (reason === undefined) runnable.push(server);
    else skipped.push({ ...server, reason });
  }
  // Naive and bare draw from the SQLite hub's region (their stores are their own); each hub on PostgreSQL has one to itself.
  const shared = slices(settings, settings.closedPool, 0);
  let poolSize = shared.end;
  const layouts = new Map<ServerKind, Layout>();
  for (const { kind } of runnable) {
    if (!usesServices(kind)) continue;
    const layout = slices(settings, settings.closedPoolPostgres, poolSize);
    layouts.set(kind, layout);
    poolSize = layout.end;
  }

  let result: IngestCaseResult;
  const generator = new Child<FromGenerator>('load generator', spawnNode(generatorScript, [], pinned ? 0 : undefined, env));
  let servers: ServerHandle[] = runnable.map(({ kind, name }) => {
    const flags = isInterlock(kind) && options.cpuProfileDir !== undefined ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
    const child = new Child<FromServer>(`${kind} server`, spawnNode(serverScript, [kind], pinned ? 1 : undefined, env, flags));
    return { kind, name, layout: layouts.get(kind) ?? shared, child, target: { host: '', port: 0, path: '' }, description: '', closed: [], open: [] };
  });
  const started = [...servers];
  try {
    await generator.next('ready');
    // Building ~all requests takes a few seconds per region on core 0 while the servers start on core 1.
    const building = generator.next('built', { type: 'build', count: poolSize, secret, runTag, timestampSeconds: Math.floor(Date.now() / 1000) } satisfies ToGenerator, 300_000);
    // Awaited below; if a server fails to start first, this must not surface as an unhandled rejection.
    building.catch(() => undefined);
    for (const server of servers) {
      try {
        const ready = await server.child.next('ready');
        server.target = ready.target;
        server.description = ready.description;
      } catch (error) {
        // A hub that cannot reach its engines (refused login, a schema it may not create) is
        // skipped like one whose engines do not answer at all; the baselines and SQLite must start.
        if (!usesServices(server.kind)) throw error;
        skipped.push({ kind: server.kind, name: server.name, reason: `did not start: ${firstLine(error)}` });
      }
    }
    servers = servers.filter((server) => !skipped.some((skip) => skip.kind === server.kind));
    for (const server of started) if (!servers.includes(server)) server.child.process.kill();
    const built = await building;

    // Latency first, at a steady 2,000 req/s on fresh stores: after the max-throughput rounds a
    // store is still absorbing their backlog (WAL checkpoints of ~100k rows), which is measured
    // separately below rather than charged to the steady state.
    for (const server of servers) server.openWarmup = await openRun(generator, server, settings.openWarmupMs, server.layout.openWarmup, OPEN_CLIENT);
    for (let round = 0; round < settings.openRounds; round++) {
      for (let i = 0; i < servers.length; i++) {
        // Rotating the order keeps drift on the machine from always landing on the same server.
        const server = servers[(i + round) % servers.length] as ServerHandle;
        server.open.push(await openRun(generator, server, settings.openMs, server.layout.open[round] as PoolSlice, OPEN_CLIENT));
      }
    }

    // The closed loop runs each server with the raw client, plus bare once more through node:http
    // as a reference: that row shows what a node:http generator can offer from one core.
    const bareHandle = servers.find((server) => server.kind === 'bare') as ServerHandle;
    const entries: ClosedEntry[] = servers.map((server) => ({ server, client: closedClient, rounds: server.closed }));
    const ceiling: ClosedEntry | undefined = closedClient === 'raw' ? { server: bareHandle, client: 'http', rounds: [] } : undefined;
    if (ceiling) entries.push(ceiling);
    for (const entry of entries) entry.warmup = await closedRun(generator, entry.server, settings, settings.warmupMs, entry.server.layout.warmup, entry.client);
    for (const entry of entries) if (entry !== ceiling) entry.server.warmup = entry.warmup as ClosedRound;
    for (let round = 0; round < settings.rounds; round++) {
      for (let i = 0; i < entries.length; i++) {
        const entry = entries[(i + round) % entries.length] as ClosedEntry;
        entry.rounds.push(await closedRun(generator, entry.server, settings, settings.roundMs, entry.server.layout.rounds[round] as PoolSlice, entry.client));
      }
    }
    // One more open-loop round each, straight after the bursts: what a store still digesting them answers.
    for (const server of servers) server.afterBurst = await openRun(generator, server, settings.openMs, server.layout.afterBurst, OPEN_CLIENT);

    const results: IngestServerResult[] = [];
    for (const server of servers) {
      const { check } = await server.child.next('check', { type: 'check' } satisfies ToServer);
      const runs = [server.openWarmup as OpenRound, ...server.open, server.warmup as ClosedRound, ...server.closed, server.afterBurst as OpenRound];
      if (ceiling && server === ceiling.server) runs.push(ceiling.warmup as ClosedRound, ...ceiling.rounds);
      const errorDetail: Record<string, number> = {};
      let errors = 0;
      for (const run of runs) {
        for (const [status, count] of Object.entries(run.statuses)) {
          errorDetail[`HTTP ${status}`] = (errorDetail[`HTTP ${status}`] ?? 0) + count;
          errors += count;
        }
        if (run.socketErrors > 0) errorDetail['socket error'] = (errorDetail['socket error'] ?? 0) + run.socketErrors;
        errors += run.socketErrors;
      }
      const distinctSent = server.kind === 'bare' ? null : runs.reduce((sum, run) => sum + run.sent, 0);
      for (const run of server.closed) {
        if (run.exhausted) notes.push(`${server.name}: a closed-loop round used up its ${grouped(run.sent)} pre-built events before ${settings.roundMs} ms; its rate is over the ${fixed(run.elapsedMs, 0)} ms it ran`);
      }
      const services = server.closed.map((r) => r.servicesCpuCores).filter((v): v is number => v !== null);
      results.push({
        kind: server.kind,
        name: server.name,
        description: server.description,
        closed: {
          warmup: server.warmup as ClosedRound,
          rounds: server.closed,
          requestsPerSecond: median(server.closed.map((r) => r.requestsPerSecond)),
          serverUsPerRequest: median(server.closed.map((r) => r.serverUsPerRequest)),
          serverCpuShare: median(server.closed.map((r) => r.serverCpuShare)),
          servicesCpuCores: services.length === 0 ? null : median(services),
          generatorCpuShareMax: Math.max(...server.closed.map((r) => r.generatorCpuShare)),
        },
        open: {
          rounds: server.open,
          p50Ms: median(server.open.map((r) => r.p50Ms)),
          p99Ms: median(server.open.map((r) => r.p99Ms)),
          p999Ms: median(server.open.map((r) => r.p999Ms)),
          maxMs: Math.max(...server.open.map((r) => r.maxMs)),
          achievedPerSecond: median(server.open.map((r) => r.achievedPerSecond)),
          sendLagP99MsMax: Math.max(...server.open.map((r) => r.sendLagP99Ms)),
          afterBurst: server.afterBurst as OpenRound,
        },
        errors,
        errorDetail,
        distinctSent,
        store: check,
        nothingLost: distinctSent === null ? null : check.rows === distinctSent && errors === 0,
      });
    }

    const find = (kind: ServerKind): IngestServerResult => results.find((r) => r.kind === kind) as IngestServerResult;
    const [naive, bare] = [find('naive'), find('bare')];
    const generatorBusy = Math.max(...results.map((r) => r.closed.generatorCpuShareMax));
    if (generatorBusy > 0.9) {
      notes.push(
        `the load generator used up to ${fixed(generatorBusy * 100, 0)}% of its core in a closed loop: the fastest server's rate may be the generator's limit, which would flatter the ratios against it`,
      );
    }
    const others = results.flatMap((r) => [...r.closed.rounds, ...r.open.rounds].map((round) => round.othersCpuCores ?? 0));
    const othersMax = Math.max(0, ...others);
    if (othersMax > 0.1) {
      notes.push(
        `other processes used up to ${fixed(othersMax, 2)} cores during a measured round: the pinned children did not have their cores to themselves, so absolute figures are low and the ratios less trustworthy; re-run on a quiet machine`,
      );
    }
    const verdicts = results.filter((r): r is IngestServerResult & { kind: InterlockKind } => isInterlock(r.kind)).map((r) => verdict(r, bare, naive));
    result = {
      name: 'webhook ingest (acknowledgement path)',
      description: `distinct, correctly signed Stripe-style events of ${BODY_BYTES} bytes, all built before timing, POSTed over keep-alive connections from a separate process; each server answers 200 only after verifying, deduping and storing (bare: after reading the body)`,
      pinning,
      pinned,
      settings: { ...settings, openRatePerSecond: OPEN_RATE, bodyBytes: BODY_BYTES },
      pool: { requests: built.count, bytes: built.bytes, buildMs: built.ms },
      servers: results,
      closedClient,
      generatorCeiling: ceiling
        ? {
            name: 'bare, through node:http (generator ceiling)',
            requestsPerSecond: median(ceiling.rounds.map((r) => r.requestsPerSecond)),
            generatorCpuShareMax: Math.max(...ceiling.rounds.map((r) => r.generatorCpuShare)),
            serverCpuShare: median(ceiling.rounds.map((r) => r.serverCpuShare)),
            rounds: ceiling.rounds,
          }
        : null,
      verdicts,
      skipped,
      nothingLost: results.every((r) => r.nothingLost !== false),
      loadAverage: { before: loadBefore, after: loadavg()[0] ?? 0 },
      notes,
    };
  } finally {
    for (const server of servers) {
      if (server.child.process.connected) server.child.process.send({ type: 'close' } satisfies ToServer);
    }
    if (generator.process.connected) generator.process.send({ type: 'exit' } satisfies ToGenerator);
    await Promise.all([generator.stop(), ...started.map((server) => server.child.stop())]);
  }
  if (options.cpuProfileDir !== undefined) {
    const profiles: Partial<Record<InterlockKind, string>> = {};
    for (const server of servers) {
      const pid = server.child.process.pid;
      if (!isInterlock(server.kind) || pid === undefined) continue;
      profiles[server.kind] = findCpuProfile(options.cpuProfileDir, pid) ?? `not written (looked for CPU.*.${pid}.0.*.cpuprofile in ${options.cpuProfileDir})`;
    }
    result.cpuProfiles = profiles;
  }
  return result;
}

function verdict(server: IngestServerResult & { kind: InterlockKind }, bare: IngestServerResult, naive: IngestServerResult): InterlockVerdict {
  const reqPerSecondOverBare = server.closed.requestsPerSecond / bare.closed.requestsPerSecond;
  const p99OverBare = server.open.p99Ms / bare.open.p99Ms;
  return {
    kind: server.kind,
    name: server.name,
    reqPerSecondOverBare,
    reqPerSecondOverNaive: server.closed.requestsPerSecond / naive.closed.requestsPerSecond,
    p99OverBare,
    p99OverNaive: server.open.p99Ms / naive.open.p99Ms,
    meetsThroughputTarget: reqPerSecondOverBare >= TARGET_RATIO_MIN,
    meetsStretch: reqPerSecondOverBare >= STRETCH_RATIO,
    meetsLatencyTarget: server.open.p99Ms <= TARGET_P99_MS,
    meetsLatencyRatioTarget: p99OverBare <= TARGET_P99_OVER_BARE_MAX,
    nothingLost: server.nothingLost === true,
  };
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n', 1)[0] ?? '';
}

/**
 * An interlock server's main-thread profile, once its child has exited. Node names profiles
 * `CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile`; thread 0 is the main thread (tsx's loader
 * runs in another thread and writes its own).
 */
export function findCpuProfile(dir: string, pid: number): string | undefined {
  const name = readdirSync(dir).find((file) => file.startsWith('CPU.') && file.includes(`.${pid}.0.`) && file.endsWith('.cpuprofile'));
  return name === undefined ? undefined : join(dir, name);
}

/** A ratio cell against a baseline row, or a dash on the baseline's own row. */
function against(row: IngestServerResult, baseline: IngestServerResult | undefined, value: (r: IngestServerResult) => number): string {
  return baseline === undefined || row === baseline ? '—' : ratio(value(row), value(baseline));
}

/** The local PostgreSQL and Redis processes' CPU, as a share of one core, for a hub on them; a dash for the others. */
function servicesCell(kind: ServerKind, rounds: readonly { servicesCpuCores: number | null }[]): string {
  if (!usesServices(kind)) return '—';
  const values = rounds.map((r) => r.servicesCpuCores).filter((v): v is number => v !== null);
  return values.length === 0 ? 'n/a' : `${fixed(median(values) * 100, 0)}%`;
}

function closedRow(name: string, kind: ServerKind, rounds: readonly ClosedRound[], ratioCells: readonly string[]): string[] {
  const rates = rounds.map((r) => r.requestsPerSecond);
  return [
    name,
    grouped(median(rates)),
    `${grouped(Math.min(...rates))}–${grouped(Math.max(...rates))}`,
    `${fixed(median(rounds.map((r) => r.serverCpuShare)) * 100, 0)}%`,
    fixed(median(rounds.map((r) => r.serverUsPerRequest)), 1),
    servicesCell(kind, rounds),
    `${fixed(Math.max(...rounds.map((r) => r.generatorCpuShare)) * 100, 0)}%`,
    cores(rounds),
    ...ratioCells,
  ];
}

function cores(rounds: readonly { othersCpuCores: number | null }[]): string {
  const values = rounds.map((r) => r.othersCpuCores).filter((v): v is number => v !== null);
  return values.length === 0 ? 'n/a' : fixed(Math.max(...values), 2);
}

function met(ok: boolean): string {
  return ok ? 'MET' : 'NOT MET';
}

export function formatIngest(result: IngestCaseResult): string {
  const s = result.settings;
  const bare = result.servers.find((r) => r.kind === 'bare');
  const naive = result.servers.find((r) => r.kind === 'naive');
  const rps = (r: IngestServerResult): number => r.closed.requestsPerSecond;
  const p99 = (r: IngestServerResult): number => r.open.p99Ms;
  const lines = [
    `4. ${result.name}`,
    `   ${result.description}`,
    `   ${result.pinning}; load average (1 min) ${fixed(result.loadAverage.before, 2)} before, ${fixed(result.loadAverage.after, 2)} after (above ~0.5 on 2 cores, something else competed)`,
    ...result.skipped.map((skip) => `   skipped ${skip.name}: ${skip.reason}`),
    `   each interlock server runs startHub with startWorkers: false: this measures ingest (verify, dedupe, durable queue, 200) only; no event is applied.`,
    `   PostgreSQL and Redis are whatever runs at their address, unpinned; their processes' CPU (when local) is the PG/Redis column, the rest of a hub's cost on them.`,
    `   load: ${grouped(result.pool.requests)} requests signed and built before timing started (${fixed(result.pool.bytes / 1024 / 1024, 0)} MiB of bodies, ${fixed(result.pool.buildMs / 1000, 1)} s); every server gets each event once, each interlock server its own events (bare cycles through its share).`,
    `   -- max throughput: closed loop, ${s.connections} connections, ${s.rounds} round(s) of ${fixed(s.roundMs / 1000, 1)} s after a ${fixed(s.warmupMs / 1000, 1)} s warm-up, interleaved; client: ${
      result.closedClient === 'raw' ? 'pre-serialized requests on raw keep-alive sockets (node:http would be the bottleneck, see the last row)' : 'node:http keep-alive Agent (BENCH_INGEST_CLIENT=http)'
    }`,
    table(
      ['server', 'req/s (median)', 'rounds min–max', 'server CPU', 'server µs/req', 'PG/Redis CPU', 'generator CPU (max)', 'others CPU (max)', 'this / bare', 'this / naive'],
      [
        ...result.servers.map((row) => closedRow(row.name, row.kind, row.closed.rounds, [against(row, bare, rps), against(row, naive, rps)])),
        ...(result.generatorCeiling ? [closedRow(result.generatorCeiling.name, 'bare', result.generatorCeiling.rounds, ['(reference)', ''])] : []),
      ],
    ),
    '   server CPU near 100% means the server was the bottleneck; generator CPU near 100% means the load generator was (then the server could do more);',
    '   others CPU is what every other process on the machine used meanwhile, in cores (of 2): above ~0.1 the round was contended. Ratio > 1 means the row is faster.',
    `   -- acknowledgement latency at a fixed ${grouped(s.openRatePerSecond)} req/s: open loop through node:http (keep-alive Agent, up to 64 sockets), run first on fresh stores: ${fixed(s.openWarmupMs / 1000, 1)} s warm-up, then ${s.openRounds} round(s) of ${fixed(s.openMs / 1000, 1)} s; latency from each request's scheduled send time to its response's end`,
    table(
      ['server', 'p50 ms', 'p99 ms (median)', 'p99 rounds min–max', 'p99.9 ms', 'max ms', 'achieved req/s', 'server CPU', 'PG/Redis CPU', 'others CPU (max)', "p99 / bare's", "p99 / naive's"],
      result.servers.map((row) => [
        row.name,
        fixed(row.open.p50Ms, 2),
        fixed(row.open.p99Ms, 2),
        `${fixed(Math.min(...row.open.rounds.map((r) => r.p99Ms)), 2)}–${fixed(Math.max(...row.open.rounds.map((r) => r.p99Ms)), 2)}`,
        fixed(row.open.p999Ms, 2),
        fixed(row.open.maxMs, 2),
        grouped(row.open.achievedPerSecond),
        `${fixed(median(row.open.rounds.map((r) => r.serverCpuShare)) * 100, 0)}%`,
        servicesCell(row.kind, row.open.rounds),
        cores(row.open.rounds),
        against(row, bare, p99),
        against(row, naive, p99),
      ]),
    ),
    `   a stall delays every request scheduled during it and all of them count (no coordinated omission). The generator spins to send on time; its own send lag p99 was at most ${fixed(Math.max(...result.servers.map((r) => r.open.sendLagP99MsMax)), 3)} ms. Ratio < 1 means the row answers faster.`,
    `   -- the same, one ${fixed(s.openMs / 1000, 1)} s round right after the max-throughput rounds (each store still holds the backlog of rows it was just sent); not a target, a warning sign`,
    table(
      ['server', 'p50 ms', 'p99 ms', 'p99.9 ms', 'max ms', 'server CPU', 'PG/Redis CPU', 'others CPU'],
      result.servers.map((row) => {
        const r = row.open.afterBurst;
        return [row.name, fixed(r.p50Ms, 2), fixed(r.p99Ms, 2), fixed(r.p999Ms, 2), fixed(r.maxMs, 2), `${fixed(r.serverCpuShare * 100, 0)}%`, servicesCell(row.kind, [r]), r.othersCpuCores === null ? 'n/a' : fixed(r.othersCpuCores, 2)];
      }),
    ),
    '   -- nothing lost: rows in each store against distinct events sent, and any non-200',
  ];
  for (const row of result.servers) {
    const detail = Object.entries(row.store.detail)
      .map(([key, value]) => `${key} ${grouped(value)}`)
      .join(', ');
    const errors = row.errors === 0 ? 'every response 200' : `${grouped(row.errors)} failed (${Object.entries(row.errorDetail).map(([k, v]) => `${k} x${v}`).join(', ')})`;
    if (row.distinctSent === null) {
      lines.push(`   ${row.name}: ${errors}; ${grouped(row.store.rows)} ${row.store.source}`);
    } else {
      lines.push(
        `   ${row.name}: sent ${grouped(row.distinctSent)} distinct events, ${errors}; store holds ${grouped(row.store.rows)} (${row.store.source}${detail ? `: ${detail}` : ''}) -> ${row.nothingLost ? 'OK, one row per event' : 'MISMATCH'}`,
      );
    }
  }
  for (const note of result.notes) lines.push(`   note: ${note}`);
  for (const [kind, path] of Object.entries(result.cpuProfiles ?? {})) lines.push(`   CPU profile of the ${kind} server child: ${path}`);
  lines.push(`   -- targets, for each interlock server against the baselines of this run`);
  for (const v of result.verdicts) {
    const row = result.servers.find((r) => r.kind === v.kind);
    lines.push(
      `   ${v.name}:`,
      `     ≥ ${TARGET_RATIO_MIN}x bare req/s (stretch ${STRETCH_RATIO}x) -> ${v.meetsThroughputTarget ? (v.meetsStretch ? 'MET, stretch too' : 'MET (stretch not)') : 'NOT MET'} (${fixed(v.reqPerSecondOverBare, 3)}x bare; ${fixed(v.reqPerSecondOverNaive, 2)}x naive)`,
      `     p99 ≤ ${TARGET_P99_MS} ms at ${grouped(s.openRatePerSecond)} req/s -> ${met(v.meetsLatencyTarget)} (${fixed(row?.open.p99Ms ?? Number.NaN, 2)} ms; ${fixed(v.p99OverBare, 2)}x bare's, ${fixed(v.p99OverNaive, 2)}x naive's)`,
      `     p99 ≤ ${TARGET_P99_OVER_BARE_MAX}x bare's p99 in the same run -> ${met(v.meetsLatencyRatioTarget)} (${fixed(v.p99OverBare, 2)}x)`,
      `     nothing lost -> ${met(v.nothingLost)}`,
    );
  }
  lines.push(`   target: nothing lost in any store -> ${met(result.nothingLost)}`);
  return lines.join('\n');
}

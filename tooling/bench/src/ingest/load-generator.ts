/**
 * Child process for the webhook-ingest case: the load generator. It builds every request (a
 * distinct, signed, ~1 KiB Stripe-style event) up front, then, on the parent's word, drives a
 * server, either as fast as it answers (closed loop) or on a fixed timetable (open loop), with
 * node:http over a keep-alive agent or with pre-serialized requests on raw keep-alive sockets.
 * The parent pins it to the other core with `taskset`.
 *
 * Signing while sending would spend the generator's own core on HMACs and JSON and cap the rate
 * it can offer, so nothing is built once timing starts; each run reports the generator's CPU
 * share so that a saturated generator is visible rather than mistaken for a slow server.
 */
import { Agent, request, type OutgoingHttpHeaders } from 'node:http';
import { connect, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { stripeEventBody, stripeSignatureHeader } from './events.js';
import {
  isTyped,
  type ClosedLoopOutcome,
  type ClosedLoopRequest,
  type FromGenerator,
  type OpenLoopOutcome,
  type OpenLoopRequest,
  type ClientKind,
  type PoolSlice,
  type Target,
  type ToGenerator,
} from './protocol.js';

/** Per event: the bytes after the request line and target headers (its own headers, blank line, body). */
const tails: Buffer[] = [];
/** Per event: the body (a view into its tail) and the headers, for node:http. */
const bodies: Buffer[] = [];
const headers: OutgoingHttpHeaders[] = [];

function send(message: FromGenerator): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!process.send) {
      reject(new Error('load generator started without an IPC channel'));
      return;
    }
    process.send(message, undefined, {}, (error: Error | null) => (error ? reject(error) : resolve()));
  });
}

function build(count: number, secret: string, runTag: string, timestampSeconds: number): { bytes: number; ms: number } {
  const started = performance.now();
  let bytes = 0;
  tails.length = 0;
  bodies.length = 0;
  headers.length = 0;
  for (let i = 0; i < count; i++) {
    const body = stripeEventBody(i, timestampSeconds, runTag);
    const signature = stripeSignatureHeader(body, secret, timestampSeconds);
    const head = Buffer.from(`content-type: application/json\r\ncontent-length: ${body.length}\r\nstripe-signature: ${signature}\r\n\r\n`, 'latin1');
    const tail = Buffer.concat([head, body]);
    tails.push(tail);
    bodies.push(tail.subarray(head.length));
    headers.push({ 'content-type': 'application/json', 'content-length': String(body.length), 'stripe-signature': signature, 'user-agent': 'interlock-bench' });
    bytes += body.length;
  }
  return { bytes, ms: performance.now() - started };
}

/** Hands out pool indices from a slice, in order; undefined once a non-wrapping slice is used up. */
class Cursor {
  private index: number;
  exhausted = false;
  constructor(private readonly slice: PoolSlice) {
    if (slice.start >= slice.end || slice.end > bodies.length) throw new Error(`pool slice ${slice.start}..${slice.end} outside the ${bodies.length} built`);
    this.index = slice.start;
  }

  next(): number | undefined {
    if (this.index >= this.slice.end) {
      if (!this.slice.wrap) {
        this.exhausted = true;
        return undefined;
      }
      this.index = this.slice.start;
    }
    return this.index++;
  }

  get position(): number {
    return this.index;
  }
}

/** Sends pre-built request `index`; `onDone` gets the response status, or 0 for a socket error. */
interface Client {
  send(index: number, onDone: (status: number) => void): void;
  close(): void;
}

/** node:http with a keep-alive Agent: what an application's own HTTP client costs per request. */
function httpClient(target: Target, maxSockets: number): Client {
  const agent = new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  return {
    send(index, onDone) {
      let settled = false;
      // An error after the response began must not count the request twice.
      const done = (status: number): void => {
        if (settled) return;
        settled = true;
        onDone(status);
      };
      const req = request({ agent, host: target.host, port: target.port, path: target.path, method: 'POST', headers: headers[index] }, (res) => {
        const status = res.statusCode ?? 0;
        res.resume();
        res.on('end', () => done(status));
      });
      req.on('error', () => done(0));
      req.end(bodies[index]);
    },
    close: () => agent.destroy(),
  };
}

const HEAD_END = Buffer.from('\r\n\r\n', 'latin1');

/**
 * One keep-alive connection of the raw client: writes a request as two pre-built buffers in one
 * writev, reads the status line and Content-Length of the answer, and nothing else. Every server
 * here answers with a Content-Length; one that does not counts as a failed request.
 */
class RawConnection {
  private readonly socket: Socket;
  private pending: Buffer | undefined;
  /** Bytes of the current response (head + body) once its head has been read. */
  private need = -1;
  private status = 0;
  private closeAfter = false;
  private onDone: ((status: number) => void) | undefined;
  alive = true;

  constructor(
    target: Target,
    private readonly prefix: Buffer,
    private readonly onGone: (connection: RawConnection) => void,
  ) {
    this.socket = connect({ host: target.host, port: target.port });
    this.socket.setNoDelay(true);
    this.socket.on('data', (chunk: Buffer) => this.read(chunk));
    const gone = (): void => {
      if (!this.alive) return;
      this.alive = false;
      this.finish(0);
      this.onGone(this);
    };
    this.socket.on('error', gone);
    this.socket.on('close', gone);
  }

  start(index: number, onDone: (status: number) => void): void {
    this.onDone = onDone;
    this.socket.cork();
    this.socket.write(this.prefix);
    this.socket.write(tails[index] as Buffer);
    this.socket.uncork();
  }

  destroy(): void {
    this.alive = false;
    this.socket.destroy();
  }

  private finish(status: number): void {
    const onDone = this.onDone;
    this.onDone = undefined;
    onDone?.(status);
  }

  private read(chunk: Buffer): void {
    let buffer = this.pending === undefined ? chunk : Buffer.concat([this.pending, chunk]);
    for (;;) {
      if (this.need < 0) {
        const end = buffer.indexOf(HEAD_END);
        if (end < 0) break;
        const head = buffer.toString('latin1', 0, end).toLowerCase();
        const at = head.indexOf('\r\ncontent-length:');
        this.status = Number(head.slice(9, 12));
        this.closeAfter = head.includes('\r\nconnection: close');
        if (at < 0) {
          this.destroy();
          this.finish(0);
          this.onGone(this);
          return;
        }
        this.need = end + HEAD_END.length + Number.parseInt(head.slice(at + 17), 10);
      }
      if (buffer.length < this.need) break;
      const rest = buffer.length > this.need ? buffer.subarray(this.need) : undefined;
      this.need = -1;
      if (this.closeAfter) {
        this.destroy();
        this.finish(this.status);
        this.onGone(this);
        return;
      }
      this.finish(this.status);
      if (rest === undefined) {
        this.pending = undefined;
        return;
      }
      buffer = rest;
    }
    this.pending = buffer;
  }
}

/**
 * Pre-serialized requests over raw keep-alive sockets, one request in flight per connection (no
 * pipelining): what a dedicated load tool does, at a fraction of node:http's cost per request,
 * so that the generator's core is not what limits the fastest server.
 */
function rawClient(target: Target, maxSockets: number): Client {
  const prefix = Buffer.from(`POST ${target.path} HTTP/1.1\r\nhost: ${target.host}:${target.port}\r\nuser-agent: interlock-bench\r\n`, 'latin1');
  const idle: RawConnection[] = [];
  const all = new Set<RawConnection>();
  const waiting: [number, (status: number) => void][] = [];
  const onGone = (connection: RawConnection): void => {
    all.delete(connection);
    const index = idle.indexOf(connection);
    if (index >= 0) idle.splice(index, 1);
    const next = waiting.shift();
    if (next) dispatch(next[0], next[1]);
  };
  const release = (connection: RawConnection): void => {
    if (!connection.alive) return;
    const next = waiting.shift();
    if (next) run(connection, next[0], next[1]);
    else idle.push(connection);
  };
  const run = (connection: RawConnection, index: number, onDone: (status: number) => void): void => {
    connection.start(index, (status) => {
      // Freed before the caller hears, so that the caller's next request can reuse it.
      release(connection);
      onDone(status);
    });
  };
  const dispatch = (index: number, onDone: (status: number) => void): void => {
    let connection = idle.pop();
    if (connection === undefined && all.size < maxSockets) {
      connection = new RawConnection(target, prefix, onGone);
      all.add(connection);
    }
    if (connection === undefined) waiting.push([index, onDone]);
    else run(connection, index, onDone);
  };
  return {
    send: dispatch,
    close() {
      for (const connection of all) connection.destroy();
      all.clear();
      idle.length = 0;
    },
  };
}

function client(kind: ClientKind, target: Target, maxSockets: number): Client {
  return kind === 'raw' ? rawClient(target, maxSockets) : httpClient(target, maxSockets);
}

interface Tally {
  ok: number;
  statuses: Record<string, number>;
  socketErrors: number;
}

function count(tally: Tally, status: number): void {
  if (status === 200) tally.ok++;
  else if (status === 0) tally.socketErrors++;
  else tally.statuses[String(status)] = (tally.statuses[String(status)] ?? 0) + 1;
}

const cpuMs = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

/** `connections` requests in flight at all times, each response sending the next, for `durationMs`. */
function closedLoop(run: ClosedLoopRequest): Promise<ClosedLoopOutcome> {
  const http = client(run.client, run.target, run.connections);
  const cursor = new Cursor(run.slice);
  const tally: Tally = { ok: 0, statuses: {}, socketErrors: 0 };
  return new Promise((resolve) => {
    const cpuStart = process.cpuUsage();
    const started = performance.now();
    const deadline = started + run.durationMs;
    let sent = 0;
    let inFlight = 0;
    let lastEnd = started;
    let finished = false;
    const next = (): void => {
      const index = performance.now() < deadline ? cursor.next() : undefined;
      if (index === undefined) {
        if (inFlight === 0) finish();
        return;
      }
      sent++;
      inFlight++;
      http.send(index, (status) => {
        count(tally, status);
        inFlight--;
        lastEnd = performance.now();
        next();
      });
    };
    const finish = (): void => {
      if (finished) return;
      finished = true;
      const elapsedMs = lastEnd - started;
      const generatorCpuMs = cpuMs(cpuStart);
      const generatorCpuShare = generatorCpuMs / (performance.now() - started);
      http.close();
      resolve({
        sent,
        ...tally,
        nextIndex: cursor.position,
        exhausted: cursor.exhausted,
        elapsedMs,
        generatorCpuShare,
        generatorCpuMs,
        requestsPerSecond: ((tally.ok + Object.values(tally.statuses).reduce((a, b) => a + b, 0)) * 1000) / elapsedMs,
        client: run.client,
      });
    };
    for (let i = 0; i < run.connections; i++) next();
  });
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank] as number;
}

/**
 * Sends request k at `t0 + k / rate`, whatever happened to earlier ones, and measures each from
 * that scheduled time to the end of its response: a stall delays every request scheduled during
 * it, and they all count (no coordinated omission). The pump spins on setImmediate so that sends
 * leave on time; the generator's CPU share is therefore ~1 by design in this loop.
 */
function openLoop(run: OpenLoopRequest): Promise<OpenLoopOutcome> {
  const http = client(run.client, run.target, run.maxSockets);
  const cursor = new Cursor(run.slice);
  const tally: Tally = { ok: 0, statuses: {}, socketErrors: 0 };
  const intervalMs = 1000 / run.ratePerSecond;
  const planned = Math.floor((run.durationMs * run.ratePerSecond) / 1000);
  const latencies = new Float64Array(planned);
  const lags = new Float64Array(planned);
  return new Promise((resolve) => {
    const cpuStart = process.cpuUsage();
    const t0 = performance.now() + 2;
    let scheduled = 0;
    let sent = 0;
    let completed = 0;
    let lastEnd = t0;
    let pumping = true;
    const finish = (): void => {
      const measured = latencies.subarray(0, sent).slice().sort();
      const sortedLags = lags.subarray(0, sent).slice().sort();
      http.close();
      const elapsedMs = lastEnd - t0;
      const generatorCpuMs = cpuMs(cpuStart);
      resolve({
        sent,
        ...tally,
        nextIndex: cursor.position,
        exhausted: cursor.exhausted,
        elapsedMs,
        generatorCpuShare: generatorCpuMs / (performance.now() - t0 + 2),
        generatorCpuMs,
        p50Ms: percentile(measured, 0.5),
        p90Ms: percentile(measured, 0.9),
        p99Ms: percentile(measured, 0.99),
        p999Ms: percentile(measured, 0.999),
        maxMs: percentile(measured, 1),
        sendLagP99Ms: percentile(sortedLags, 0.99),
        achievedPerSecond: (completed * 1000) / elapsedMs,
        client: run.client,
      });
    };
    const pump = (): void => {
      const now = performance.now();
      while (scheduled < planned && t0 + scheduled * intervalMs <= now) {
        const k = scheduled++;
        const index = cursor.next();
        if (index === undefined) {
          scheduled = planned;
          break;
        }
        const due = t0 + k * intervalMs;
        lags[k] = performance.now() - due;
        sent++;
        http.send(index, (status) => {
          count(tally, status);
          const end = performance.now();
          latencies[k] = end - due;
          lastEnd = end;
          completed++;
          if (!pumping && completed === sent) finish();
        });
      }
      if (scheduled < planned) {
        setImmediate(pump);
        return;
      }
      pumping = false;
      if (completed === sent) finish();
    };
    setImmediate(pump);
  });
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

process.on('message', (message: unknown) => {
  if (!isTyped(message)) return;
  const command = message as ToGenerator;
  const answer = async (): Promise<void> => {
    if (command.type === 'build') {
      const { bytes, ms } = build(command.count, command.secret, command.runTag, command.timestampSeconds);
      await send({ type: 'built', count: bodies.length, bytes, ms });
    } else if (command.type === 'closed') {
      await send({ type: 'closed', outcome: await closedLoop(command) });
    } else if (command.type === 'open') {
      await send({ type: 'open', outcome: await openLoop(command) });
    } else if (command.type === 'exit') {
      process.disconnect();
    }
  };
  answer().catch((error: unknown) => void send({ type: 'failed', error: describe(error) }));
});

void send({ type: 'ready' });

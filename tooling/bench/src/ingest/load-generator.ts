/**
 * Child process for the webhook-ingest case: the load generator. It builds every request (a
 * distinct, signed, ~1 KiB Stripe-style event) up front, then, on the parent's word, drives a
 * server with node:http over a keep-alive agent, either as fast as it answers (closed loop) or on
 * a fixed timetable (open loop). The parent pins it to the other core with `taskset`.
 *
 * Signing while sending would spend the generator's own core on HMACs and JSON and cap the rate
 * it can offer, so nothing is built once timing starts; each run reports the generator's CPU
 * share so that a saturated generator is visible rather than mistaken for a slow server.
 */
import { Agent, request, type OutgoingHttpHeaders } from 'node:http';
import { performance } from 'node:perf_hooks';
import { stripeEventBody, stripeSignatureHeader } from './events.js';
import {
  isTyped,
  type ClosedLoopOutcome,
  type ClosedLoopRequest,
  type FromGenerator,
  type OpenLoopOutcome,
  type OpenLoopRequest,
  type PoolSlice,
  type ToGenerator,
} from './protocol.js';

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
  bodies.length = 0;
  headers.length = 0;
  for (let i = 0; i < count; i++) {
    const body = stripeEventBody(i, timestampSeconds, runTag);
    bodies.push(body);
    headers.push({
      'content-type': 'application/json',
      'content-length': String(body.length),
      'stripe-signature': stripeSignatureHeader(body, secret, timestampSeconds),
      'user-agent': 'interlock-bench',
    });
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

interface Tally {
  ok: number;
  statuses: Record<string, number>;
  socketErrors: number;
}

function post(agent: Agent, target: ClosedLoopRequest['target'], index: number, tally: Tally, onDone: () => void): void {
  let settled = false;
  // An error after the response began must not count the request twice.
  const done = (): void => {
    if (settled) return;
    settled = true;
    onDone();
  };
  const req = request({ agent, host: target.host, port: target.port, path: target.path, method: 'POST', headers: headers[index] }, (res) => {
    const status = res.statusCode ?? 0;
    if (status === 200) tally.ok++;
    else tally.statuses[String(status)] = (tally.statuses[String(status)] ?? 0) + 1;
    res.resume();
    res.on('end', done);
  });
  req.on('error', () => {
    tally.socketErrors++;
    done();
  });
  req.end(bodies[index]);
}

const cpuMs = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

/** `connections` requests in flight at all times, each response sending the next, for `durationMs`. */
function closedLoop(run: ClosedLoopRequest): Promise<ClosedLoopOutcome> {
  const agent = new Agent({ keepAlive: true, maxSockets: run.connections, maxFreeSockets: run.connections });
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
      post(agent, run.target, index, tally, () => {
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
      agent.destroy();
      resolve({
        sent,
        ...tally,
        nextIndex: cursor.position,
        exhausted: cursor.exhausted,
        elapsedMs,
        generatorCpuShare,
        generatorCpuMs,
        requestsPerSecond: ((tally.ok + Object.values(tally.statuses).reduce((a, b) => a + b, 0)) * 1000) / elapsedMs,
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
  const agent = new Agent({ keepAlive: true, maxSockets: run.maxSockets, maxFreeSockets: run.maxSockets });
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
      agent.destroy();
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
        post(agent, run.target, index, tally, () => {
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

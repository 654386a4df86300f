/**
 * Messages between the bench process and its children in the webhook-ingest case, over node's
 * IPC channel. Children are separate processes so that each can be pinned to its own core.
 */

export type ServerKind = 'bare' | 'naive' | InterlockKind;

/** The hub on each of its engines: SQLite; PostgreSQL; PostgreSQL with the event queue in BullMQ (Redis). */
export type InterlockKind = 'interlock' | 'interlock-postgres' | 'interlock-postgres-bullmq';

export function isInterlock(kind: ServerKind): kind is InterlockKind {
  return kind === 'interlock' || kind === 'interlock-postgres' || kind === 'interlock-postgres-bullmq';
}

/** What a request must look like for one server: where to send it and which headers to add. */
export interface Target {
  host: string;
  port: number;
  path: string;
}

/** What a server holds after the run: the "nothing lost" check. */
export interface StoreCheck {
  /** Rows (events) the server's store holds; for bare, requests it answered. */
  rows: number;
  /** How the rows were counted, e.g. `hub.queue.counts()` or `SELECT COUNT(*)`. */
  source: string;
  /** Extra figures: queue counts by status, webhook outcomes from the hub's metrics. */
  detail: Record<string, number>;
}

export type ToServer = { type: 'cpu' } | { type: 'check' } | { type: 'close' };

export type FromServer =
  | { type: 'ready'; target: Target; description: string }
  | { type: 'cpu'; cpuUs: number; at: number }
  | { type: 'check'; check: StoreCheck }
  | { type: 'closed' }
  | { type: 'failed'; error: string };

/**
 * How the generator sends: `http` is node:http with a keep-alive Agent; `raw` writes pre-serialized
 * requests on keep-alive sockets and reads only the status and Content-Length of each answer.
 */
export type ClientKind = 'http' | 'raw';

/** The slice of the pre-built pool a run may send, in order; `wrap` lets it cycle (the bare server ignores bodies). */
export interface PoolSlice {
  start: number;
  end: number;
  wrap: boolean;
}

export interface ClosedLoopRequest {
  type: 'closed';
  client: ClientKind;
  target: Target;
  connections: number;
  durationMs: number;
  slice: PoolSlice;
}

export interface OpenLoopRequest {
  type: 'open';
  client: ClientKind;
  target: Target;
  ratePerSecond: number;
  durationMs: number;
  /** Sockets the keep-alive agent may open; a request beyond that waits in the agent (and the wait is counted). */
  maxSockets: number;
  slice: PoolSlice;
}

export type ToGenerator =
  | { type: 'build'; count: number; secret: string; runTag: string; timestampSeconds: number }
  | ClosedLoopRequest
  | OpenLoopRequest
  | { type: 'exit' };

/** Common to both loops: what was sent and how the generator itself fared. */
export interface LoadOutcome {
  sent: number;
  /** Responses with status 200. */
  ok: number;
  /** Non-200 responses, by status. */
  statuses: Record<string, number>;
  socketErrors: number;
  /** Pool index after the last request sent (where the next run may start). */
  nextIndex: number;
  /** True when the slice ran out before the duration did (the run was cut short). */
  exhausted: boolean;
  elapsedMs: number;
  /** The generator's CPU time over the run's wall time (1 = one core fully busy). */
  generatorCpuShare: number;
  generatorCpuMs: number;
  client: ClientKind;
}

export interface ClosedLoopOutcome extends LoadOutcome {
  requestsPerSecond: number;
}

export interface OpenLoopOutcome extends LoadOutcome {
  /** Latency from each request's scheduled send time to its response's end, in ms. */
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  p999Ms: number;
  maxMs: number;
  /** How late the generator actually sent, at the 99th percentile (its own timer lag). */
  sendLagP99Ms: number;
  achievedPerSecond: number;
}

export type FromGenerator =
  | { type: 'ready' }
  | { type: 'built'; count: number; bytes: number; ms: number }
  | { type: 'closed'; outcome: ClosedLoopOutcome }
  | { type: 'open'; outcome: OpenLoopOutcome }
  | { type: 'failed'; error: string };

/** Narrows an IPC message to an object with a string `type`; the sender is our own code. */
export function isTyped(message: unknown): message is { type: string } {
  return typeof message === 'object' && message !== null && typeof (message as { type?: unknown }).type === 'string';
}

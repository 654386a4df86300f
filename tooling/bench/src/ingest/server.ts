/**
 * Child process for the webhook-ingest case: starts one server (`bare`, `naive`, or the hub as
 * `interlock` on SQLite, `interlock-postgres` or `interlock-postgres-bullmq`, from argv) on
 * 127.0.0.1, reports where it listens over IPC, then answers the parent's questions (CPU used so
 * far, what the store holds) until told to close. The parent pins this process to one core with
 * `taskset`.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HubConfigInput } from '@interlock/hub';
import { isInterlock, isTyped, type FromServer, type InterlockKind, type ServerKind, type StoreCheck, type Target } from './protocol.js';

interface Running {
  target: Target;
  description: string;
  check(): Promise<StoreCheck>;
  close(): Promise<void>;
}

const RESPONSE = '{"received":true}';

function send(message: FromServer): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!process.send) {
      reject(new Error('server child started without an IPC channel'));
      return;
    }
    process.send(message, undefined, {}, (error: Error | null) => (error ? reject(error) : resolve()));
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

async function listenOn(server: Server): Promise<number> {
  // Keep-alive connections must outlive the pauses between rounds (node's default is 5 s).
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

/** node:http that reads the body and answers 200: the practical limit of one process. */
async function startBare(): Promise<Running> {
  let answered = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      // Read, as a real handler would have to before doing anything with it.
      const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
      answered += body.length > 0 ? 1 : 0;
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': RESPONSE.length });
      res.end(RESPONSE);
    });
  });
  const port = await listenOn(server);
  return {
    target: { host: '127.0.0.1', port, path: '/webhooks/stripe' },
    description: 'node:http, reads the body, answers 200',
    check: async () => ({ rows: answered, source: 'requests with a body answered (no store)', detail: {} }),
    close: () => closeServer(server),
  };
}

/** Express 4 + express.raw + stripe.webhooks.constructEvent + one better-sqlite3 INSERT per event. */
async function startNaive(secret: string): Promise<Running> {
  const [{ default: express }, { default: Stripe }, { default: Database }] = await Promise.all([import('express'), import('stripe'), import('better-sqlite3')]);
  const dir = mkdtempSync(join(tmpdir(), 'interlock-bench-naive-'));
  const db = new Database(join(dir, 'webhooks.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE IF NOT EXISTS webhook_events (id TEXT PRIMARY KEY, type TEXT NOT NULL, created INTEGER NOT NULL, payload TEXT NOT NULL, received_at INTEGER NOT NULL)');
  // The primary key is the dedupe: a redelivered event id inserts nothing.
  const insert = db.prepare('INSERT OR IGNORE INTO webhook_events (id, type, created, payload, received_at) VALUES (?, ?, ?, ?, ?)');
  const stripe = new Stripe('sk_test_bench_not_used_for_any_request');
  const app = express();
  app.post('/webhooks/stripe', express.raw({ type: 'application/json' }), (req, res) => {
    const body: unknown = req.body;
    const signature = req.headers['stripe-signature'];
    if (!Buffer.isBuffer(body) || signature === undefined) {
      res.status(400).send('missing body or signature');
      return;
    }
    let event: ReturnType<typeof stripe.webhooks.constructEvent>;
    try {
      event = stripe.webhooks.constructEvent(body, signature, secret);
    } catch {
      res.status(400).send('invalid signature');
      return;
    }
    insert.run(event.id, event.type, event.created, body.toString('utf8'), Date.now());
    res.json({ received: true });
  });
  const server = createServer(app);
  const port = await listenOn(server);
  return {
    target: { host: '127.0.0.1', port, path: '/webhooks/stripe' },
    description: 'Express 4, express.raw, stripe.webhooks.constructEvent, INSERT OR IGNORE (WAL, synchronous NORMAL)',
    check: async () => {
      const row = db.prepare('SELECT COUNT(*) AS n FROM webhook_events').get() as { n: number };
      return { rows: row.n, source: 'SELECT COUNT(*) FROM webhook_events', detail: {} };
    },
    close: async () => {
      await closeServer(server);
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const SECRETS_ENV = 'INTERLOCK_BENCH_WEBHOOK_SECRETS';
const PROVIDER = 'stripe';
const OUTCOMES = ['accepted', 'duplicate', 'forged', 'malformed', 'too_large', 'store_unavailable'] as const;

/** What the hub stores on, and how to remove it afterwards. */
interface Engine {
  config: Pick<HubConfigInput, 'store' | 'queue'>;
  env: Record<string, string>;
  description: string;
  remove(): Promise<void>;
}

/** A fresh SQLite file in a temp dir, or a fresh schema (and Redis key prefix) of its own per run, never an existing one. */
async function engineFor(kind: InterlockKind): Promise<Engine> {
  if (kind === 'interlock') {
    const dir = mkdtempSync(join(tmpdir(), 'interlock-bench-hub-'));
    return {
      config: { store: { kind: 'sqlite', path: join(dir, 'hub.db') } },
      env: {},
      description: 'SQLite store (temp dir)',
      remove: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const { dropSchema, deleteRedisPrefix, postgresUrl, POSTGRES_URL_ENV, REDIS_SERVICE } = await import('./services.js');
  const name = `bench_ingest_${randomBytes(4).toString('hex')}`;
  const url = postgresUrl();
  const store = { kind: 'postgres', connectionStringEnv: POSTGRES_URL_ENV, schema: name } as const;
  if (kind === 'interlock-postgres') {
    return { config: { store }, env: { [POSTGRES_URL_ENV]: url }, description: `PostgreSQL store (schema ${name})`, remove: () => dropSchema(url, name) };
  }
  return {
    config: { store, queue: { kind: 'bullmq', host: REDIS_SERVICE.host, port: REDIS_SERVICE.port, prefix: name } },
    env: { [POSTGRES_URL_ENV]: url },
    description: `PostgreSQL store (schema ${name}) + BullMQ queue (Redis ${REDIS_SERVICE.host}:${REDIS_SERVICE.port}, prefix ${name})`,
    remove: async () => {
      // Both, even if one fails: a run must not leave either behind.
      const removed = await Promise.allSettled([dropSchema(url, name), deleteRedisPrefix(name)]);
      const failed = removed.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
      if (failed) throw failed.reason;
    },
  };
}

/** startHub on one engine, running the Stripe connector's webhook intake, workers not started. */
async function startInterlock(secret: string, kind: InterlockKind): Promise<Running> {
  const { loadConfig, silentLog, startHub } = await import('@interlock/hub');
  const { descriptor } = await import('@interlock/stripe');
  const engine = await engineFor(kind);
  let warnings = 0;
  let hub: Awaited<ReturnType<typeof startHub>>;
  try {
    const config = loadConfig(undefined, {
      host: '127.0.0.1',
      port: 0,
      ...engine.config,
      reconciliation: { enabled: false },
      polling: { enabled: false },
      providers: [{ name: PROVIDER, connector: '@interlock/stripe', webhookSecretsEnv: SECRETS_ENV }],
    });
    hub = await startHub({
      config,
      // The connector needs an API key to be built; the acknowledgement path never calls Stripe.
      env: { [SECRETS_ENV]: secret, STRIPE_API_KEYS: 'sk_test_bench_never_used', ...engine.env },
      descriptors: { '@interlock/stripe': descriptor },
      // The acknowledgement path only: events are stored and left queued.
      startWorkers: false,
      log: {
        ...silentLog,
        warn: (message, fields) => {
          // A handful is enough to see what went wrong; a flood of them would be the benchmark.
          if (++warnings <= 5) console.warn(`[${kind} server] ${message} ${JSON.stringify(fields)}`);
        },
      },
    });
  } catch (error) {
    // A schema migrated before Redis refused is still a schema to drop.
    await engine.remove().catch(() => undefined);
    throw error;
  }
  const url = new URL(hub.url);
  return {
    target: { host: url.hostname, port: Number(url.port), path: `/webhooks/${PROVIDER}` },
    description: `startHub, ${engine.description}, provider ${PROVIDER} (@interlock/stripe), startWorkers: false`,
    check: async () => {
      const counts = await hub.queue.counts();
      const detail: Record<string, number> = {};
      let rows = 0;
      for (const [status, count] of Object.entries(counts)) {
        detail[`queue.${status}`] = count;
        rows += count;
      }
      for (const outcome of OUTCOMES) {
        const count = hub.metrics.webhooks.get({ provider: PROVIDER, outcome });
        if (count > 0 || outcome === 'accepted' || outcome === 'duplicate') detail[`webhooks.${outcome}`] = count;
      }
      detail['log.warnings'] = warnings;
      return { rows, source: 'sum of hub.queue.counts()', detail };
    },
    close: async () => {
      try {
        await hub.close();
      } finally {
        await engine.remove();
      }
    },
  };
}

async function main(): Promise<void> {
  const kind = process.argv[2] as ServerKind | undefined;
  const secret = process.env['INTERLOCK_BENCH_SECRET'];
  if (secret === undefined || secret === '') throw new Error('INTERLOCK_BENCH_SECRET is not set');
  let running: Running;
  if (kind === 'bare') running = await startBare();
  else if (kind === 'naive') running = await startNaive(secret);
  else if (kind !== undefined && isInterlock(kind)) running = await startInterlock(secret, kind);
  else throw new Error(`unknown server kind ${String(kind)}`);

  process.on('message', (message: unknown) => {
    if (!isTyped(message)) return;
    const answer = async (): Promise<void> => {
      if (message.type === 'cpu') {
        const usage = process.cpuUsage();
        await send({ type: 'cpu', cpuUs: usage.user + usage.system, at: performance.now() });
      } else if (message.type === 'check') {
        await send({ type: 'check', check: await running.check() });
      } else if (message.type === 'close') {
        await running.close();
        await send({ type: 'closed' });
        // Exiting explicitly (rather than when the loop drains) is what writes a --cpu-prof profile
        // even if a library left a timer behind.
        process.disconnect();
        process.exit(0);
      }
    };
    answer().catch((error: unknown) => {
      void send({ type: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    });
  });
  await send({ type: 'ready', target: running.target, description: running.description });
}

main().catch(async (error: unknown) => {
  await send({ type: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) }).catch(() => undefined);
  process.exitCode = 1;
  process.disconnect?.();
});

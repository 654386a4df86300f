import type { IncomingMessage, ServerResponse } from 'node:http';
import { isIntegrationError, RateLimiter, sortableId, type Clock, type EventQueue } from '@interlock/core';
import type { HubMetrics } from '../metrics/hub-metrics.js';
import type { IngressProvider } from './ingress-provider.js';

export interface IngressLog {
  warn(message: string, fields: Readonly<Record<string, string | number>>): void;
}

export interface WebhookIngressOptions {
  providers: ReadonlyMap<string, IngressProvider>;
  queue: EventQueue;
  clock: Clock;
  metrics: HubMetrics;
  maxBodyBytes: number;
  unauthenticatedPerMinute: number;
  log: IngressLog;
}

function reply(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

const ACCEPTED = '{"status":"accepted"}';
const DUPLICATE = '{"status":"duplicate"}';

/** Reads the raw body (verification needs the exact bytes), refusing more than `limit`. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve('too_large');
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * `POST /webhooks/:provider`: verify the signature on the raw body, dedupe and durably queue,
 * then answer 200 — and nothing else. Processing happens in the workers, so a slow provider
 * read or a busy database never holds a webhook's acknowledgement.
 */
export function createWebhookIngress(options: WebhookIngressOptions): (req: IncomingMessage, res: ServerResponse, providerName: string) => Promise<void> {
  const { providers, queue, clock, metrics, log } = options;
  const unauthenticated = new RateLimiter({ clock });
  const window = [{ limit: options.unauthenticatedPerMinute, windowMs: 60_000 }];

  return async (req, res, providerName) => {
    const started = performance.now();
    const done = (status: number, body: string, outcome: string): void => {
      reply(res, status, body);
      metrics.webhooks.inc({ provider: providerName, outcome });
      metrics.ackSeconds.observe({ provider: providerName }, (performance.now() - started) / 1000);
    };
    const provider = providers.get(providerName);
    if (!provider) return done(404, '{"error":"unknown provider"}', 'unknown_provider');
    if (req.method !== 'POST') return done(405, '{"error":"method not allowed"}', 'bad_method');
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > options.maxBodyBytes) return done(413, '{"error":"body too large"}', 'too_large');
    if (!provider.signed) {
      try {
        const address = req.socket.remoteAddress ?? 'unknown';
        await unauthenticated.acquire({ rules: [{ key: `${providerName}:${address}`, windows: window }], maxWaitMs: 0, scope: { provider: providerName, endpoint: 'webhook', correlationId: '-' } });
      } catch {
        return done(429, '{"error":"too many requests"}', 'rate_limited');
      }
    }
    const body = await readBody(req, options.maxBodyBytes);
    if (body === 'too_large') return done(413, '{"error":"body too large"}', 'too_large');
    const now = clock.now();
    const auth = provider.authenticate(body, req.headers, now);
    if (!auth.ok) {
      // The body is never logged: it is unverified and may carry anything.
      log.warn('webhook refused', { provider: providerName, reason: auth.reason, bytes: body.length });
      return done(400, '{"error":"invalid signature"}', 'forged');
    }
    const text = body.toString('utf8');
    let payload: unknown;
    try {
      payload = JSON.parse(text);
    } catch {
      return done(400, '{"error":"body is not JSON"}', 'malformed');
    }
    let identity: ReturnType<IngressProvider['identify']>;
    try {
      identity = provider.identify(payload, req.headers);
    } catch (error) {
      if (!isIntegrationError(error)) throw error;
      identity = undefined;
    }
    if (!identity) return done(400, '{"error":"payload has no event id or type"}', 'malformed');
    if (provider.expired(identity, now)) {
      log.warn('webhook refused', { provider: providerName, reason: 'outside_replay_window', bytes: body.length });
      return done(400, '{"error":"outside the replay window"}', 'expired');
    }
    try {
      const result = await queue.accept({
        id: sortableId(now),
        provider: providerName,
        eventId: identity.eventId,
        type: identity.type,
        receivedAt: now,
        occurredAt: identity.occurredAt,
        payload: text,
        correlationId: typeof req.headers['x-correlation-id'] === 'string' ? req.headers['x-correlation-id'] : undefined,
      });
      return result === 'accepted' ? done(200, ACCEPTED, 'accepted') : done(200, DUPLICATE, 'duplicate');
    } catch (error) {
      // Not stored means not acknowledged: the provider will deliver it again.
      log.warn('webhook not stored', { provider: providerName, error: error instanceof Error ? error.message : 'unknown' });
      return done(503, '{"error":"temporarily unavailable"}', 'store_unavailable');
    }
  };
}

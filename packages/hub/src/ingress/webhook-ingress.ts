import type { IncomingMessage, ServerResponse } from 'node:http';
import { sortableId, type Clock, type EventQueue } from '@interlock/core';
import type { HubMetrics } from '../metrics/hub-metrics.js';
import type { HubLog } from '../logging/log.js';
import { currentTraceContext } from '../tracing/trace-context.js';
import { inWebhookSpan } from '../tracing/webhook-span.js';
import { AddressLimiter } from './address-limiter.js';
import type { IngressProvider } from './ingress-provider.js';

export interface WebhookIngressOptions {
  providers: ReadonlyMap<string, IngressProvider>;
  queue: EventQueue;
  clock: Clock;
  metrics: HubMetrics;
  maxBodyBytes: number;
  unauthenticatedPerMinute: number;
  /** Addresses the unsigned-provider limiter remembers at once; more share one count. Default 10,000. */
  maxTrackedAddresses?: number;
  log: HubLog;
}

/** The one label every name that is not a configured provider shares. */
export const UNKNOWN_PROVIDER = 'unknown';

function reply(res: ServerResponse, status: number, body: string, close = false): void {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...(close ? { connection: 'close' } : {}) });
  res.end(body);
}

const ACCEPTED = '{"status":"accepted"}';
const DUPLICATE = '{"status":"duplicate"}';
const TOO_LARGE = '{"error":"body too large"}';

/**
 * Reads the raw body (verification needs the exact bytes), refusing more than `limit`. Past the
 * limit it stops keeping what arrives but does not reset the connection: the caller answers 413
 * and closes, so the client reads the answer instead of a reset.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData);
      chunks.length = 0;
      resolve('too_large');
    };
    req.on('data', onData);
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
  const unauthenticated = new AddressLimiter(options.unauthenticatedPerMinute, 60_000, options.maxTrackedAddresses ?? 10_000);

  const handle = async (req: IncomingMessage, res: ServerResponse, providerName: string): Promise<void> => {
    const started = performance.now();
    const provider = providers.get(providerName);
    // Labels come from the config, never from the path: any other name shares one series.
    const label = provider?.name ?? UNKNOWN_PROVIDER;
    const done = (status: number, body: string, outcome: string, close = false): void => {
      reply(res, status, body, close);
      metrics.webhooks.inc({ provider: label, outcome });
      metrics.ackSeconds.observe({ provider: label }, (performance.now() - started) / 1000);
    };
    const tooLarge = (): void => {
      // Whatever is still on its way is read and dropped, then the connection closes.
      req.resume();
      done(413, TOO_LARGE, 'too_large', true);
    };
    if (!provider) return done(404, '{"error":"unknown provider"}', 'unknown_provider');
    if (req.method !== 'POST') return done(405, '{"error":"method not allowed"}', 'bad_method');
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > options.maxBodyBytes) return tooLarge();
    if (!provider.signed && !unauthenticated.take(req.socket.remoteAddress ?? 'unknown', clock.now())) {
      return done(429, '{"error":"too many requests"}', 'rate_limited');
    }
    const body = await readBody(req, options.maxBodyBytes);
    if (body === 'too_large') return tooLarge();
    const now = clock.now();
    const admission = provider.admit(body, req.headers, now);
    if (!admission.ok) {
      // The body is never logged or echoed: it is unverified and may carry anything. The reason
      // names a field or a check, never a value; the headers show what was sent (a signature's
      // time, a missing header), those that carry a credential censored by the log.
      log.warn('webhook refused', { provider: provider.name, refusal: admission.refusal, reason: admission.reason, bytes: body.length, headers: req.headers });
      const error = admission.refusal === 'forged' ? 'invalid signature' : admission.reason;
      return done(400, JSON.stringify({ error }), admission.refusal);
    }
    const { identity, text } = admission;
    try {
      const result = await queue.accept({
        id: sortableId(now),
        provider: provider.name,
        eventId: identity.eventId,
        type: identity.type,
        receivedAt: now,
        occurredAt: identity.occurredAt,
        payload: text,
        correlationId: typeof req.headers['x-correlation-id'] === 'string' ? req.headers['x-correlation-id'] : undefined,
        traceContext: currentTraceContext(),
      });
      return result === 'accepted' ? done(200, ACCEPTED, 'accepted') : done(200, DUPLICATE, 'duplicate');
    } catch (error) {
      // Not stored means not acknowledged: the provider will deliver it again.
      log.warn('webhook not stored', { provider: provider.name, eventId: identity.eventId, error: error instanceof Error ? error.message : 'unknown' });
      return done(503, '{"error":"temporarily unavailable"}', 'store_unavailable');
    }
  };
  return (req, res, providerName) => inWebhookSpan(req, res, providers.get(providerName)?.name ?? UNKNOWN_PROVIDER, () => handle(req, res, providerName));
}

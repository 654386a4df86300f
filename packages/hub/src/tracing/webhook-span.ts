import type { IncomingMessage, ServerResponse } from 'node:http';
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Tracer } from '@opentelemetry/api';

/** Asked for at each span, not kept: a provider registered (or replaced) after this module loaded is the one used. */
const tracer = (): Tracer => trace.getTracer('@interlock/hub');

/** The route every provider's webhooks share: the span name and `http.route` never carry a provider's name. */
const WEBHOOK_ROUTE = '/webhooks/{provider}';

/**
 * Runs a webhook's handling inside a SERVER span (HTTP server semantic conventions) that
 * continues the sender's trace when it sent a `traceparent`, so the event it queues, and the
 * worker that applies it, belong to that trace. `provider` is the configured name, or the shared
 * unknown label: never the raw path.
 */
export async function inWebhookSpan(req: IncomingMessage, res: ServerResponse, provider: string, handle: () => Promise<void>): Promise<void> {
  const parent = propagation.extract(ROOT_CONTEXT, req.headers);
  const span = tracer().startSpan(
    `${req.method ?? 'POST'} ${WEBHOOK_ROUTE}`,
    { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method ?? 'POST', 'http.route': WEBHOOK_ROUTE, 'interlock.provider': provider } },
    parent,
  );
  try {
    await context.with(trace.setSpan(parent, span), handle);
  } finally {
    span.setAttribute('http.response.status_code', res.statusCode);
    if (res.statusCode >= 500) {
      span.setAttribute('error.type', String(res.statusCode));
      span.setStatus({ code: SpanStatusCode.ERROR });
    }
    span.end();
  }
}

import { context, SpanKind, SpanStatusCode, trace, type Tracer } from '@opentelemetry/api';
import type { EventHandler } from '@interlock/core';
import { contextOf } from './trace-context.js';

/** Asked for at each span, not kept: a provider registered (or replaced) after this module loaded is the one used. */
const tracer = (): Tracer => trace.getTracer('@interlock/hub');

/**
 * The worker's handler, each event applied inside a CONSUMER span that is a child of the span
 * that queued it (the webhook's, from the trace context the event carries), so one webhook is
 * one trace from ingress to the applied record, provider calls made while applying included.
 */
export function tracedHandler(handler: EventHandler): EventHandler {
  return async (event) => {
    const parent = contextOf(event.traceContext);
    const span = tracer().startSpan(
      `apply ${event.type}`,
      {
        kind: SpanKind.CONSUMER,
        attributes: { 'interlock.provider': event.provider, 'interlock.event.id': event.eventId, 'interlock.event.type': event.type, 'interlock.event.attempt': event.attempts },
      },
      parent,
    );
    try {
      const outcome = await context.with(trace.setSpan(parent, span), () => handler(event));
      span.setAttribute('interlock.event.outcome', outcome.status);
      if (outcome.status !== 'applied') span.setAttribute('interlock.reason', outcome.reason);
      if (outcome.status === 'dead' || outcome.status === 'retry') span.setStatus({ code: SpanStatusCode.ERROR, message: outcome.reason });
      return outcome;
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  };
}

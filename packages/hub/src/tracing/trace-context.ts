import { context, defaultTextMapGetter, defaultTextMapSetter, ROOT_CONTEXT, type Context } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import type { TraceContext } from '@interlock/core';

/** Queued events keep the W3C format whatever propagators the process uses for HTTP. */
const w3c = new W3CTraceContextPropagator();

/** The active trace as W3C headers for an event to carry through the queue; undefined when there is no trace. */
export function currentTraceContext(): TraceContext | undefined {
  const carrier: Record<string, string> = {};
  w3c.inject(context.active(), carrier, defaultTextMapSetter);
  const { traceparent, tracestate } = carrier;
  if (traceparent === undefined) return undefined;
  return tracestate === undefined ? { traceparent } : { traceparent, tracestate };
}

/** The context an event's trace continues from: the root when it carries none. */
export function contextOf(traceContext: TraceContext | undefined): Context {
  if (traceContext === undefined) return ROOT_CONTEXT;
  return w3c.extract(ROOT_CONTEXT, traceContext, defaultTextMapGetter);
}

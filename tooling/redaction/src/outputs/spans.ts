import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';

/**
 * The spans a run produced, as a trace backend would store them: registered as the process's
 * tracer provider while the run lasts, then written out whole (names, attributes, events with
 * their attributes, statuses), the way an exporter would send them.
 */
export class SpanCapture {
  private readonly exporter = new InMemorySpanExporter();
  private readonly provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(this.exporter)] });

  start(): this {
    trace.setGlobalTracerProvider(this.provider);
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    return this;
  }

  /** Stops capturing and gives every finished span as text. */
  async stop(): Promise<string> {
    const spans = this.exporter.getFinishedSpans().map((span) => ({
      name: span.name,
      attributes: span.attributes,
      events: span.events.map((event) => ({ name: event.name, attributes: event.attributes })),
      status: span.status,
    }));
    await this.provider.shutdown();
    trace.disable();
    context.disable();
    return spans.map((span) => JSON.stringify(span)).join('\n');
  }
}

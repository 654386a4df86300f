import { NodeSDK } from '@opentelemetry/sdk-node';

export interface HubTracing {
  /** Exports what is still buffered, then stops; only the hub that started the SDK stops it. */
  shutdown(): Promise<void>;
}

const OFF: HubTracing = { shutdown: () => Promise.resolve() };

/** The one SDK of this process: the global tracer provider can be registered once. */
let running: NodeSDK | undefined;

/**
 * Whether the environment asks for traces. The SDK's own default is to export to an OTLP
 * collector on localhost; ours is to stay off, so a hub (and every test) started with no
 * OTEL_* variable sends nothing anywhere. Asking is naming a traces exporter other than `none`,
 * or an OTLP endpoint; OTEL_SDK_DISABLED=true wins over both.
 */
export function tracingRequested(env: NodeJS.ProcessEnv): boolean {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return false;
  const exporters = (env.OTEL_TRACES_EXPORTER ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (exporters.length > 0) return !exporters.includes('none');
  return Boolean(env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim());
}

/**
 * Starts the OpenTelemetry SDK for traces when the process environment asks for them (see
 * {@link tracingRequested}). It is the process's environment, not the hub's `env` option: the
 * SDK reads every standard OTEL_* variable from there itself (exporter, protocol, endpoint,
 * headers, service name, resource attributes, sampler, propagators).
 * Metrics stay on Prometheus's `/metrics` and logs on pino, so the SDK is given no metric
 * reader and no log processor.
 */
export function startTracing(): HubTracing {
  if (running || !tracingRequested(process.env)) return OFF;
  const sdk = new NodeSDK({
    ...(process.env.OTEL_SERVICE_NAME ? {} : { serviceName: 'interlock-hub' }),
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();
  running = sdk;
  return {
    shutdown: async () => {
      if (running !== sdk) return;
      running = undefined;
      await sdk.shutdown();
    },
  };
}

import { OTLPMetricExporter as JsonMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPMetricExporter as ProtobufMetricExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import { ConsoleMetricExporter, PeriodicExportingMetricReader, type PushMetricExporter } from '@opentelemetry/sdk-metrics';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { RegistryMetricProducer } from '../metrics/otel-metrics.js';
import type { MetricsRegistry } from '../metrics/registry.js';

export interface HubTelemetryExport {
  /** Exports what is still buffered, then stops; only the hub that started the SDK stops it. */
  shutdown(): Promise<void>;
}

const OFF: HubTelemetryExport = { shutdown: () => Promise.resolve() };
const DEFAULT_METRIC_INTERVAL_MS = 60_000;

/** The one SDK of this process: the global providers can be registered once. */
let running: NodeSDK | undefined;

function names(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

function disabled(env: NodeJS.ProcessEnv): boolean {
  return env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true';
}

/**
 * Whether the environment asks for traces. The SDK's own default is to export to an OTLP
 * collector on localhost; ours is to stay off, so a hub (and every test) started with no
 * OTEL_* variable sends nothing anywhere. Asking is naming a traces exporter other than `none`,
 * or an OTLP endpoint; OTEL_SDK_DISABLED=true wins over both.
 */
export function tracingRequested(env: NodeJS.ProcessEnv): boolean {
  if (disabled(env)) return false;
  const exporters = names(env.OTEL_TRACES_EXPORTER);
  if (exporters.length > 0) return !exporters.includes('none');
  return Boolean(env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim());
}

/**
 * The metrics exporter OTEL_METRICS_EXPORTER names, `otlp` or `console`, if any. Unlike traces,
 * only a named one turns metrics on: `/metrics` already serves them, so an endpoint alone does not.
 */
export function metricsExporterRequested(env: NodeJS.ProcessEnv): 'otlp' | 'console' | undefined {
  const exporters = names(env.OTEL_METRICS_EXPORTER);
  if (disabled(env) || exporters.includes('none')) return undefined;
  if (exporters.includes('otlp')) return 'otlp';
  return exporters.includes('console') ? 'console' : undefined;
}

function metricExporter(kind: 'otlp' | 'console', env: NodeJS.ProcessEnv): PushMetricExporter {
  if (kind === 'console') return new ConsoleMetricExporter();
  const protocol = (env.OTEL_EXPORTER_OTLP_METRICS_PROTOCOL ?? env.OTEL_EXPORTER_OTLP_PROTOCOL ?? '').trim();
  // Each reads its endpoint, headers and timeout from the OTEL_EXPORTER_OTLP_* variables itself.
  return protocol === 'http/json' ? new JsonMetricExporter() : new ProtobufMetricExporter();
}

/**
 * Starts the OpenTelemetry SDK when the process environment asks for traces (see
 * {@link tracingRequested}) or for metrics ({@link metricsExporterRequested}). It is the
 * process's environment, not the hub's `env` option: the SDK reads the standard OTEL_* variables
 * from there itself (protocol, endpoint, headers, service name, resource attributes, sampler,
 * propagators). The metrics exported are the registry's, the same `/metrics` shows, every
 * OTEL_METRIC_EXPORT_INTERVAL ms (default 60 s). Logs stay on pino: no log processor.
 */
export function startOpenTelemetry(registry: MetricsRegistry): HubTelemetryExport {
  const { env } = process;
  if (running) return OFF;
  const traces = tracingRequested(env);
  const metricsKind = metricsExporterRequested(env);
  if (!traces && !metricsKind) return OFF;
  const exporter = metricsKind && metricExporter(metricsKind, env);
  const interval = Number(env.OTEL_METRIC_EXPORT_INTERVAL);
  const sdk = new NodeSDK({
    ...(env.OTEL_SERVICE_NAME ? {} : { serviceName: 'interlock-hub' }),
    // Without traces asked for, no span processor: the SDK would otherwise default to OTLP.
    ...(traces ? {} : { spanProcessors: [] }),
    metricReaders: exporter
      ? [new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: interval > 0 ? interval : DEFAULT_METRIC_INTERVAL_MS, metricProducers: [new RegistryMetricProducer(registry)] })]
      : [],
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

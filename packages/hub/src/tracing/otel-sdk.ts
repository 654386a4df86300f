import type { PushMetricExporter } from '@opentelemetry/sdk-metrics';
import type { NodeSDK } from '@opentelemetry/sdk-node';
import { loadOptional } from '../optional-package.js';
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

const SDK_PURPOSE = 'Exporting OpenTelemetry (OTEL_* variables)';

async function metricExporter(kind: 'otlp' | 'console', env: NodeJS.ProcessEnv): Promise<PushMetricExporter> {
  if (kind === 'console') return new (await loadOptional('@opentelemetry/sdk-metrics', SDK_PURPOSE, () => import('@opentelemetry/sdk-metrics'))).ConsoleMetricExporter();
  const protocol = (env.OTEL_EXPORTER_OTLP_METRICS_PROTOCOL ?? env.OTEL_EXPORTER_OTLP_PROTOCOL ?? '').trim();
  // Each reads its endpoint, headers and timeout from the OTEL_EXPORTER_OTLP_* variables itself.
  if (protocol === 'http/json') return new (await loadOptional('@opentelemetry/exporter-metrics-otlp-http', SDK_PURPOSE, () => import('@opentelemetry/exporter-metrics-otlp-http'))).OTLPMetricExporter();
  return new (await loadOptional('@opentelemetry/exporter-metrics-otlp-proto', SDK_PURPOSE, () => import('@opentelemetry/exporter-metrics-otlp-proto'))).OTLPMetricExporter();
}

/** Starts the OpenTelemetry SDK over a registry, or does nothing when the environment asked for nothing. */
export type OpenTelemetryStarter = (registry: MetricsRegistry) => HubTelemetryExport;

const STAYS_OFF: OpenTelemetryStarter = () => OFF;

/**
 * Loads the OpenTelemetry SDK when the process environment asks for traces (see
 * {@link tracingRequested}) or for metrics ({@link metricsExporterRequested}), before the hub
 * opens anything, so a missing SDK package stops the start with the command that installs it.
 * The SDK packages are optional peers: a hub that exports nothing installs none of them.
 *
 * It is the process's environment, not the hub's `env` option: the SDK reads the standard OTEL_*
 * variables from there itself (protocol, endpoint, headers, service name, resource attributes,
 * sampler, propagators). The metrics exported are the registry's, the same `/metrics` shows, every
 * OTEL_METRIC_EXPORT_INTERVAL ms (default 60 s). Logs stay on pino: no log processor.
 */
export async function prepareOpenTelemetry(): Promise<OpenTelemetryStarter> {
  const { env } = process;
  const traces = tracingRequested(env);
  const metricsKind = metricsExporterRequested(env);
  if (!traces && !metricsKind) return STAYS_OFF;
  const { NodeSDK: Sdk } = await loadOptional('@opentelemetry/sdk-node', SDK_PURPOSE, () => import('@opentelemetry/sdk-node'));
  const exporter = metricsKind && (await metricExporter(metricsKind, env));
  const readers = exporter && {
    sdkMetrics: await loadOptional('@opentelemetry/sdk-metrics', SDK_PURPOSE, () => import('@opentelemetry/sdk-metrics')),
    producers: await import('../metrics/otel-metrics.js'),
  };
  const interval = Number(env.OTEL_METRIC_EXPORT_INTERVAL);
  return (registry) => {
    if (running) return OFF;
    const sdk = new Sdk({
      ...(env.OTEL_SERVICE_NAME ? {} : { serviceName: 'interlock-hub' }),
      // Without traces asked for, no span processor: the SDK would otherwise default to OTLP.
      ...(traces ? {} : { spanProcessors: [] }),
      metricReaders:
        exporter && readers
          ? [
              new readers.sdkMetrics.PeriodicExportingMetricReader({
                exporter,
                exportIntervalMillis: interval > 0 ? interval : DEFAULT_METRIC_INTERVAL_MS,
                metricProducers: [new readers.producers.RegistryMetricProducer(registry)],
              }),
            ]
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
  };
}

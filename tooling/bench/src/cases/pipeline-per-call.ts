import { createProviderClient, OtelSpanSink, type ProviderClientOptions, type TelemetrySink, type Transport, type TransportResponse } from '@interlock/core';
import { bulkhead, circuitBreaker, ConsecutiveBreaker, handleAll, retry, wrap } from 'cockatiel';
import { fixed, ratio, runSequential, table, type SequentialResult } from '../harness.js';

export const TARGET_US_PER_CALL = 3;

export interface PipelineCaseResult {
  name: string;
  description: string;
  unit: 'µs/call';
  targetMax: number;
  contenders: (SequentialResult & { ratioOursOver: number | null })[];
  oursUsPerCall: number;
  meetsTarget: boolean;
}

// One response object shared by every call: the transport's own allocations are not the
// pipeline's cost, and nothing downstream mutates a response.
const okResponse: TransportResponse = { status: 200, headers: new Headers(), bodyText: '' };
const noop = async (): Promise<TransportResponse> => okResponse;

/**
 * "Pipeline per call, no I/O": everything the client does around an HTTP exchange (queue,
 * limiter, breaker, retry loop, attempt timeout, classification, telemetry emit) with an HTTP
 * step that answers at once, awaited one call after another.
 */
export async function pipelinePerCall(options: { quick: boolean }): Promise<PipelineCaseResult> {
  const transport: Transport = noop;
  // Limits far above anything one process reaches, so the limiter does its bookkeeping but never waits.
  const high = [{ limit: 1_000_000_000, windowMs: 1_000 }];
  const clientOptions: ProviderClientOptions<'getThing'> = {
    provider: 'bench',
    baseUrl: 'https://api.bench.invalid/v1',
    endpoints: { getThing: { method: 'GET', path: '/things/1', rateLimits: high } },
    accountRateLimits: high,
    transport,
    // Breaker, retry and retry budget stay at their defaults: the target is for the pipeline as shipped.
  };
  const client = createProviderClient(clientOptions);
  // What the span sink adds where sinks already listen (as in the hub), with no OpenTelemetry SDK registered.
  const ignoring: TelemetrySink = { emit: () => undefined };
  const observed = createProviderClient({ ...clientOptions, telemetry: [ignoring] });
  const traced = createProviderClient({ ...clientOptions, telemetry: [ignoring, new OtelSpanSink()] });
  // The client makes the URL, the Headers and the attempt's signal (with its timer) only when a
  // transport reads them, and the no-op above reads none. A real transport (ky) reads all three:
  // this row shows what they add.
  const reading: Transport = (request) => (request.url && request.headers && request.signal ? noop() : Promise.reject(new Error('unread')));
  const readingClient = createProviderClient({ ...clientOptions, transport: reading });
  // A sanity call: a misconfigured client would otherwise be timed while it fails fast.
  const probe = await client.request('getThing');
  if (probe.status !== 200) throw new Error(`pipeline probe answered ${probe.status}`);

  const cockatielPolicy = wrap(
    retry(handleAll, { maxAttempts: 3 }),
    circuitBreaker(handleAll, { halfOpenAfter: 10_000, breaker: new ConsecutiveBreaker(5) }),
    bulkhead(100),
  );

  const results = await runSequential(
    [
      { name: 'interlock createProviderClient', call: () => client.request('getThing') },
      { name: 'cockatiel wrap(retry, breaker, bulkhead)', call: () => cockatielPolicy.execute(noop) },
      { name: 'plain await fn()', call: noop },
      { name: 'interlock, one sink that ignores events', call: () => observed.request('getThing') },
      { name: 'interlock, that sink + OtelSpanSink, no SDK', call: () => traced.request('getThing') },
      { name: 'interlock, transport reads URL, headers, signal', call: () => readingClient.request('getThing') },
    ],
    options.quick ? { warmupMs: 200, roundMs: 100, rounds: 3 } : { warmupMs: 1_000, roundMs: 400, rounds: 7 },
  );
  const ours = results[0] as SequentialResult;
  return {
    name: 'pipeline per call, no I/O',
    description:
      'createProviderClient, one GET endpoint, transport resolves at once, breaker on, retry defaults, limits 1e9/s, no telemetry sinks; calls awaited one after another',
    unit: 'µs/call',
    targetMax: TARGET_US_PER_CALL,
    contenders: results.map((result, index) => ({ ...result, ratioOursOver: index === 0 ? null : ours.usPerCall / result.usPerCall })),
    oursUsPerCall: ours.usPerCall,
    meetsTarget: ours.usPerCall <= TARGET_US_PER_CALL,
  };
}

export function formatPipeline(result: PipelineCaseResult): string {
  const ours = result.contenders[0];
  const rows = result.contenders.map((contender) => [
    contender.name,
    fixed(contender.usPerCall, 3),
    `${fixed(Math.min(...contender.roundsUs), 3)}–${fixed(Math.max(...contender.roundsUs), 3)}`,
    fixed(1_000_000 / contender.usPerCall / 1000, 0),
    contender.iterations.toLocaleString('en-US'),
    ours && contender !== ours ? ratio(ours.usPerCall, contender.usPerCall) : '—',
  ]);
  return [
    `1. ${result.name}`,
    `   ${result.description}`,
    table(['contender', 'µs/call (median)', 'rounds min–max', 'k calls/s', 'calls/round', 'ours / this'], rows),
    `   target: ours ≤ ${result.targetMax} µs/call -> ${result.meetsTarget ? 'MET' : 'NOT MET'} (${fixed(result.oursUsPerCall, 3)} µs). Ratio > 1 means ours is slower.`,
  ].join('\n');
}

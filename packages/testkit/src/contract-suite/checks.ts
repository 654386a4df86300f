import assert from 'node:assert/strict';
import { isIntegrationError, isRetryableKind, type IntegrationError } from '@interlock/core';
import { FakeClock, maxInAnyWindow, MemoryTelemetrySink, type FaultReply } from '@interlock/core/testing';
import { ProviderSimulator } from '../simulator/provider-simulator.js';
import type { ConnectorContractSpec, SuiteOperation } from './spec.js';

/** One check of the shared suite; `run` throws an AssertionError when the connector fails it. */
export interface ContractCheck {
  name: string;
  run(): Promise<void>;
}

interface Stage<C> {
  simulator: ProviderSimulator;
  connector: C;
  sink: MemoryTelemetrySink;
  clock: FakeClock;
}

async function withStage<C>(spec: ConnectorContractSpec<C>, body: (stage: Stage<C>) => Promise<void>): Promise<void> {
  const clock = new FakeClock({ autoAdvance: true });
  const simulator = await ProviderSimulator.start({ clock, idempotencyHeader: false });
  const sink = new MemoryTelemetrySink();
  try {
    const connector = spec.create({ baseUrl: simulator.url, clock, fetch: clock.trackFetch(), telemetry: [sink] });
    await body({ simulator, connector, sink, clock });
  } finally {
    await simulator.close();
  }
}

async function rejection(promise: Promise<unknown>, what: string): Promise<IntegrationError> {
  const outcome = await promise.then(
    () => ({ resolved: true as const }),
    (error: unknown) => ({ resolved: false as const, error }),
  );
  assert.ok(!outcome.resolved, `${what}: expected the call to fail`);
  assert.ok(isIntegrationError(outcome.error), `${what}: expected an IntegrationError, got ${String(outcome.error)}`);
  return outcome.error;
}

/** Answers each request to the operation's route with the next reply; the last one repeats. */
function serve<C>(simulator: ProviderSimulator, operation: SuiteOperation<C>, replies: readonly FaultReply[]): void {
  let index = 0;
  simulator.route(operation.method, operation.path, () => replies[Math.min(index++, replies.length - 1)] as FaultReply);
}

function operationOf<C>(spec: ConnectorContractSpec<C>, which: 'read' | 'write' | undefined): SuiteOperation<C> {
  if (which === 'write') {
    assert.ok(spec.write, 'the spec names a write operation but declares none');
    return spec.write;
  }
  return spec.read;
}

/** The checks every connector must pass, each on a fresh simulator and fake clock. */
export function connectorContractChecks<C>(spec: ConnectorContractSpec<C>): ContractCheck[] {
  const checks: ContractCheck[] = [
    {
      name: 'classifies each documented provider error to its kind',
      // A fresh stage per error: several transient errors in a row would open the endpoint's
      // circuit, and the next error would then be classified as the open circuit instead.
      run: async () => {
        for (const documented of spec.errors) {
          await withStage(spec, async ({ simulator, connector }) => {
            const operation = operationOf(spec, documented.operation);
            serve(simulator, operation, [documented.reply]);
            const error = await rejection(operation.call(connector), documented.name);
            assert.equal(error.kind, documented.kind, `${documented.name}: classified as ${error.kind}, documented as ${documented.kind}`);
            assert.equal(error.provider, spec.provider, `${documented.name}: error names provider ${error.provider}`);
          });
        }
      },
    },
    {
      name: 'retries a transient failure and then succeeds',
      run: () =>
        withStage(spec, async ({ simulator, connector }) => {
          serve(simulator, spec.read, [{ status: 503, body: { error: 'unavailable' } }, spec.read.reply]);
          await spec.read.call(connector);
          assert.equal(simulator.count(spec.read.method, spec.read.path), 2, 'a 503 must be retried exactly once before the success');
        }),
    },
    {
      name: 'never retries a permanent failure',
      run: () =>
        withStage(spec, async ({ simulator, connector }) => {
          const permanent = spec.errors.filter((e) => !isRetryableKind(e.kind));
          const cases = permanent.length > 0 ? permanent : [{ name: 'HTTP 400', reply: { status: 400, body: {} }, operation: 'read' as const }];
          for (const documented of cases) {
            const operation = operationOf(spec, documented.operation);
            const before = simulator.count(operation.method, operation.path);
            serve(simulator, operation, [documented.reply]);
            await rejection(operation.call(connector), documented.name);
            const sent = simulator.count(operation.method, operation.path) - before;
            assert.equal(sent, 1, `${documented.name} is permanent but was sent ${sent} times`);
          }
        }),
    },
  ];

  const write = spec.write;
  if (write) {
    checks.push({
      name: 'keeps one idempotency key across every retry of a write',
      run: () =>
        withStage(spec, async ({ simulator, connector }) => {
          serve(simulator, write, [{ status: 503 }, { reset: true }, write.reply]);
          await write.call(connector);
          const header = write.idempotencyHeader.toLowerCase();
          const keys = simulator.requests.map((request) => request.headers[header]);
          assert.equal(keys.length, 3, `expected 3 attempts, saw ${keys.length}`);
          assert.ok(keys[0], `the write carried no ${write.idempotencyHeader} header`);
          assert.deepEqual(new Set(keys), new Set([keys[0]]), 'the idempotency key changed between attempts');
        }),
    });
  }

  const limits = spec.limits;
  if (limits) {
    checks.push({
      name: 'respects its documented rate limits',
      run: () =>
        withStage(spec, async ({ simulator, connector }) => {
          const operation = operationOf(spec, limits.operation);
          serve(simulator, operation, [operation.reply]);
          const tightest = Math.min(...limits.windows.map((w) => w.limit));
          const calls = Array.from({ length: tightest * 2 + 1 }, () => operation.call(connector).then(() => undefined, (error: unknown) => error));
          const failures = (await Promise.all(calls)).filter((error) => error !== undefined);
          for (const failure of failures) {
            // Waiting beyond a call's budget is a correct, typed refusal; anything else is a bug.
            assert.ok(isIntegrationError(failure) && failure.reason === 'rate_limit_wait_exceeds_budget', `unexpected failure under load: ${failure instanceof Error ? failure.message : JSON.stringify(failure)}`);
          }
          const arrivals = simulator.requests.map((request) => request.at);
          // No request exceeds a limit when none is sent: a connector that refuses every call would
          // pass the count below. The tightest window lets that many through at once, so at least
          // that many must reach the provider.
          assert.ok(
            arrivals.length >= tightest,
            `${arrivals.length} of ${calls.length} calls reached the provider (${failures.length} refused); the tightest limit lets ${tightest} through at once`,
          );
          for (const window of limits.windows) {
            const seen = maxInAnyWindow(arrivals, window.windowMs);
            assert.ok(seen <= window.limit, `${seen} requests reached the provider within ${window.windowMs} ms; the limit is ${window.limit}`);
          }
        }),
    });
  }

  const drift = spec.drift;
  if (drift) {
    checks.push({
      name: 'reports contract drift instead of passing it through silently',
      run: () =>
        withStage(spec, async ({ simulator, connector, sink }) => {
          serve(simulator, spec.read, [drift.reply]);
          await spec.read.call(connector);
          const reported = sink.ofType('contract.drift');
          assert.ok(reported.length > 0, 'a drifted response raised no contract.drift event');
          assert.equal(reported[0]?.provider, spec.provider);
        }),
    });
  }

  const unknownEnum = spec.unknownEnum;
  if (unknownEnum) {
    checks.push({
      name: 'maps an unknown enum value to unknown, keeps it raw and alerts once',
      run: () =>
        withStage(spec, async ({ simulator, connector, sink }) => {
          serve(simulator, spec.read, [unknownEnum.reply]);
          await spec.read.call(connector);
          await spec.read.call(connector);
          const seen = sink.ofType('enum.unknown_value').filter((event) => event.raw === unknownEnum.raw);
          assert.ok(seen.length >= 2, `the unknown value ${unknownEnum.raw} was not reported on each read`);
          assert.equal(seen.filter((event) => event.firstSeen).length, 1, 'the first sighting must alert exactly once');
        }),
    });
  }

  checks.push({
    name: 'never leaks a credential into errors or telemetry',
    run: () =>
      withStage(spec, async ({ simulator, connector, sink }) => {
        // The worst provider: it echoes everything it was sent back in its error body.
        const echo = (request: { headers: Readonly<Record<string, string>>; path: string; query: string; body: string }): FaultReply => ({
          status: 400,
          body: { error: { message: `echo ${JSON.stringify(request.headers)} ${request.path}?${request.query} ${request.body}` } },
        });
        const operations = [spec.read, ...(write ? [write] : [])];
        const errors: unknown[] = [];
        for (const operation of operations) {
          simulator.route(operation.method, operation.path, echo);
          errors.push(await operation.call(connector).then(() => undefined, (error: unknown) => error));
        }
        const seen = [
          ...errors.map((error) => (error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error))),
          JSON.stringify(errors),
          JSON.stringify(sink.events),
        ].join('\n');
        // A Basic header carries two of them as one token (`id:secret`, base64), which neither's own forms match.
        const { credentials } = spec;
        const pairs = credentials.flatMap((user) => credentials.filter((password) => password !== user).map((password) => `${user}:${password}`));
        for (const credential of [...credentials, ...pairs]) {
          for (const form of [credential, Buffer.from(credential).toString('base64'), encodeURIComponent(credential)]) {
            assert.ok(!seen.includes(form), 'a credential appeared in an error or a telemetry event');
          }
        }
      }),
  });
  return checks;
}

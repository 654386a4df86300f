import type { z } from 'zod';
import { defineContract, type Contract, type ContractPolicy } from '../../src/contracts/contract.js';
import { ContractDriftCounter } from '../../src/contracts/drift-counter.js';
import type { ParseContext } from '../../src/contracts/parse-contract.js';
import { UnknownValueTracker } from '../../src/enums/unknown-value-tracker.js';
import { IntegrationError } from '../../src/errors/integration-error.js';
import { MemoryTelemetrySink } from '../../src/telemetry/telemetry.js';

/** A contract for the DHL tracking endpoint, as the tests below shape it. */
export function dhlContract<S extends z.ZodTypeAny>(schema: S, policy: ContractPolicy = 'warn'): Contract<S> {
  return defineContract({ provider: 'dhl', name: 'track_shipment', version: 'v2', schema, policy });
}

/** A parse context that records everything, on a clock that reads 1000. */
export function recordingContext(): ParseContext & {
  sink: MemoryTelemetrySink;
  tracker: UnknownValueTracker;
  driftCounter: ContractDriftCounter;
} {
  const sink = new MemoryTelemetrySink();
  const emit = (event: Parameters<MemoryTelemetrySink['emit']>[0]): void => sink.emit(event);
  const clock = { now: () => 1000 };
  return {
    sink,
    emit,
    clock,
    tracker: new UnknownValueTracker({ provider: 'dhl', emit, clock }),
    driftCounter: new ContractDriftCounter(),
  };
}

/** Runs `fn`, which must throw an IntegrationError, and returns it. */
export function thrownBy(fn: () => unknown): IntegrationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof IntegrationError) return error;
    throw error;
  }
  throw new Error('expected an IntegrationError, nothing was thrown');
}

import type { LogisticsConnector } from '../connector.js';
import type { LogisticsSimulation } from './simulation.js';

/**
 * Tracks `numbers` with a signal aborted before the call, as the hub's poller does once the hub is
 * closing: a connector that honours it rejects with the signal's reason and asks the carrier
 * nothing. Returns what the call ended with and how many requests reached the simulation.
 */
export async function trackAborted(connector: LogisticsConnector, simulation: LogisticsSimulation, numbers: readonly string[]): Promise<{ error: unknown; requests: number }> {
  const before = simulation.simulator.requests.length;
  const closing = new AbortController();
  closing.abort(new Error('closing'));
  const error = await connector.track(numbers, { signal: closing.signal }).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  return { error, requests: simulation.simulator.requests.length - before };
}

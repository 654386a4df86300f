import type { FaultInjection } from '@interlock/testkit/simulator';

/** What the simulator did, read from its own records rather than from the scenario it was given. */
export interface FaultMeasurement {
  /** Requests the simulator answered (or refused), all of them. */
  requests: number;
  /** Requests the outage rule refused, and the time from the first of them to the last. */
  outageRefusals: number;
  outageMs: number;
  /** Transient faults injected, and their share of the requests outside the outage. */
  transientFaults: number;
  transientShare: number;
}

/** The rule names the scenario gave its outage and its transient faults. */
export interface FaultRuleNames {
  outage: string;
  transientPrefix: string;
}

/**
 * Measures a run's faults from the simulator's request count and its list of injections: the
 * transient share counts only requests the outage did not refuse (inside the outage every request
 * fails, whatever the share), and the outage lasts from its first refused request to its last.
 */
export function measureFaults(requests: number, injections: readonly FaultInjection[], names: FaultRuleNames): FaultMeasurement {
  const outage = injections.filter((injection) => injection.rule === names.outage);
  const transientFaults = injections.filter((injection) => injection.rule.startsWith(names.transientPrefix)).length;
  const outside = requests - outage.length;
  const times = outage.map((injection) => injection.at);
  return {
    requests,
    outageRefusals: outage.length,
    outageMs: times.length === 0 ? 0 : Math.max(...times) - Math.min(...times),
    transientFaults,
    transientShare: outside === 0 ? 0 : transientFaults / outside,
  };
}

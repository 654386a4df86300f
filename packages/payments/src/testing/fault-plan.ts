import type { FaultRule, FaultScenario } from '@interlock/testkit/simulator';

/** When the outage starts and how long it lasts, in virtual time since the simulator started. */
export const OUTAGE_FROM_MS = 60_000;
export const OUTAGE_MS = 10 * 60_000;

/** The outage's rule name, and the prefix of each transient fault's rule name (`transient_reset`, …): what a run's measurement reads back. */
export const OUTAGE_RULE = 'outage';
export const TRANSIENT_RULE_PREFIX = 'transient_';

const TRANSIENT_FAULTS: readonly FaultRule['fault'][] = [
  { type: 'status', status: 503 },
  { type: 'rate_limit', retryAfterSeconds: 1 },
  { type: 'reset' },
  { type: 'lost_response' },
];

/**
 * A ten-minute outage (unless `outage: false`), and outside it `share` of all requests failing transiently, spread evenly
 * over 503s, 429s with Retry-After, connection resets and lost responses. The injector draws per
 * rule in order, so each rule's probability is conditional on the earlier ones not firing; these
 * make the total exactly `share`.
 */
export function transientFaultScenario(share: number, options: { outage?: boolean } = {}): FaultScenario {
  const each = share / TRANSIENT_FAULTS.length;
  const rules: FaultRule[] = [
    ...(options.outage === false ? [] : [{ name: OUTAGE_RULE, from: OUTAGE_FROM_MS, until: OUTAGE_FROM_MS + OUTAGE_MS, fault: { type: 'status' as const, status: 503 } }]),
    ...TRANSIENT_FAULTS.map((fault, index) => ({ name: `${TRANSIENT_RULE_PREFIX}${fault.type}`, probability: each / (1 - each * index), fault })),
  ];
  return { rules };
}

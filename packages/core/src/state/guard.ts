import type { StateMachine } from './state-machine.js';

/** Why an event's status was not applied; logged as an anomaly, never an error. */
export type GuardRefusal = 'stale' | 'backward_transition' | 'unknown_state' | 'duplicate';

/** Whether to apply an event's status, and if not, why. */
export type GuardDecision = { apply: true } | { apply: false; reason: GuardRefusal };

const APPLY: GuardDecision = Object.freeze({ apply: true });
const refuse = (reason: GuardRefusal): GuardDecision => Object.freeze({ apply: false, reason });
const STALE = refuse('stale');
const BACKWARD = refuse('backward_transition');
const UNKNOWN = refuse('unknown_state');
const DUPLICATE = refuse('duplicate');

/**
 * Decides whether an event's new state may be applied over the record's current one: older than
 * the record's last update → stale; a transition the machine refuses (COMPLETED → PENDING) →
 * backward_transition; same state and same time → duplicate.
 *
 * The checks run in that order, after refusing a status the machine does not know (on either
 * side: a stored status the machine has never heard of cannot be ordered against). Time decides
 * first because late delivery is the common case; at equal times the machine decides, since
 * providers stamp several changes with the same second. With no current record every known
 * status applies, not only the initial ones: when the early webhooks were dropped, the first
 * news of a payment may well be `succeeded`.
 */
export function guardTransition<S extends string>(
  machine: StateMachine<S>,
  current: { status: string; updatedAt: number } | undefined,
  next: { status: string; occurredAt: number },
): GuardDecision {
  if (!machine.isState(next.status)) return UNKNOWN;
  if (current === undefined) return APPLY;
  if (!machine.isState(current.status)) return UNKNOWN;
  if (next.occurredAt < current.updatedAt) return STALE;
  if (next.status === current.status) return next.occurredAt === current.updatedAt ? DUPLICATE : APPLY;
  return machine.canTransition(current.status, next.status) ? APPLY : BACKWARD;
}

import type { StateMachine } from './state-machine.js';

/**
 * Whether `to` can be reached from `from` in one or more steps. An event whose status is
 * reachable but not directly (refunded while the record is still pending) is ahead of a step that
 * has not arrived yet, not behind the record: it should wait, not be discarded.
 */
export function canReach(machine: StateMachine<string>, from: string, to: string): boolean {
  const seen = new Set([from]);
  const pending = [from];
  while (pending.length > 0) {
    const state = pending.pop() as string;
    for (const next of machine.states) {
      if (seen.has(next) || !machine.canTransition(state, next)) continue;
      if (next === to) return true;
      seen.add(next);
      pending.push(next);
    }
  }
  return false;
}

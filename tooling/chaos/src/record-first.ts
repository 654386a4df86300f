import type { IntegrityStore } from '@interlock/core';
import { withMember } from './with-member.js';

/**
 * The applier's writes without their transaction: the record on its own first, then the rest.
 * A kill or a failure between the two leaves a record without its movements, audit entry and
 * applied mark: the mutant that the chaos test's mid-apply kill, and the mutants' integrity store
 * check, must each find.
 */
export function recordFirst(real: IntegrityStore): IntegrityStore {
  const applyEvent: IntegrityStore['applyEvent'] = async (application) => {
    if (!(await real.putRecord(application.record, application.expectedVersion))) return 'conflict';
    return real.applyEvent({ ...application, expectedVersion: (application.expectedVersion ?? 0) + 1 });
  };
  return withMember(real, 'applyEvent', applyEvent);
}

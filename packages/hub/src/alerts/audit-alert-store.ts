import type { AuditEntry, IntegrityStore } from '@interlock/core';
import { activeFrom, sinceAndLimit, type AlertStore } from './store.js';
import type { AlertChange, AlertChangeKind, AlertRecord } from './types.js';

/**
 * The audit trail's provider column for alert entries. Provider names are lowercase letters,
 * digits and dashes, so this one can never be a configured provider's.
 */
export const ALERTS_AUDIT_PROVIDER = '_alerts';
const ACTOR = 'alerts';
const KINDS: readonly AlertChangeKind[] = ['firing', 'repeat', 'resolved'];

function changeOf(entry: AuditEntry): AlertChange | undefined {
  const kind = entry.action.replace(/^alert\./, '') as AlertChangeKind;
  if (!KINDS.includes(kind) || entry.detail === undefined) return undefined;
  try {
    return { kind, at: entry.at, alert: JSON.parse(entry.detail) as AlertRecord };
  } catch {
    return undefined;
  }
}

/**
 * Alerts in the store the hub already has, as audit entries (`alert.firing`, `alert.repeat`,
 * `alert.resolved`, the alert in `detail`): no migration, and the console's audit view shows them.
 * The active set is read back from the most recent `scanLimit` entries.
 */
export class AuditAlertStore implements AlertStore {
  constructor(
    private readonly integrity: Pick<IntegrityStore, 'appendAudit' | 'listAudit'>,
    private readonly scanLimit = 10_000,
  ) {}

  record(change: AlertChange): Promise<void> {
    const { alert } = change;
    return this.integrity.appendAudit({
      at: change.at,
      actor: ACTOR,
      action: `alert.${change.kind}`,
      provider: ALERTS_AUDIT_PROVIDER,
      recordType: 'alert',
      recordId: alert.key,
      outcome: alert.severity,
      detail: JSON.stringify(alert),
    });
  }

  async active(): Promise<readonly AlertRecord[]> {
    return activeFrom(await this.changes(this.scanLimit));
  }

  async history(filter: { since?: number | undefined; limit?: number | undefined } = {}): Promise<readonly AlertChange[]> {
    return sinceAndLimit(await this.changes(filter.since === undefined ? filter.limit ?? this.scanLimit : this.scanLimit), filter);
  }

  private async changes(limit: number): Promise<AlertChange[]> {
    const entries = await this.integrity.listAudit({ provider: ALERTS_AUDIT_PROVIDER, limit });
    return entries.flatMap((entry) => changeOf(entry) ?? []);
  }
}

import type { HubLog } from '../../logging/log.js';
import { headline } from '../message.js';
import type { AlertNotice, AlertSink } from '../types.js';

/**
 * Alerts as log lines: one per notice, the alert's fields beside the message, at a level a log
 * filter can act on: a P0 firing or repeating is an error, others warnings, a resolution or the
 * digest information.
 */
export function createLogSink(id: string, log: HubLog): AlertSink {
  return {
    id,
    send(notice: AlertNotice): Promise<void> {
      if (notice.type === 'alert.digest') {
        log.info(headline(notice), { notice: notice.id, type: notice.type, alerts: notice.alerts.map((alert) => alert.key).join(',') });
      } else {
        const { alert } = notice;
        const level = notice.type === 'alert.resolved' ? 'info' : alert.severity === 'P0' ? 'error' : 'warn';
        log[level](headline(notice), { notice: notice.id, type: notice.type, rule: alert.rule, severity: alert.severity, owner: alert.owner, subject: JSON.stringify(alert.subject), value: alert.value });
      }
      return Promise.resolve();
    },
  };
}

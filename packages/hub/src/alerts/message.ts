import type { AlertNotice, AlertRecord } from './types.js';

const VERB = { 'alert.firing': 'FIRING', 'alert.repeat': 'STILL FIRING', 'alert.resolved': 'RESOLVED' } as const;

export function subjectText(alert: AlertRecord): string {
  return Object.entries(alert.subject)
    .map(([name, value]) => `${name}=${value}`)
    .join(' ');
}

function alertLine(alert: AlertRecord): string {
  return `[${alert.severity}] ${alert.rule} (${subjectText(alert)}): ${alert.summary}; owner ${alert.owner}`;
}

/** The first line: a Slack message's text, an email's subject, a log line's message. */
export function headline(notice: AlertNotice): string {
  if (notice.type === 'alert.digest') return `Interlock daily digest: ${notice.alerts.length} alert${notice.alerts.length === 1 ? '' : 's'}`;
  return `${VERB[notice.type]} ${alertLine(notice.alert)}`;
}

/** The whole text a person reads: one line per alert for the digest. */
export function text(notice: AlertNotice): string {
  if (notice.type !== 'alert.digest') {
    const since = new Date(notice.alert.firedAt).toISOString();
    return `${headline(notice)}\nsince ${since}${notice.alert.resolvedAt === undefined ? '' : `, resolved ${new Date(notice.alert.resolvedAt).toISOString()}`}`;
  }
  const lines = notice.alerts.map((alert) => `- ${alertLine(alert)}${alert.resolvedAt === undefined ? '' : ' (resolved)'}`);
  return [headline(notice), `${new Date(notice.from).toISOString()} to ${new Date(notice.to).toISOString()}`, ...lines].join('\n');
}

/** The notice as JSON: Standard Webhooks' `type`/`timestamp`/`data`, and a Slack-compatible `text`. */
export function payload(notice: AlertNotice): string {
  const data = notice.type === 'alert.digest' ? { from: notice.from, to: notice.to, alerts: notice.alerts } : { alert: notice.alert };
  return JSON.stringify({ type: notice.type, timestamp: new Date(notice.at).toISOString(), text: text(notice), data });
}

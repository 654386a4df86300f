import type { AuditEntry } from '@interlock/core';
import { html, type Html } from '../html.js';
import { when } from './layout.js';

/** An audit trail as a table, in the order given. */
export function trailTable(trail: readonly AuditEntry[]): Html {
  if (trail.length === 0) return html`<p class="muted">No audit entries yet.</p>`;
  return html`<table><thead><tr><th>At</th><th>Who</th><th>Action</th><th>Outcome</th><th>Record</th><th>Attempt</th><th>Detail</th></tr></thead><tbody>${trail.map(
    (entry) =>
      html`<tr><td>${when(entry.at)}</td><td>${entry.actor}</td><td>${entry.action}</td><td>${entry.outcome}</td><td>${entry.recordId === undefined ? '' : `${entry.recordType ?? 'record'} ${entry.recordId}`}</td><td class="num">${entry.attempts ?? ''}</td><td>${entry.detail ?? ''}</td></tr>`,
  )}</tbody></table>`;
}

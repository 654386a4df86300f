import type { AuditEntry, RecordKey, RecordState, StoredEvent } from '@interlock/core';
import { html, type Html } from '../html.js';
import { CONSOLE_PATH } from '../http.js';
import { prettyPayload } from './pretty-payload.js';
import { trailTable } from './trail-table.js';
import { eventTable } from './failed-view.js';
import { when } from './layout.js';

/** Where a record's page is. */
export function recordPath(key: RecordKey): string {
  return `${CONSOLE_PATH}/records/${[key.provider, key.recordType, key.recordId].map(encodeURIComponent).join('/')}`;
}

/** A record's last applied state, the events that touched it and its audit trail in order. */
export function recordView(key: RecordKey, record: RecordState | undefined, events: readonly StoredEvent[], trail: readonly AuditEntry[]): Html {
  return html`<h1>Record ${key.recordType} ${key.recordId}</h1>
<dl class="answers">
<dt>Provider</dt><dd>${key.provider}</dd>
<dt>Status</dt><dd>${record?.status ?? 'no state applied yet'}</dd>
<dt>Updated</dt><dd>${when(record?.updatedAt)}</dd>
<dt>Version</dt><dd>${record?.version ?? '-'}</dd>
</dl>
<h2>Events</h2>
${eventTable(events)}
<h2>Audit trail</h2>
${trailTable(trail)}
${record?.snapshot === undefined ? html`` : html`<h2>Snapshot</h2><pre>${prettyPayload(record.snapshot)}</pre>`}`;
}

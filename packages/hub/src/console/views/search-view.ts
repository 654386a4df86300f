import type { RecordKey, StoredEvent } from '@interlock/core';
import { html, type Html } from '../html.js';
import { CONSOLE_PATH } from '../http.js';
import { eventTable } from './failed-view.js';
import { recordPath } from './record-view.js';

export function searchView(query: string, records: readonly RecordKey[], events: readonly StoredEvent[], scanned: number): Html {
  return html`<h1>Search</h1>
<form class="filters" method="get" action="${CONSOLE_PATH}/search"><label>Provider record id, provider event id, correlation id or internal id<input type="text" name="q" value="${query}"></label><button>Search</button></form>
${records.length === 0 ? html`` : html`<h2>Records</h2><ul>${records.map((key) => html`<li><a href="${recordPath(key)}">${key.provider} ${key.recordType} ${key.recordId}</a></li>`)}</ul>`}
${query === '' ? html`` : html`<h2>Events</h2>${eventTable(events)}<p class="muted">Correlation ids are looked for among the newest ${scanned} events.</p>`}`;
}

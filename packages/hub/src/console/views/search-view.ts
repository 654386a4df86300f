import type { StoredEvent } from '@interlock/core';
import { html, type Html } from '../html.js';
import { CONSOLE_PATH } from '../http.js';
import { eventTable } from './failed-view.js';

export function searchView(query: string, events: readonly StoredEvent[], scanned: number): Html {
  return html`<h1>Search</h1>
<form class="filters" method="get" action="${CONSOLE_PATH}/search"><label>Provider record id, provider event id, correlation id or internal id<input type="text" name="q" value="${query}"></label><button>Search</button></form>
${query === '' ? html`` : html`${eventTable(events)}<p class="muted">Correlation ids are looked for among the newest ${scanned} events.</p>`}`;
}

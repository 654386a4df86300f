import type { StoredEvent } from '@interlock/core';
import { html, type Html } from '../html.js';
import { CONSOLE_PATH } from '../http.js';
import { when } from './layout.js';

/** The failed-events filters as the form and the next-page link carry them. */
export interface FailedFilters {
  provider: string;
  status: 'dead' | 'discarded';
  kind: string;
  since: string;
  until: string;
}

export function eventLink(event: StoredEvent): Html {
  return html`<a href="${CONSOLE_PATH}/events/${encodeURIComponent(event.id)}">${event.id}</a>`;
}

/** Events in a table, newest first, each linking to its page. */
export function eventTable(events: readonly StoredEvent[]): Html {
  if (events.length === 0) return html`<p class="muted">No events match.</p>`;
  return html`<table><thead><tr><th>Event</th><th>Received</th><th>Provider</th><th>Provider event id</th><th>Type</th><th>Status</th><th>Attempts</th><th>Reason</th></tr></thead><tbody>${events.map(
    (event) =>
      html`<tr><td>${eventLink(event)}</td><td>${when(event.receivedAt)}</td><td>${event.provider}</td><td>${event.eventId}</td><td>${event.type}</td><td>${event.status}</td><td class="num">${event.attempts}</td><td>${event.reason ?? ''}</td></tr>`,
  )}</tbody></table>`;
}

function option(value: string, label: string, selected: string): Html {
  return html`<option value="${value}"${value === selected ? html` selected` : ''}>${label}</option>`;
}

export function failedView(providers: readonly string[], filters: FailedFilters, events: readonly StoredEvent[], next: string | undefined, problem: string | undefined): Html {
  const nextLink = next === undefined ? html`` : html`<p><a href="${CONSOLE_PATH}/failed?${new URLSearchParams({ ...filters, after: next }).toString()}">Older events →</a></p>`;
  return html`<h1>Failed events</h1>
<form class="filters" method="get" action="${CONSOLE_PATH}/failed">
<label>Provider<select name="provider">${option('', 'any', filters.provider)}${providers.map((name) => option(name, name, filters.provider))}</select></label>
<label>Status<select name="status">${option('dead', 'dead letters', filters.status)}${option('discarded', 'refused or anomalous', filters.status)}</select></label>
<label>Error kind<input type="text" name="kind" value="${filters.kind}" placeholder="e.g. unavailable"></label>
<label>Received from (UTC)<input type="text" name="since" value="${filters.since}" placeholder="2026-12-01T10:00:00Z"></label>
<label>until (UTC)<input type="text" name="until" value="${filters.until}"></label>
<button>Filter</button></form>
${problem === undefined ? html`` : html`<p class="notice bad">${problem}</p>`}
${eventTable(events)}${nextLink}`;
}

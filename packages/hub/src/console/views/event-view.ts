import type { AuditEntry } from '@interlock/core';
import type { EventStory } from '../event-story.js';
import { html, type Html } from '../html.js';
import { CONSOLE_PATH } from '../http.js';
import type { ConsoleSession } from '../sessions.js';
import { csrfField, when } from './layout.js';

/** A payload as support reads it: pretty JSON when it is JSON, else as received. */
export function prettyPayload(payload: string): string {
  try {
    return JSON.stringify(JSON.parse(payload), null, 2);
  } catch {
    return payload;
  }
}

function trailTable(trail: readonly AuditEntry[]): Html {
  if (trail.length === 0) return html`<p class="muted">No audit entries yet.</p>`;
  return html`<table><thead><tr><th>At</th><th>Who</th><th>Action</th><th>Outcome</th><th>Record</th><th>Attempt</th><th>Detail</th></tr></thead><tbody>${trail.map(
    (entry) =>
      html`<tr><td>${when(entry.at)}</td><td>${entry.actor}</td><td>${entry.action}</td><td>${entry.outcome}</td><td>${entry.recordId === undefined ? '' : `${entry.recordType ?? 'record'} ${entry.recordId}`}</td><td class="num">${entry.attempts ?? ''}</td><td>${entry.detail ?? ''}</td></tr>`,
  )}</tbody></table>`;
}

function actions(story: EventStory, session: ConsoleSession, mayAct: boolean): Html {
  if (story.event.status !== 'dead') return html``;
  if (!mayAct) return html`<p class="muted">Your role (${session.operator.role}) may look but not replay, reject or correct.</p>`;
  const base = `${CONSOLE_PATH}/events/${encodeURIComponent(story.event.id)}`;
  return html`<h2>Actions</h2>
<form class="inline" method="post" action="${base}/replay">${csrfField(session)}<button>Replay</button></form>
<form class="inline" method="post" action="${base}/reject">${csrfField(session)}<input type="text" name="reason" placeholder="why it is given up on" required aria-label="reason"><button>Reject</button></form>
<a href="${base}/correct">Correct the payload…</a>`;
}

function succeeded(value: boolean | undefined): Html {
  if (value === true) return html`<span class="good">yes: applied</span>`;
  if (value === false) return html`<span class="bad">no: given up on</span>`;
  return html`<span class="warn">not yet</span>`;
}

/** One event's page: the answers support is asked, its actions, its payload and its audit trail in order. */
export function eventView(story: EventStory, session: ConsoleSession, mayAct: boolean, notice: string | undefined): Html {
  const { event, refusal, record } = story;
  const recordText = record ? `${record.recordType} ${record.recordId}` : 'not known: the payload names no record the connector could read';
  return html`<h1>Event ${event.id}</h1>
${notice === undefined ? html`` : html`<p class="notice">${notice}</p>`}
<dl class="answers">
<dt>Record</dt><dd>${recordText}</dd>
<dt>Provider</dt><dd>${event.provider} (event ${event.eventId}, type ${event.type})</dd>
<dt>Status</dt><dd>${event.status}</dd>
<dt>Rejected by</dt><dd>${refusal ? (refusal.by ?? 'the queue') : '-'}</dd>
<dt>Error kind</dt><dd>${refusal?.kind ?? '-'}</dd>
<dt>Provider code</dt><dd>${refusal?.code ?? '-'}</dd>
<dt>Message</dt><dd>${refusal?.message ?? event.reason ?? '-'}</dd>
<dt>Payload version</dt><dd>${story.payloadVersion}${story.corrections > 0 ? `, corrected ${story.corrections} time(s)` : ', as received'}</dd>
<dt>Attempts</dt><dd>${event.attempts}</dd>
<dt>Eventually succeeded</dt><dd>${succeeded(story.succeeded)}</dd>
<dt>Started by</dt><dd>${story.startedBy}</dd>
<dt>Correlation id</dt><dd>${event.correlationId ?? '-'}</dd>
<dt>Received</dt><dd>${when(event.receivedAt)}</dd>
</dl>
${actions(story, session, mayAct)}
<h2>Audit trail</h2>
${trailTable(story.trail)}
<h2>Payload</h2>
<pre>${prettyPayload(event.payload)}</pre>`;
}

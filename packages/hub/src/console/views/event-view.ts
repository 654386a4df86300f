import type { EventStory } from '../event-story.js';
import { html, type Html } from '../html.js';
import { CONSOLE_PATH } from '../http.js';
import type { ConsoleSession } from '../sessions.js';
import { csrfField, when } from './layout.js';
import { prettyPayload } from './pretty-payload.js';
import { recordPath } from './record-view.js';
import { trailTable } from './trail-table.js';

function actions(story: EventStory, session: ConsoleSession, mayAct: boolean): Html {
  if (story.event.status !== 'dead') return html``;
  if (!mayAct) return html`<p class="muted">Your role (${session.operator.role}) may look but not replay, reject or correct.</p>`;
  const base = `${CONSOLE_PATH}/events/${encodeURIComponent(story.event.id)}`;
  return html`<h2>Actions</h2>
<form class="inline" method="post" action="${base}/replay">${csrfField(session)}<input type="text" name="reason" placeholder="why it is sent again" required aria-label="reason for the replay"><button>Replay</button></form>
<form class="inline" method="post" action="${base}/reject">${csrfField(session)}<input type="text" name="reason" placeholder="why it is given up on" required aria-label="reason for the rejection"><button>Reject</button></form>
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
  const recordText = record ? html`<a href="${recordPath(record)}">${record.recordType} ${record.recordId}</a>` : 'not known: the payload names no record the connector could read';
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

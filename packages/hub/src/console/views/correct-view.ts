import type { StoredEvent } from '@interlock/core';
import { html, type Html } from '../html.js';
import { CONSOLE_PATH } from '../http.js';
import type { ConsoleSession } from '../sessions.js';
import { prettyPayload } from './pretty-payload.js';
import { csrfField } from './layout.js';

const base = (event: StoredEvent): string => `${CONSOLE_PATH}/events/${encodeURIComponent(event.id)}`;

/** The payload editor; it posts to the preview, which checks it and shows the diff before anything is saved. */
export function correctForm(event: StoredEvent, session: ConsoleSession, draft: { payload: string; reason: string } | undefined, problem: string | undefined): Html {
  return html`<h1>Correct event ${event.id}</h1>
<p><a href="${base(event)}">← back to the event</a></p>
${problem === undefined ? html`` : html`<p class="notice bad">${problem}</p>`}
<form method="post" action="${base(event)}/correct/preview">${csrfField(session)}
<label for="payload">Payload (JSON)</label><textarea id="payload" name="payload" spellcheck="false">${draft?.payload ?? prettyPayload(event.payload)}</textarea>
<p><label>Why <input type="text" name="reason" value="${draft?.reason ?? ''}" required size="60"></label></p>
<button>Check and show the changes</button></form>`;
}

/** What the correction changes, and the button that saves and replays it. */
export function correctPreview(event: StoredEvent, session: ConsoleSession, payload: string, reason: string, diff: readonly string[]): Html {
  return html`<h1>Correct event ${event.id}</h1>
<p>The corrected payload passes the connector's checks. It changes:</p>
<pre>${diff.map((line) => html`<span class="${line.startsWith('-') ? 'diff-del' : 'diff-add'}">${line}</span>\n`)}</pre>
<p>Why: ${reason}</p>
<form class="inline" method="post" action="${base(event)}/correct">${csrfField(session)}
<input type="hidden" name="payload" value="${payload}"><input type="hidden" name="reason" value="${reason}">
<button>Save and replay</button></form>
<form class="inline" method="post" action="${base(event)}/correct/edit">${csrfField(session)}
<input type="hidden" name="payload" value="${payload}"><input type="hidden" name="reason" value="${reason}">
<button>Edit again</button></form>`;
}

import { html, type Html } from '../html.js';
import { CONSOLE_PATH } from '../http.js';
import type { ConsoleSession } from '../sessions.js';

/** An instant as support reads it: ISO 8601 in UTC, the form the filters and the CLI take back. */
export function when(ms: number | undefined): string {
  return ms === undefined ? '-' : new Date(ms).toISOString();
}

/** The hidden field every state-changing form carries: the session's synchronizer token. */
export function csrfField(session: ConsoleSession): Html {
  return html`<input type="hidden" name="csrf" value="${session.csrf}">`;
}

/** A whole console page: the navigation, who is signed in, and `body`. */
export function page(title: string, session: ConsoleSession | undefined, body: Html): string {
  const nav = session
    ? html`<nav><a href="${CONSOLE_PATH}">Health</a> · <a href="${CONSOLE_PATH}/failed">Failed events</a></nav>
<form method="get" action="${CONSOLE_PATH}/search"><input type="text" name="q" placeholder="record, event or correlation id" aria-label="search"> <button>Search</button></form>
<span class="who">${session.operator.name} (${session.operator.role})</span>
<form method="post" action="${CONSOLE_PATH}/sign-out">${csrfField(session)}<button>Sign out</button></form>`
    : html``;
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Interlock console</title><link rel="stylesheet" href="${CONSOLE_PATH}/console.css"></head>
<body><header><strong>Interlock</strong>${nav}</header><main>${body}</main></body></html>`.text;
}

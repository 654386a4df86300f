import { html, type Html } from '../html.js';
import { CONSOLE_PATH } from '../http.js';

/** The sign-in form; a hub whose config names no operator says so, since no token can work. */
export function signInView(problem: string | undefined, hasOperators: boolean): Html {
  return html`<div class="signin"><h1>Sign in</h1>
${hasOperators ? html`` : html`<p class="notice">This hub names no console operators: add them under <code>console.operators</code> in its config, each with the environment variable holding their token.</p>`}
${problem === undefined ? html`` : html`<p class="notice bad">${problem}</p>`}
<form method="post" action="${CONSOLE_PATH}/sign-in"><label for="token">Operator token</label>
<input id="token" type="password" name="token" autocomplete="off" required autofocus><button>Sign in</button></form></div>`;
}

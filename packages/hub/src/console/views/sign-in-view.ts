import { html, type Html } from '../html.js';
import { CONSOLE_PATH } from '../http.js';

export function signInView(problem: string | undefined): Html {
  return html`<div class="signin"><h1>Sign in</h1>
${problem === undefined ? html`` : html`<p class="notice bad">${problem}</p>`}
<form method="post" action="${CONSOLE_PATH}/sign-in"><label for="token">Operator token</label>
<input id="token" type="password" name="token" autocomplete="off" required autofocus><button>Sign in</button></form></div>`;
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '@interlock/core';
import type { Route, RouteHandler } from '../http/server.js';
import type { ConsoleConfig } from './config.js';
import { CONSOLE_PATH, cookie, FormTooLarge, readForm, redirect, SESSION_COOKIE, sessionCookie } from './http.js';
import { mayAct, OperatorTokens, sameSecret } from './operators.js';
import type { PageWriter } from './page-writer.js';
import { ConsoleSessions, type ConsoleSession } from './sessions.js';
import { signInView } from './views/sign-in-view.js';

export type SignedInHandler = (req: IncomingMessage, res: ServerResponse, match: RegExpExecArray, session: ConsoleSession) => Promise<void>;
export type FormHandler = (res: ServerResponse, match: RegExpExecArray, session: ConsoleSession, form: URLSearchParams) => Promise<void>;

// A corrected payload travels in a form; webhook bodies are far smaller than this.
const MAX_FORM_BYTES = 1_048_576;
const MAX_SIGN_IN_BYTES = 4_096;

/**
 * Who may see and do what: operators sign in with a token from the environment, get a session
 * cookie, and every form that changes something must carry their session's CSRF token.
 */
export class ConsoleAccess {
  private readonly tokens: OperatorTokens;
  private readonly sessions: ConsoleSessions;

  constructor(
    private readonly config: ConsoleConfig,
    env: NodeJS.ProcessEnv,
    clock: Clock,
    private readonly pages: PageWriter,
  ) {
    this.tokens = new OperatorTokens(config.operators, env);
    this.sessions = new ConsoleSessions(clock, config.sessionMinutes * 60_000);
  }

  /** Runs `handler` for a signed-in operator; anyone else is sent to sign in. */
  signedIn(handler: SignedInHandler): RouteHandler {
    return async (req, res, match) => {
      const session = this.sessions.get(cookie(req, SESSION_COOKIE));
      if (!session) return redirect(res, `${CONSOLE_PATH}/sign-in`);
      return handler(req, res, match, session);
    };
  }

  /** A state-changing form: its CSRF token must be the session's, and `acting` forms need a role that may act. */
  posted(acting: boolean, handler: FormHandler): RouteHandler {
    return this.signedIn(async (req, res, match, session) => {
      let form: URLSearchParams;
      try {
        form = await readForm(req, MAX_FORM_BYTES);
      } catch (error) {
        if (!(error instanceof FormTooLarge)) throw error;
        return this.pages.problem(res, 413, 'Too large', session, 'The form is too large.');
      }
      if (!sameSecret(form.get('csrf') ?? '', session.csrf)) return this.pages.problem(res, 403, 'Refused', session, 'This form did not come from your console session: reload the page and try again.');
      if (acting && !mayAct(session.operator.role)) return this.pages.problem(res, 403, 'Refused', session, `Your role (${session.operator.role}) may not replay, reject or correct.`);
      return handler(res, match, session, form);
    });
  }

  /** Signing in and out. */
  routes(): Route[] {
    return [
      { method: 'GET', pattern: /^\/console\/sign-in$/, handler: (_req, res) => this.signInPage(res, 200, undefined) },
      {
        method: 'POST',
        pattern: /^\/console\/sign-in$/,
        handler: async (req, res) => {
          let form: URLSearchParams;
          try {
            form = await readForm(req, MAX_SIGN_IN_BYTES);
          } catch {
            return this.signInPage(res, 413, 'That is not a token.');
          }
          const operator = this.tokens.identify(form.get('token') ?? '');
          if (!operator) return this.signInPage(res, 401, 'That token is not one of this hub’s operators.');
          const session = this.sessions.open(operator);
          redirect(res, CONSOLE_PATH, { 'set-cookie': sessionCookie(session.id, this.config.sessionMinutes * 60, this.config.secureCookie) });
        },
      },
      {
        method: 'POST',
        pattern: /^\/console\/sign-out$/,
        handler: this.posted(false, (res, _match, session) => {
          this.sessions.close(session.id);
          redirect(res, `${CONSOLE_PATH}/sign-in`, { 'set-cookie': sessionCookie('', 0, this.config.secureCookie) });
          return Promise.resolve();
        }),
      },
    ];
  }

  private signInPage(res: ServerResponse, status: number, problem: string | undefined): void {
    this.pages.send(res, status, 'Sign in', undefined, signInView(problem, this.config.operators.length > 0));
  }
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import { Redactor, type Clock, type EventInterpreter, type StoredEvent } from '@interlock/core';
import type { Alerting } from '../alerts/index.js';
import type { Route } from '../http/server.js';
import { correctDeadLetter, correctionRefusal, deadLetter, rejectDeadLetter, replayDeadLetter, type ActingOperator, type ActionResult, type SupportStores } from '../support/dead-letter-actions.js';
import { payloadDiff } from '../support/payload-diff.js';
import type { ConsoleConfig } from './config.js';
import { eventStory, recordStory } from './event-story.js';
import { failedEvents, searchEvents, searchRecords, SEARCH_SCAN } from './event-queries.js';
import { healthSnapshot } from './health.js';
import { html, type Html } from './html.js';
import { CONSOLE_PATH, cookie, FormTooLarge, queryOf, readForm, redirect, sendPage, sendStyles, SESSION_COOKIE, sessionCookie } from './http.js';
import { mayAct, OperatorTokens, sameSecret } from './operators.js';
import { interpreterCheck, normalisedPayload } from './payload-checks.js';
import { ConsoleSessions, type ConsoleSession } from './sessions.js';
import { CONSOLE_CSS } from './styles.js';
import { correctForm, correctPreview } from './views/correct-view.js';
import { eventView } from './views/event-view.js';
import { failedView } from './views/failed-view.js';
import { healthView } from './views/health-view.js';
import { recordView } from './views/record-view.js';
import { page } from './views/layout.js';
import { searchView } from './views/search-view.js';
import { signInView } from './views/sign-in-view.js';

/** A provider as the console sees it: its name, how its events are read, and the secrets no page may show. */
export interface ConsoleProvider {
  name: string;
  interpreter: EventInterpreter;
  webhookSecrets: readonly string[];
}

export interface ConsoleOptions {
  config: ConsoleConfig;
  /** Where the operators' tokens are read from. */
  env: NodeJS.ProcessEnv;
  clock: Clock;
  stores: SupportStores;
  providers: readonly ConsoleProvider[];
  alerting: Alerting | undefined;
}

// A corrected payload travels in the form; webhook bodies are far smaller than this.
const MAX_FORM_BYTES = 1_048_576;

const DONE: Readonly<Record<string, string>> = {
  replayed: 'Replayed: the event is back in the queue and the workers will handle it again.',
  rejected: 'Rejected: the event is given up on and kept for audit.',
  corrected: 'Corrected and replayed: the workers will handle the new payload.',
};

type SignedInHandler = (req: IncomingMessage, res: ServerResponse, match: RegExpExecArray, session: ConsoleSession) => Promise<void>;
type FormHandler = (res: ServerResponse, match: RegExpExecArray, session: ConsoleSession, form: URLSearchParams) => Promise<void>;

/**
 * The support console's routes under `/console`: server-rendered pages (no script), a session
 * cookie after signing in with an operator token, a synchronizer token on every form that changes
 * something, and the same support actions as the CLI, audited as `console:<operator>`.
 */
export function consoleRoutes(options: ConsoleOptions): Route[] {
  const { config, clock, stores } = options;
  const tokens = new OperatorTokens(config.operators, options.env);
  const sessions = new ConsoleSessions(clock, config.sessionMinutes * 60_000);
  const providers = new Map(options.providers.map((provider) => [provider.name, provider]));
  const names = options.providers.map((provider) => provider.name);
  // Whatever a payload or a reason carries, no operator token or webhook secret leaves in a page.
  const redactor = new Redactor();
  for (const operator of config.operators) redactor.addSecret(options.env[operator.tokenEnv] as string);
  for (const provider of options.providers) for (const secret of provider.webhookSecrets) redactor.addSecret(secret);

  const show = (res: ServerResponse, status: number, title: string, session: ConsoleSession | undefined, body: Html, headers?: Record<string, string>): void =>
    sendPage(res, status, redactor.string(page(title, session, body)), headers);
  const signInPage = (res: ServerResponse, status: number, problem: string | undefined): void =>
    show(res, status, 'Sign in', undefined, signInView(problem, config.operators.length > 0));
  const by = (session: ConsoleSession): ActingOperator => ({ actor: `console:${session.operator.name}`, clock });
  const eventPath = (id: string): string => `${CONSOLE_PATH}/events/${encodeURIComponent(id)}`;
  const idOf = (match: RegExpExecArray): string | undefined => decoded(match[1] as string);

  const signedIn =
    (handler: SignedInHandler) =>
    async (req: IncomingMessage, res: ServerResponse, match: RegExpExecArray): Promise<void> => {
      const session = sessions.get(cookie(req, SESSION_COOKIE));
      if (!session) return redirect(res, `${CONSOLE_PATH}/sign-in`);
      return handler(req, res, match, session);
    };

  /** A state-changing form: its CSRF token must be the session's, and `acting` forms need a role that may act. */
  const posted = (acting: boolean, handler: FormHandler) =>
    signedIn(async (req, res, match, session) => {
      let form: URLSearchParams;
      try {
        form = await readForm(req, MAX_FORM_BYTES);
      } catch (error) {
        if (!(error instanceof FormTooLarge)) throw error;
        return show(res, 413, 'Too large', session, bodyText('The form is too large.'));
      }
      if (!sameSecret(form.get('csrf') ?? '', session.csrf)) return show(res, 403, 'Refused', session, bodyText('This form did not come from your console session: reload the page and try again.'));
      if (acting && !mayAct(session.operator.role)) return show(res, 403, 'Refused', session, bodyText(`Your role (${session.operator.role}) may not replay, reject or correct.`));
      return handler(res, match, session, form);
    });

  const showEvent = async (res: ServerResponse, status: number, session: ConsoleSession, event: StoredEvent, notice: string | undefined): Promise<void> => {
    const story = await eventStory(stores, event, providers.get(event.provider)?.interpreter);
    show(res, status, `Event ${event.id}`, session, eventView(story, session, mayAct(session.operator.role), notice));
  };

  /** The dead letter the path names, or a page saying why there is none (then undefined). */
  const deadFor = async (res: ServerResponse, match: RegExpExecArray, session: ConsoleSession): Promise<StoredEvent | undefined> => {
    const id = idOf(match);
    const found = id === undefined ? 'no such event' : await deadLetter(stores.queue, id);
    if (typeof found !== 'string') return found;
    const event = id === undefined ? undefined : await stores.queue.get(id);
    if (event) await showEvent(res, 409, session, event, found);
    else show(res, 404, 'Not found', session, bodyText(found));
    return undefined;
  };

  const checkOf = (event: StoredEvent) => interpreterCheck(providers.get(event.provider)?.interpreter);

  /** A form acting on the dead letter the path names: done, the event's page says so; refused, it says why. */
  const deadLetterAction = (done: string, act: (event: StoredEvent, session: ConsoleSession, form: URLSearchParams) => Promise<ActionResult>) =>
    posted(true, async (res, match, session, form) => {
      const event = await deadFor(res, match, session);
      if (!event) return;
      const result = await act(event, session, form);
      if (result.done) return redirect(res, `${eventPath(event.id)}?done=${done}`);
      return showEvent(res, 409, session, (await stores.queue.get(event.id)) ?? event, result.refusal);
    });

  /** The dead letter a correction form names, its draft, and the payload as it would be stored. */
  const editFor = async (res: ServerResponse, match: RegExpExecArray, session: ConsoleSession, form: URLSearchParams) => {
    const event = await deadFor(res, match, session);
    if (!event) return undefined;
    const draft = draftOf(form);
    return { event, draft, payload: normalisedPayload(event.payload, draft.payload) };
  };

  return [
    { method: 'GET', pattern: /^\/console\/console\.css$/, handler: (_req, res) => sendStyles(res, CONSOLE_CSS) },
    { method: 'GET', pattern: /^\/console\/sign-in$/, handler: (_req, res) => signInPage(res, 200, undefined) },
    {
      method: 'POST',
      pattern: /^\/console\/sign-in$/,
      handler: async (req, res) => {
        let form: URLSearchParams;
        try {
          form = await readForm(req, 4_096);
        } catch {
          return signInPage(res, 413, 'That is not a token.');
        }
        const operator = tokens.identify(form.get('token') ?? '');
        if (!operator) return signInPage(res, 401, 'That token is not one of this hub’s operators.');
        const session = sessions.open(operator);
        redirect(res, CONSOLE_PATH, { 'set-cookie': sessionCookie(session.id, config.sessionMinutes * 60, config.secureCookie) });
      },
    },
    {
      method: 'POST',
      pattern: /^\/console\/sign-out$/,
      handler: posted(false, (res, _match, session) => {
        sessions.close(session.id);
        redirect(res, `${CONSOLE_PATH}/sign-in`, { 'set-cookie': sessionCookie('', 0, config.secureCookie) });
        return Promise.resolve();
      }),
    },
    {
      method: 'GET',
      pattern: /^\/console\/?$/,
      handler: signedIn(async (_req, res, _match, session) => {
        show(res, 200, 'Health', session, healthView(await healthSnapshot(stores.queue, options.alerting, names, clock.now())));
      }),
    },
    {
      method: 'GET',
      pattern: /^\/console\/failed$/,
      handler: signedIn(async (req, res, _match, session) => {
        const found = await failedEvents(stores.queue, queryOf(req));
        show(res, found.problem ? 400 : 200, 'Failed events', session, failedView(names, found.filters, found.events, found.next, found.problem));
      }),
    },
    {
      method: 'GET',
      pattern: /^\/console\/search$/,
      handler: signedIn(async (req, res, _match, session) => {
        const query = (queryOf(req).get('q') ?? '').trim();
        show(res, 200, 'Search', session, searchView(query, await searchRecords(stores.integrity, query), await searchEvents(stores, query), SEARCH_SCAN));
      }),
    },
    {
      method: 'GET',
      pattern: /^\/console\/records\/([^/]+)\/([^/]+)\/([^/]+)$/,
      handler: signedIn(async (_req, res, match, session) => {
        const [provider, recordType, recordId] = [1, 2, 3].map((group) => decoded(match[group] as string));
        if (provider === undefined || recordType === undefined || recordId === undefined) return show(res, 404, 'Not found', session, bodyText('No such record.'));
        const key = { provider, recordType, recordId };
        const found = await recordStory(stores, key);
        if (!found) return show(res, 404, 'Not found', session, bodyText(`No ${recordType} ${recordId} from ${provider}.`));
        return show(res, 200, `Record ${recordId}`, session, recordView(key, found.record, found.events, found.trail));
      }),
    },
    {
      method: 'GET',
      pattern: /^\/console\/events\/([^/]+)$/,
      handler: signedIn(async (req, res, match, session) => {
        const id = idOf(match);
        const event = id === undefined ? undefined : await stores.queue.get(id);
        if (!event) return show(res, 404, 'Not found', session, bodyText(`No event ${id ?? ''}.`));
        return showEvent(res, 200, session, event, DONE[queryOf(req).get('done') ?? '']);
      }),
    },
    { method: 'POST', pattern: /^\/console\/events\/([^/]+)\/replay$/, handler: deadLetterAction('replayed', (event, session) => replayDeadLetter(stores, by(session), event.id)) },
    {
      method: 'POST',
      pattern: /^\/console\/events\/([^/]+)\/reject$/,
      handler: deadLetterAction('rejected', (event, session, form) => rejectDeadLetter(stores, by(session), event.id, form.get('reason') ?? undefined)),
    },
    {
      method: 'GET',
      pattern: /^\/console\/events\/([^/]+)\/correct$/,
      handler: signedIn(async (_req, res, match, session) => {
        if (!mayAct(session.operator.role)) return show(res, 403, 'Refused', session, bodyText(`Your role (${session.operator.role}) may not correct.`));
        const event = await deadFor(res, match, session);
        if (event) show(res, 200, `Correct ${event.id}`, session, correctForm(event, session, undefined, undefined));
      }),
    },
    {
      method: 'POST',
      pattern: /^\/console\/events\/([^/]+)\/correct\/edit$/,
      handler: posted(true, async (res, match, session, form) => {
        const event = await deadFor(res, match, session);
        if (event) show(res, 200, `Correct ${event.id}`, session, correctForm(event, session, draftOf(form), undefined));
      }),
    },
    {
      method: 'POST',
      pattern: /^\/console\/events\/([^/]+)\/correct\/preview$/,
      handler: posted(true, async (res, match, session, form) => {
        const edit = await editFor(res, match, session, form);
        if (!edit) return;
        const { event, draft, payload } = edit;
        const refusal = draft.reason.trim() === '' ? 'Say why: the reason is kept in the audit trail.' : correctionRefusal(event, payload, checkOf(event));
        if (refusal !== undefined) return show(res, 422, `Correct ${event.id}`, session, correctForm(event, session, draft, refusal));
        return show(res, 200, `Correct ${event.id}`, session, correctPreview(event, session, payload, draft.reason, payloadDiff(event.payload, payload)));
      }),
    },
    {
      method: 'POST',
      pattern: /^\/console\/events\/([^/]+)\/correct$/,
      handler: posted(true, async (res, match, session, form) => {
        const edit = await editFor(res, match, session, form);
        if (!edit) return;
        const { event, draft, payload } = edit;
        const corrected = await correctDeadLetter(stores, by(session), event.id, { payload, reason: draft.reason, check: checkOf(event) });
        if (!corrected.done) return show(res, 422, `Correct ${event.id}`, session, correctForm(event, session, draft, corrected.refusal));
        const replayed = await replayDeadLetter(stores, by(session), event.id);
        if (!replayed.done) return showEvent(res, 409, session, event, `Corrected, but not replayed: ${replayed.refusal}`);
        return redirect(res, `${eventPath(event.id)}?done=corrected`);
      }),
    },
  ];
}

/** A path segment decoded, or undefined when it is not valid percent-encoding. */
function decoded(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function draftOf(form: URLSearchParams): { payload: string; reason: string } {
  return { payload: form.get('payload') ?? '', reason: form.get('reason') ?? '' };
}

function bodyText(text: string): Html {
  return html`<p class="notice bad">${text}</p>`;
}

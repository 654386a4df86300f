import type { ServerResponse } from 'node:http';
import type { Clock, EventInterpreter, StoredEvent } from '@interlock/core';
import type { Alerting } from '../alerts/index.js';
import type { Route } from '../http/server.js';
import type { BusinessMetrics } from '../metrics/business-metrics.js';
import { correctDeadLetter, correctionRefusal, deadLetter, rejectDeadLetter, replayDeadLetter, type ActingOperator, type ActionResult, type SupportStores } from '../support/dead-letter-actions.js';
import { payloadDiff } from '../support/payload-diff.js';
import { ConsoleAccess } from './access.js';
import type { ConsoleConfig } from './config.js';
import { eventStory, recordStory } from './event-story.js';
import { failedEvents, searchEvents, searchRecords, SEARCH_SCAN } from './event-queries.js';
import { healthSnapshot } from './health.js';
import { CONSOLE_PATH, queryOf, redirect, sendStyles } from './http.js';
import { mayAct } from './operators.js';
import { PageWriter } from './page-writer.js';
import { interpreterCheck, normalisedPayload } from './payload-checks.js';
import type { ConsoleSession } from './sessions.js';
import { CONSOLE_CSS } from './styles.js';
import { correctForm, correctPreview } from './views/correct-view.js';
import { eventView } from './views/event-view.js';
import { failedView } from './views/failed-view.js';
import { healthView } from './views/health-view.js';
import { recordView } from './views/record-view.js';
import { searchView } from './views/search-view.js';

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
  /** The domains' business metrics, shown per provider on the health page. */
  business?: Pick<BusinessMetrics, 'panel'> | undefined;
}

const DONE: Readonly<Record<string, string>> = {
  replayed: 'Replayed: the event is back in the queue and the workers will handle it again.',
  rejected: 'Rejected: the event is given up on and kept for audit.',
  corrected: 'Corrected and replayed: the workers will handle the new payload.',
};

/**
 * The support console's routes under `/console`: server-rendered pages (no script), a session
 * cookie after signing in with an operator token, a synchronizer token on every form that changes
 * something, and the same support actions as the CLI, audited as `console:<operator>`.
 */
export function consoleRoutes(options: ConsoleOptions): Route[] {
  const { config, clock, stores } = options;
  const providers = new Map(options.providers.map((provider) => [provider.name, provider]));
  const names = options.providers.map((provider) => provider.name);
  const pages = new PageWriter([
    ...config.operators.map((operator) => options.env[operator.tokenEnv] ?? ''),
    ...options.providers.flatMap((provider) => provider.webhookSecrets),
  ]);
  const access = new ConsoleAccess(config, options.env, clock, pages);
  const show = pages.send.bind(pages);
  const signedIn = access.signedIn.bind(access);
  const posted = access.posted.bind(access);
  const by = (session: ConsoleSession): ActingOperator => ({ actor: `console:${session.operator.name}`, clock });
  const eventPath = (id: string): string => `${CONSOLE_PATH}/events/${encodeURIComponent(id)}`;
  const idOf = (match: RegExpExecArray): string | undefined => decoded(match[1] as string);

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
    else pages.problem(res, 404, 'Not found', session, found);
    return undefined;
  };

  const checkOf = (event: StoredEvent) => interpreterCheck(providers.get(event.provider)?.interpreter);

  // The CLI's replay takes no reason; in the console every action says why, a replay too.
  const replayWithReason = async (event: StoredEvent, session: ConsoleSession, reason: string): Promise<ActionResult> =>
    reason.trim() === '' ? { done: false, refusal: 'a replay needs a reason: it is kept in the audit trail' } : replayDeadLetter(stores, by(session), event.id, reason);

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
    ...access.routes(),
    {
      method: 'GET',
      pattern: /^\/console\/?$/,
      handler: signedIn(async (_req, res, _match, session) => {
        show(res, 200, 'Health', session, healthView(await healthSnapshot(stores.queue, options.alerting, names, clock.now(), options.business)));
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
        if (provider === undefined || recordType === undefined || recordId === undefined) return pages.problem(res, 404, 'Not found', session, 'No such record.');
        const key = { provider, recordType, recordId };
        const found = await recordStory(stores, key);
        if (!found) return pages.problem(res, 404, 'Not found', session, `No ${recordType} ${recordId} from ${provider}.`);
        return show(res, 200, `Record ${recordId}`, session, recordView(key, found.record, found.events, found.trail));
      }),
    },
    {
      method: 'GET',
      pattern: /^\/console\/events\/([^/]+)$/,
      handler: signedIn(async (req, res, match, session) => {
        const id = idOf(match);
        const event = id === undefined ? undefined : await stores.queue.get(id);
        if (!event) return pages.problem(res, 404, 'Not found', session, `No event ${id ?? ''}.`);
        return showEvent(res, 200, session, event, DONE[queryOf(req).get('done') ?? '']);
      }),
    },
    { method: 'POST', pattern: /^\/console\/events\/([^/]+)\/replay$/, handler: deadLetterAction('replayed', (event, session, form) => replayWithReason(event, session, form.get('reason') ?? '')) },
    {
      method: 'POST',
      pattern: /^\/console\/events\/([^/]+)\/reject$/,
      handler: deadLetterAction('rejected', (event, session, form) => rejectDeadLetter(stores, by(session), event.id, form.get('reason') ?? undefined)),
    },
    {
      method: 'GET',
      pattern: /^\/console\/events\/([^/]+)\/correct$/,
      handler: signedIn(async (_req, res, match, session) => {
        if (!mayAct(session.operator.role)) return pages.problem(res, 403, 'Refused', session, `Your role (${session.operator.role}) may not correct.`);
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
        const replayed = await replayDeadLetter(stores, by(session), event.id, `after correction: ${draft.reason}`);
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

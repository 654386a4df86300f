import type { FaultReply, SimObject } from '@interlock/testkit/simulator';
import { invalidInteger, noSuch, ok } from './replies.js';

const CREATED_FILTERS: readonly [string, (created: number, bound: number) => boolean][] = [
  ['created[gte]', (created, bound) => created >= bound],
  ['created[gt]', (created, bound) => created > bound],
  ['created[lte]', (created, bound) => created <= bound],
  ['created[lt]', (created, bound) => created < bound],
  ['created', (created, bound) => created === bound],
];

/** The paths asked for with `expand[]=…` (or `expand[0]=…`), as given. */
export function expansions(query: URLSearchParams): string[] {
  return [...query.entries()].filter(([name]) => /^expand(\[\d*\])?$/.test(name)).map(([, value]) => value);
}

export interface ListOptions {
  /** The object name errors use, e.g. `payment_intent`. */
  objectName: string;
  /** The list's `url`, e.g. `/v1/payment_intents`. */
  url: string;
  /** Other filters a list takes (`payment_intent=`, `types[]=`). */
  filter?: (object: SimObject) => boolean;
  /** Renders one item with the expansions asked for under `data.`. */
  expand?: (object: SimObject, paths: readonly string[]) => SimObject;
}

/**
 * One page of a Stripe list: newest first, `created` range filters, `limit` 1–100 (default 10),
 * `starting_after` a cursor id from the same list, `expand[]=data.…` applied per item.
 */
export function listReply(objects: readonly SimObject[], query: URLSearchParams, options: ListOptions): FaultReply {
  const limitText = query.get('limit');
  const limit = limitText === null ? 10 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) return invalidInteger('limit', limitText);
  let selected = [...objects].reverse();
  for (const [name, test] of CREATED_FILTERS) {
    const bound = query.get(name);
    if (bound !== null) selected = selected.filter((object) => test(object['created'] as number, Number(bound)));
  }
  if (options.filter) selected = selected.filter(options.filter);
  const after = query.get('starting_after');
  let start = 0;
  if (after !== null) {
    const index = selected.findIndex((object) => object['id'] === after);
    if (index === -1) return noSuch(options.objectName, after, 'starting_after');
    start = index + 1;
  }
  const itemPaths = expansions(query)
    .filter((path) => path.startsWith('data.'))
    .map((path) => path.slice('data.'.length));
  const page = selected.slice(start, start + limit);
  return ok({
    object: 'list',
    data: options.expand && itemPaths.length > 0 ? page.map((object) => options.expand?.(object, itemPaths) ?? object) : page,
    has_more: start + limit < selected.length,
    url: options.url,
  });
}

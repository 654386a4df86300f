import type { FaultReply, SimObject, SimulatorHandler, SimulatorRequest } from '@interlock/testkit/simulator';
import { invalidInteger, noSuch, ok } from './replies.js';
import type { SimulationState, StripeCollection } from './state.js';

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
  /** Fields a list filters on by equality with the same-named query parameter (`payment_intent=`). */
  matching?: readonly string[];
  /** Other filters a list takes (`types[]=`). */
  filter?: (object: SimObject) => boolean;
  /** Renders one item with the expansions asked for under `data.`. */
  expand?: Expander;
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
  for (const field of options.matching ?? []) {
    const wanted = query.get(field);
    if (wanted !== null) selected = selected.filter((object) => object[field] === wanted);
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

/** Renders a stored object with the expansions asked for (`expand[]=latest_charge`). */
export type Expander = (object: SimObject, paths: readonly string[]) => SimObject;

/** GET `{collection}`: one page of the collection's objects. */
export function listRoute(state: SimulationState, collection: StripeCollection, options: ListOptions): SimulatorHandler {
  return (request) => listReply(state.collection(collection).list(), request.searchParams, options);
}

/** GET `{collection}/:id`: the object, or Stripe's 404 naming the parameter Stripe names (`intent`, `id`). */
export function retrieveRoute(state: SimulationState, collection: StripeCollection, objectName: string, param: string, expand?: Expander): SimulatorHandler {
  return (request: SimulatorRequest) => {
    const id = request.params['id'] ?? '';
    const object = state.collection(collection).read(id);
    if (!object) return noSuch(objectName, id, param);
    return ok(expand ? expand(object, expansions(request.searchParams)) : object);
  };
}

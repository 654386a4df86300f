import type { GeneratedFile, TemplateContext } from '../template.js';

/** src/operations/context.ts and pages.ts: what every operation is given, and list reading. */
export function operationsFiles({ names }: TemplateContext): GeneratedFile[] {
  const { pascal } = names;
  return [
    {
      path: 'src/operations/context.ts',
      content: `import type { Clock } from '@interlock/core';
import type { ${pascal}Api } from '../client.js';

/** What every operation is given: the api (each endpoint parsed by its contract), the clock and the webhook secrets. */
export interface ${pascal}Context {
  readonly api: ${pascal}Api;
  readonly clock: Clock;
  /** The secrets deliveries are verified with; two while one is rotated. */
  readonly webhookSecrets: readonly string[];
}

/** The caller's idempotency key when it gave one; otherwise core makes one per operation and keeps it across retries. */
export function idempotencyOf(options: { idempotencyKey?: string }): { idempotencyKey?: string } {
  return options.idempotencyKey === undefined ? {} : { idempotencyKey: options.idempotencyKey };
}
`,
    },
    {
      path: 'src/operations/pages.ts',
      content: `import { cursorPagination, fieldReader, paginateEndpoint, type EndpointOutput, type PageQuery } from '@interlock/core';
import type { ${pascal}Endpoints } from '../endpoints.js';
import { LIST_FIELDS, LIST_PARAMS } from '../fields.js';
import type { ${pascal}Context } from './context.js';

/** The provider's largest page. Template value. */
const PAGE_SIZE = 100;

type Page<K extends keyof ${pascal}Endpoints> = EndpointOutput<${pascal}Endpoints, K>;

/** The endpoints whose answer is a list page. */
export type ListEndpoint = {
  [K in keyof ${pascal}Endpoints]: Page<K> extends { data: readonly { id: string }[] } ? K : never;
}[keyof ${pascal}Endpoints];

type ListItem<K extends ListEndpoint> = Page<K>['data'][number];

/**
 * Every item of a list endpoint, read to the last page through core's pagination: \`limit\`, then
 * \`starting_after=<last id>\` while \`has_more\`. Each page is an ordinary client call (limits,
 * retries, breaker) parsed by its endpoint's contract, so drift is reported page by page.
 * Template value: cursor paging; core also has offset, page-number, token and Link-header paging.
 */
export function readPages<K extends ListEndpoint>(ctx: ${pascal}Context, endpoint: K, query: PageQuery): AsyncIterable<ListItem<K>> {
  return paginateEndpoint(ctx.api.client, endpoint, {
    strategy: cursorPagination<ListItem<K>>({
      items: (body) => ctx.api.parse(endpoint, body).data,
      hasMore: (body) => fieldReader(LIST_FIELDS, body).bool('hasMore') === true,
      cursorParam: LIST_PARAMS.startingAfter,
      cursorOf: (last) => last.id,
      limitParam: LIST_PARAMS.limit,
      limit: PAGE_SIZE,
    }),
    call: { query },
  });
}

/** Maps every item of a lazily read list; each loop over the result is a fresh read. */
export function mapItems<T, R>(source: AsyncIterable<T>, map: (item: T) => R): AsyncIterable<R> {
  return {
    async *[Symbol.asyncIterator]() {
      for await (const item of source) yield map(item);
    },
  };
}
`,
    },
  ];
}

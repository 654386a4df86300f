import { stringRecord } from '../render.js';
import type { GeneratedFile, TemplateContext } from '../template.js';

/** src/client.ts: core's provider client wired for the provider, returned as an EndpointApi. */
export function clientFile({ names }: TemplateContext): GeneratedFile {
  const { camel, constant, pascal, title } = names;
  return {
    path: 'src/client.ts',
    content: `import { ApiKeyRing, apiKeyAuth, createProviderClient, endpointApi, type Clock, type EndpointApi, type TelemetrySink } from '@interlock/core';
import { ${camel}Endpoints, type ${pascal}Endpoint, type ${pascal}Endpoints } from './endpoints.js';
import { ${camel}ErrorTable } from './errors.js';
import { ${constant}_RATE_LIMITS } from './limits.js';
import { ${constant}_API_VERSION, ${constant}_PROVIDER, ${constant}_VERSION_HEADER } from './provider.js';

/** What every operation calls through: each endpoint's answer comes back parsed by its own contract. */
export type ${pascal}Api = EndpointApi<${pascal}Endpoints>;

export interface ${pascal}ClientOptions {
  baseUrl: string;
  /** One API key, or two while one is rotated: a 401 on the first moves to the second. */
  apiKeys: readonly string[];
  clock: Clock;
  telemetry: readonly TelemetrySink[];
  /** Secrets besides the API keys that must never reach a log line or an error (the webhook secrets). */
  alsoRedact: readonly string[];
  fetch?: typeof fetch | undefined;
}

/**
 * Core's provider client wired for ${title}: the API key as a bearer token, the pinned version on
 * every request, the error table, the account's and each endpoint's limits, and an
 * Idempotency-Key on every POST, kept across the retries of one operation.
 * Template value: bearer auth; use the provider's documented scheme (core's apiKeyAuth places a
 * key as bearer, basic, a header or a query parameter; bearerTokenAuth does OAuth2).
 */
export function create${pascal}Client(options: ${pascal}ClientOptions): ${pascal}Api {
  // Key ids are what logs and per-key limits name; the keys themselves are never logged.
  const keys = options.apiKeys.map((secret, index) => ({ id: \`\${${constant}_PROVIDER}_key_\${index + 1}\`, secret }));
  const client = createProviderClient<${pascal}Endpoint>({
    provider: ${constant}_PROVIDER,
    baseUrl: options.baseUrl,
    endpoints: ${camel}Endpoints,
    accountRateLimits: ${constant}_RATE_LIMITS.account,
    auth: apiKeyAuth(new ApiKeyRing({ provider: ${constant}_PROVIDER, clock: options.clock, keys }), { in: 'bearer' }),
    errors: ${camel}ErrorTable,
    headers: { [${constant}_VERSION_HEADER]: ${constant}_API_VERSION },
    clock: options.clock,
    telemetry: options.telemetry,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  for (const secret of options.alsoRedact) client.redactor.addSecret(secret);
  return endpointApi(client, ${camel}Endpoints);
}
`,
  };
}

/** src/errors.ts: the provider's error codes -> ErrorKind, as a table core classifies with. */
export function errorsFile({ names, domain }: TemplateContext): GeneratedFile {
  const { camel, constant, pascal } = names;
  return {
    path: 'src/errors.ts',
    content: `import { fieldReader, type ErrorKind, type ProviderErrorTable } from '@interlock/core';
import { ERROR_FIELDS } from './fields.js';
import { errorContract } from './wire/error.js';

/**
 * The provider's error codes as data. A listed code decides the kind whatever the HTTP status (a
 * decline is a business rejection, a reused idempotency key a conflict); an unlisted one is
 * classified by its status. Template value: every code the provider documents, with the page.
 */
export const ${constant}_ERROR_KINDS: Readonly<Record<string, ErrorKind>> = ${stringRecord(domain.errorKinds, '')};

/** The code and message of an error body; undefined when the body is not the provider's error shape. */
export function read${pascal}Error(body: unknown): { code: string | undefined; message: string | undefined } | undefined {
  const parsed = errorContract.schema.safeParse(body);
  if (!parsed.success) return undefined;
  const read = fieldReader(ERROR_FIELDS, parsed.data);
  return { code: read.text('code'), message: read.text('message') };
}

/** The provider's errors for core's classifier. */
export const ${camel}ErrorTable: ProviderErrorTable = { codes: ${constant}_ERROR_KINDS, extract: read${pascal}Error };
`,
  };
}

/** src/wire/envelope.ts, src/wire/error.ts and src/wire/event.ts: what every response and webhook of the provider shares. */
export function envelopeFiles({ names }: TemplateContext): GeneratedFile[] {
  const { constant } = names;
  return [
    {
      path: 'src/wire/envelope.ts',
      content: `import { defineContract, type Contract } from '@interlock/core';
import { z } from 'zod';
import { ${constant}_API_VERSION, ${constant}_PROVIDER } from '../provider.js';

/** A contract of the pinned API version, named as recorded fixtures name it. */
export function wireContract<S extends z.ZodTypeAny>(name: string, schema: S): Contract<S> {
  return defineContract({ provider: ${constant}_PROVIDER, name, version: ${constant}_API_VERSION, schema });
}

/** One page of a list endpoint. Template value: the provider's list envelope. */
export function listOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({ object: z.literal('list'), data: z.array(item), has_more: z.boolean() });
}
`,
    },
    {
      path: 'src/wire/error.ts',
      content: `import { z } from 'zod';
import { wireContract } from './envelope.js';

/** An error body. Template value: the provider's documented error shape. */
export const wireError = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});

export type WireError = z.output<typeof wireError>;

export const errorContract = wireContract('error', wireError);
`,
    },
    {
      path: 'src/wire/event.ts',
      content: `import { z } from 'zod';
import { wireContract } from './envelope.js';

/**
 * The provider's webhook event as the pinned version sends it; its object is parsed by that
 * object's own contract. Template value: its shape, from the provider's spec or docs.
 */
export const wireEvent = z.object({
  id: z.string(),
  object: z.literal('event'),
  type: z.string(),
  created_at: z.number().int(),
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
});

export type WireEvent = z.output<typeof wireEvent>;

export const eventContract = wireContract('event', wireEvent);
`,
    },
  ];
}

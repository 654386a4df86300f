import type { ConnectorNames } from '../../names.js';
import type { GeneratedFile, TemplateContext } from '../template.js';

/**
 * Stand-ins are marked "Template value:" in the generated code, so `grep -rn "Template value"`
 * lists every provider fact a contributor still has to take from the provider's documentation.
 */

/** The version the stand-in API is pinned at; fixtures record it on every request. */
export const TEMPLATE_API_VERSION = '2026-01-01';

/** The header it travels in, e.g. `Acme-Pay-Version`. */
export function versionHeader(names: ConnectorNames): string {
  return `${names.title.split(' ').join('-')}-Version`;
}

/** src/provider.ts: the provider's id, base URL, pinned version and reporting lag. */
export function providerFile({ names }: TemplateContext): GeneratedFile {
  const { constant, id } = names;
  return {
    path: 'src/provider.ts',
    content: `/** The provider's id as it appears in records, errors and telemetry. */
export const ${constant}_PROVIDER = '${id}';

/**
 * The API version the wire contracts were written from, sent on every request so that a change
 * of the account's default version cannot change the shapes this connector reads.
 * Template value: the version of the spec or documentation the contracts come from.
 */
export const ${constant}_API_VERSION = '${TEMPLATE_API_VERSION}';

/** The header the version travels in. Template value: the provider's own header, or none. */
export const ${constant}_VERSION_HEADER = '${versionHeader(names)}';

/** The production API. Template value: the provider's documented base URL. */
export const ${constant}_API_BASE_URL = 'https://api.${id}.example';

/**
 * How long after a change the provider's settlement reports show it; reconciliation waits this
 * long before comparing. Template value: the provider's documented settlement delay.
 */
export const ${constant}_REPORTING_LAG_MS = 24 * 60 * 60 * 1000;
`,
  };
}

/** src/limits.ts: the documented limits as data, a burst and a sustained window per class of endpoint. */
export function limitsFile({ names }: TemplateContext): GeneratedFile {
  const { constant, pascal } = names;
  return {
    path: 'src/limits.ts',
    content: `import type { RateWindow } from '@interlock/core';

/** The windows the client keeps to per API key: account-wide, and on each endpoint for reads and writes. */
export interface ${pascal}RateLimits {
  account: readonly RateWindow[];
  read: readonly RateWindow[];
  write: readonly RateWindow[];
}

const SECOND = 1_000;
const MINUTE = 60 * SECOND;

/**
 * A burst window and a sustained one, kept apart because providers count them apart; every
 * window applies at once. Template value: each figure, from the provider's rate-limit page.
 */
export const ${constant}_RATE_LIMITS: ${pascal}RateLimits = {
  account: [{ limit: 100, windowMs: SECOND }],
  read: [
    { limit: 25, windowMs: SECOND },
    { limit: 1_000, windowMs: MINUTE },
  ],
  write: [
    { limit: 10, windowMs: SECOND },
    { limit: 300, windowMs: MINUTE },
  ],
};
`,
  };
}

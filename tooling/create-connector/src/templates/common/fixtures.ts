import { jsonText } from '../render.js';
import type { GeneratedFile, TemplateContext } from '../template.js';
import { TEMPLATE_API_VERSION, versionHeader } from './provider.js';

/** One recorded exchange with the stand-in provider, as a domain's fixtures list them. */
export interface Exchange {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string>;
  body?: Record<string, unknown>;
  /** A POST the provider treats as harmless to repeat (a quote): sent without an idempotency key. */
  idempotent?: boolean;
  status: number;
  headers?: Record<string, string>;
  response: unknown;
  contract: string;
}

/**
 * test/fixtures/*.json in testkit's fixture format: every request carries the key and the pinned
 * version, every POST that changes something an idempotency key, and every body names the
 * contract it must satisfy.
 */
export function exchangeFixtures({ names, domain }: TemplateContext, exchanges: readonly Exchange[]): GeneratedFile[] {
  const source = `template: create-connector's ${domain.name} stand-in; replace with an exchange shaped from ../shared/providers/ or ${names.title}'s public docs, and name that source here`;
  return exchanges.map((exchange) => {
    const headers: Record<string, string> = { authorization: '*', [versionHeader(names).toLowerCase()]: TEMPLATE_API_VERSION };
    if (exchange.method === 'POST' && exchange.idempotent !== true) headers['idempotency-key'] = '*';
    const fixture = {
      name: exchange.name,
      source,
      request: {
        method: exchange.method,
        path: exchange.path,
        headers,
        ...(exchange.query ? { query: exchange.query } : {}),
        ...(exchange.body ? { body: exchange.body } : {}),
      },
      response: { status: exchange.status, headers: { 'content-type': 'application/json', ...exchange.headers }, body: exchange.response },
      contract: exchange.contract,
    };
    return { path: `test/fixtures/${exchange.name}.json`, content: jsonText(fixture) };
  });
}

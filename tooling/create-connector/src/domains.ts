import { logisticsTemplate } from './templates/logistics/index.js';
import { paymentsTemplate } from './templates/payments/index.js';
import type { DomainTemplate } from './templates/template.js';

/** The domains a connector can be scaffolded for: exactly those with a template. */
const DOMAINS: ReadonlyMap<string, DomainTemplate> = new Map([paymentsTemplate, logisticsTemplate].map((template) => [template.name, template]));

export function availableDomains(): string[] {
  return [...DOMAINS.keys()];
}

/** The domain's template, or undefined when there is none. */
export function domainTemplate(name: string): DomainTemplate | undefined {
  return DOMAINS.get(name);
}

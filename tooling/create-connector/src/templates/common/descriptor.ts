import { quote } from '../render.js';
import type { GeneratedFile, TemplateContext } from '../template.js';
import { apiKeysEnv } from './webhooks.js';

/** src/descriptor.ts: what the hub and tooling need to run the connector, as data (core's defineConnector). */
export function descriptorFile({ names, domain }: TemplateContext): GeneratedFile {
  const { camel, constant, pascal, packageName } = names;
  const { plugin } = domain;
  const capabilities = domain.capabilities.map((capability) => `    ${quote(capability)},`).join('\n');
  return {
    path: 'src/descriptor.ts',
    content: `import { defineConnector, requireEnvList, type DocumentedLimits } from '@interlock/core';
import { ${plugin.exportName}, type ${plugin.connectorType} } from '${plugin.packageName}';
import { z } from 'zod';
import { create${pascal}Connector } from './connector.js';
import { ${camel}Endpoints } from './endpoints.js';
import { ${constant}_RATE_LIMITS } from './limits.js';
import { ${constant}_API_BASE_URL, ${constant}_PROVIDER, ${constant}_REPORTING_LAG_MS } from './provider.js';
import { webhookIntake } from './webhooks.js';

/**
 * The connector's options in the hub's config. Credentials are named by environment variable,
 * never written in the file; an option the schema does not know (a key pasted in) is refused.
 */
export const ${camel}ConfigSchema = z
  .object({
    /** Sandbox, production, or a simulator. */
    baseUrl: z.string().url().default(${constant}_API_BASE_URL),
    /** The variable holding the API keys: one, or two comma-separated while one is rotated. */
    apiKeysEnv: z.string().min(1).default('${apiKeysEnv(names)}'),
  })
  .strict();

export type ${pascal}Config = z.output<typeof ${camel}ConfigSchema>;

/** The account's windows and each endpoint's, as the scorecard and the hub's console show them. */
const documentedLimits: DocumentedLimits = {
  account: ${constant}_RATE_LIMITS.account,
  ...Object.fromEntries(Object.entries(${camel}Endpoints).map(([name, endpoint]) => [name, endpoint.rateLimits ?? []])),
};

/** What the hub loads from \`{ "connector": "${packageName}" }\`: the connector and its rules, as data. */
export const descriptor = defineConnector<${plugin.connectorType}, typeof ${camel}ConfigSchema>({
  id: ${constant}_PROVIDER,
  domain: ${plugin.exportName},
  config: ${camel}ConfigSchema,
  create: (config, context) =>
    create${pascal}Connector({
      baseUrl: config.baseUrl,
      apiKeys: requireEnvList(context.env, config.apiKeysEnv, ${constant}_PROVIDER),
      webhookSecrets: context.webhookSecrets,
      clock: context.clock,
      telemetry: context.telemetry,
      ...(context.fetch ? { fetch: context.fetch } : {}),
    }),
  webhooks: webhookIntake,
  reportingLagMs: () => ${constant}_REPORTING_LAG_MS,
  limits: documentedLimits,
  // Only what this package implements and tests itself; the hub brings dedupe, queues and alerts.
  capabilities: [
${capabilities}
  ],
});
`,
  };
}

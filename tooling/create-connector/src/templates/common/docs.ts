import type { FailureMode, GeneratedFile, TemplateContext } from '../template.js';
import { fieldTables } from './fields.js';
import { apiKeysEnv, signatureHeader, webhookSecretsEnv } from './webhooks.js';

/** README.md: usage, the hub's config, webhooks, the field tables generated from fields.ts, testing. */
export function readmeFile(context: TemplateContext): GeneratedFile {
  const { names, domain } = context;
  const { id, packageName, pascal } = names;
  const hubConfig = JSON.stringify({ providers: [{ name: id, connector: packageName, options: { apiKeysEnv: apiKeysEnv(names) } }] }, null, 2);
  return {
    path: 'README.md',
    content: `# ${packageName}

${domain.description(names)}

> Scaffolded with \`pnpm create-connector ${id} --domain ${domain.name}\` against a plain REST stand-in
> for the provider. Every provider fact still to replace is marked \`Template value:\` in the code
> (\`grep -rn "Template value" src testing\`); [CONTRIBUTING.md](../../CONTRIBUTING.md) walks
> through it. The files follow the one connector layout: [connectors/README.md](../README.md).

\`\`\`sh
pnpm add ${packageName} ${domain.plugin.packageName} @interlock/core   # Node >= 20.12
\`\`\`

${domain.readmeUsage(context)}

## In the hub

The hub loads the connector by package name and reads its credentials from the environment:

\`\`\`json
${hubConfig}
\`\`\`

| variable | holds |
| --- | --- |
| \`${apiKeysEnv(names)}\` | the API key, or two comma-separated while one is rotated (the hub's config may name another variable with \`apiKeysEnv\`) |
| \`${webhookSecretsEnv(names)}\` | the webhook secret, or two comma-separated while one is rotated |

Options: \`baseUrl\` (sandbox, production or a simulator) and \`apiKeysEnv\`; any other key is refused.

## Webhooks

Deliveries are verified on the raw body before anything is read: \`${signatureHeader(names)}: t=<unix s>,v1=<hex>\`,
an HMAC-SHA256 of \`<t>.<body>\` with the webhook secret, within a 5-minute replay window. The event's
id, type and time come from the signed body. A forged or replayed delivery is refused with an
\`IntegrationError\` of kind \`auth\` (reason \`webhook_signature_invalid\`), which ingress answers with 400.

## Field mapping

Generated from \`src/fields.ts\`; \`test/readme.test.ts\` keeps these tables equal to it.

${fieldTables(context)}

## Testing

\`${packageName}/testing\` exports \`create${pascal}Simulation\`: the provider simulated on 127.0.0.1
(testkit's ProviderSimulator) for tests and the hub's demo. \`test/fixtures/\` holds recorded
exchanges shaped like the real API, checked against the wire contracts as they load.

\`\`\`sh
pnpm turbo run contract --filter ${packageName}   # the shared connector contract suite alone
pnpm turbo run test --filter ${packageName}       # everything, with coverage
\`\`\`

What goes wrong and what to do about it: [RUNBOOK.md](./RUNBOOK.md).
`,
  };
}

/** The failure modes every connector has, whatever its domain: core handles them the same way everywhere. */
const COMMON_FAILURE_MODES: readonly FailureMode[] = [
  {
    failure: 'Authentication (401)',
    shows: "every call fails at once with `kind: 'auth'`, no retries",
    connector: 'never retries a 401; with two keys configured it moves to the other key and re-sends once (`auth.key_switched`)',
    ask: 'where keys are rotated or revoked in the provider\'s dashboard, and who may do it',
    severity: 'P0',
  },
  {
    failure: 'Rate limited (429)',
    shows: "`request.retried` with `http_429`, `rate_limit.waited`; `kind: 'rate_limited'` once retries are spent",
    connector: 'keeps to the windows in `src/limits.ts` before the provider says no; honours `Retry-After`',
    ask: 'how to ask the provider for a higher limit, and which batch jobs to slow down first',
    severity: 'P2',
  },
  {
    failure: 'Outage (5xx, timeouts, resets)',
    shows: "`request.retried`, `circuit.state_changed` to `open`, then `kind: 'unavailable'` with reason `circuit_open`",
    connector: 'retries with backoff and jitter within the retry budget; the breaker stops calls while the provider is down; list reads resume from the same cursor',
    ask: 'where the provider posts its status, and what callers are told meanwhile',
    severity: 'P1',
  },
  {
    failure: 'Schema drift',
    shows: '`contract.drift` events naming the contract and the fields',
    connector: 'a new field, or an optional one changed, is reported and the call succeeds; a field the connector reads breaking is a `contract_violation`',
    ask: 'how to confirm the change against the provider\'s changelog and update `src/wire/`',
    severity: 'P2',
  },
  {
    failure: 'Unknown enum value',
    shows: '`enum.unknown_value`, alerting on its first sighting',
    connector: 'maps the value to `unknown` and keeps the provider\'s text; never guesses a status',
    ask: 'where the new value is documented, and which status map it belongs in',
    severity: 'P2',
  },
  {
    failure: 'Webhooks refused',
    shows: 'ingress answers 400; `webhook_signature_invalid` errors',
    connector: 'verifies every delivery on its raw body; forged, stale and unsigned deliveries change nothing; polling still reaches the final state',
    ask: 'how to check the secret was rotated on both sides, and where the provider shows failed deliveries',
    severity: 'P1',
  },
];

// A pipe would end a Markdown table cell.
const cell = (text: string): string => text.replace(/\|/g, '\\|');

/** RUNBOOK.md: every failure mode as a row, with what a person does left to the contributor. */
export function runbookFile({ names, domain }: TemplateContext): GeneratedFile {
  const rows = [...COMMON_FAILURE_MODES, ...domain.failureModes].map(
    (mode) => `| ${cell(mode.failure)} | ${cell(mode.shows)} | ${cell(mode.connector)} | _to write: ${cell(mode.ask)}_ | ${mode.severity} |`,
  );
  return {
    path: 'RUNBOOK.md',
    content: `# ${names.title} connector runbook

What goes wrong with ${names.title}, how it shows, what the connector does on its own, and what a
person does. Severity: **P0** money or data is wrong or stuck for everyone, act now; **P1** the
integration degrades, act within the hour; **P2** a subset is affected or a report disagrees, act
today; **P3** keep an eye on it.

Every failure is an \`IntegrationError\` with \`provider: '${names.id}'\`, the endpoint, \`kind\`,
\`reason\`, \`status\`, \`providerCode\`, \`attempts\` and a \`correlationId\`; no API key or webhook
secret ever appears in an error, a log line or a telemetry event.

Before the first release, replace each _to write_ cell with the steps for ${names.title}, and check
each severity against what the integration carries.

| failure | how it shows | what the connector does | what a person does | severity |
| --- | --- | --- | --- | --- |
${rows.join('\n')}
`,
  };
}

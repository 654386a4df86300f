import type { GeneratedFile, TemplateContext } from '../template.js';
import { apiKeysEnv, signatureHeader, webhookSecretsEnv } from './webhooks.js';

/**
 * test/descriptor.test.ts: the connector's own identity, written out as literals (not read back
 * from the constants it checks), with a delivery signed by node:crypto alone so the test does not
 * trust the connector's scheme to check itself.
 */
export function descriptorTestFile({ names, domain }: TemplateContext): GeneratedFile {
  const { id, constant } = names;
  const header = signatureHeader(names);
  return {
    path: 'test/descriptor.test.ts',
    content: `import { createHmac } from 'node:crypto';
import { authenticateDelivery, type ConnectorContext } from '@interlock/core';
import { FakeClock } from '@interlock/core/testing';
import { describe, expect, it } from 'vitest';
import { descriptor } from '../src/index.js';

const SECRET = 'whsec_${names.snake}_descriptor_test';
const NOW = Date.UTC(2026, 0, 1, 12);
const SECONDS = NOW / 1000;
const BODY = JSON.stringify({ id: 'evt_1', type: 'descriptor.test', created_at: SECONDS });

/** Signs as the provider documents it, with node:crypto only. */
function signed(rawBody: string, timestamp: number, secret = SECRET): Record<string, string> {
  const signature = createHmac('sha256', secret).update(\`\${timestamp}.\${rawBody}\`).digest('hex');
  return { '${header}': \`t=\${timestamp},v1=\${signature}\` };
}

function context(env: Record<string, string>): ConnectorContext {
  return { env, clock: new FakeClock({ start: NOW }), telemetry: [], webhookSecrets: [SECRET] };
}

describe('${id} descriptor', () => {
  it('is the ${id} connector of the ${domain.name} domain', () => {
    expect(descriptor.id).toBe('${id}');
    expect(descriptor.domain.name).toBe('${domain.name}');
    expect(descriptor.webhooks.secretsEnv).toBe('${webhookSecretsEnv(names)}');
  });

  it('verifies webhooks signed in the ${header} header', () => {
    const { verification } = descriptor.webhooks;
    expect(verification.kind).toBe('signature');
    if (verification.kind !== 'signature') return;
    expect(verification.scheme.name).toBe('${id}');
    expect(verification.scheme.read({ '${header}': 't=1,v1=00' })).toBeDefined();
    expect(verification.scheme.read({ 'x-signature': 't=1,v1=00' })).toBeUndefined();
  });

  it('accepts a delivery signed independently with node:crypto', () => {
    const delivery = { rawBody: BODY, headers: signed(BODY, SECONDS), now: NOW };
    expect(authenticateDelivery(descriptor.webhooks, delivery, [SECRET])).toEqual({ ok: true });
    expect(authenticateDelivery(descriptor.webhooks, delivery, ['whsec_old', SECRET])).toEqual({ ok: true });
  });

  it('refuses a forged body, another secret, a replay outside the window and a missing signature', () => {
    const check = (rawBody: string, headers: Record<string, string>, now = NOW) => authenticateDelivery(descriptor.webhooks, { rawBody, headers, now }, [SECRET]);
    expect(check(\`\${BODY} \`, signed(BODY, SECONDS))).toEqual({ ok: false, reason: 'signature_mismatch' });
    expect(check(BODY, signed(BODY, SECONDS, 'whsec_someone_else'))).toEqual({ ok: false, reason: 'signature_mismatch' });
    expect(check(BODY, signed(BODY, SECONDS), NOW + 10 * 60_000)).toEqual({ ok: false, reason: 'timestamp_outside_tolerance' });
    expect(check(BODY, {})).toEqual({ ok: false, reason: 'missing_signature' });
  });

  it('fails to create without its API keys, naming the variable', () => {
    expect(() => descriptor.create(descriptor.config.parse({}), context({}))).toThrow(/\\b${apiKeysEnv(names)}\\b/);
  });

  it('creates the connector from the variable its config names', () => {
    const config = descriptor.config.parse({ apiKeysEnv: '${constant}_KEYS_FOR_TEST' });
    const connector = descriptor.create(config, context({ ${constant}_KEYS_FOR_TEST: 'sk_test_one,sk_test_two' }));
    expect(connector.provider).toBe('${id}');
  });

  it('refuses an option it does not know, such as a key written into the config', () => {
    expect(descriptor.config.safeParse({ apiKey: 'sk_live_pasted' }).success).toBe(false);
  });

  it('documents positive limits for the account and every endpoint', () => {
    expect(Object.keys(descriptor.limits)).toContain('account');
    for (const [endpoint, windows] of Object.entries(descriptor.limits)) {
      expect(windows.length, endpoint).toBeGreaterThan(0);
    }
  });
});
`,
  };
}

/** test/readme.test.ts: the README's field tables are the ones fields.ts declares. */
export function readmeTestFile({ names }: TemplateContext): GeneratedFile {
  return {
    path: 'test/readme.test.ts',
    content: `import { readFileSync } from 'node:fs';
import { fieldMappingTable } from '@interlock/core';
import { describe, expect, it } from 'vitest';
import { ${names.constant}_FIELD_MAPPINGS } from '../src/index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('${names.id} README', () => {
  it('shows every field mapping exactly as fields.ts declares it', () => {
    for (const { title, mapping } of ${names.constant}_FIELD_MAPPINGS) {
      const table = fieldMappingTable(mapping, { title });
      expect(readme, \`README.md should show this table:\\n\\n\${table}\\n\`).toContain(table);
    }
  });

  it('names the variables the hub reads credentials from', () => {
    expect(readme).toContain('${apiKeysEnv(names)}');
    expect(readme).toContain('${webhookSecretsEnv(names)}');
  });
});
`,
  };
}

/** test/production-entry.test.ts: the built production entries never reach the simulation or the testkit. */
export function productionEntryTestFile({ names }: TemplateContext): GeneratedFile {
  return {
    path: 'test/production-entry.test.ts',
    content: `import { fileURLToPath } from 'node:url';
import { runProductionEntrySuite } from '@interlock/testkit/vitest';

runProductionEntrySuite({ distDir: fileURLToPath(new URL('../dist', import.meta.url)), packageName: '@interlock/${names.id}' });
`,
  };
}

/** What a domain's test/contract/recorded.ts imports and exports besides the shared readers. */
export interface RecordedInputs {
  /** Import lines for the inputs' types and helpers. */
  readonly imports: string;
  /** The exported inputs the recorded writes were made with (`CREATE_INPUT`, …). */
  readonly inputs: string;
}

/**
 * test/contract/recorded.ts: the credentials, the domain's recorded inputs, and the recorded
 * exchanges loaded and checked against their contracts; test/contract/contract.test.ts: the
 * shared contract suite on the spec the domain writes in spec.ts.
 */
export function recordedFiles({ names }: TemplateContext, domain: RecordedInputs): GeneratedFile[] {
  const { camel, constant, snake } = names;
  return [
    {
      path: 'test/contract/recorded.ts',
      content: `import { fileURLToPath } from 'node:url';
${domain.imports}
import { fixturesByName, loadFixtures, type FaultReply, type Fixture } from '@interlock/testkit';
import { ${constant}_CONTRACTS } from '../../src/index.js';

/** A recorded answer: a status, maybe headers, and the body as JSON. */
export type RecordedReply = Extract<FaultReply, { status?: number }>;

/** Credentials shaped like the provider's, so the suite can check none of them leaks. */
export const API_KEY = 'sk_test_${snake}_4eC39HqLyjWDarjtT1zdp7dc';
export const WEBHOOK_SECRET = 'whsec_${snake}_contract_suite';

${domain.inputs}

// Each fixture is checked against the contract it names as it loads: a fixture the provider
// could never send fails here rather than passing a test.
const fixtures = fixturesByName(loadFixtures(fileURLToPath(new URL('../fixtures', import.meta.url)), { contracts: ${constant}_CONTRACTS }));

export function recorded(name: string): Fixture {
  const fixture = fixtures.get(name);
  if (fixture === undefined) throw new TypeError('No fixture named ' + name + ' in test/fixtures');
  return fixture;
}

/** A recorded answer, as the contract suite's simulator serves it. */
export function replyOf(name: string): RecordedReply {
  const { status, headers, body } = recorded(name).response;
  return headers === undefined ? { status, body } : { status, headers, body };
}
`,
    },
    {
      path: 'test/contract/contract.test.ts',
      content: `import { runConnectorContractSuite } from '@interlock/testkit/vitest';
import { ${camel}Spec } from './spec.js';

runConnectorContractSuite(${camel}Spec);
`,
    },
  ];
}

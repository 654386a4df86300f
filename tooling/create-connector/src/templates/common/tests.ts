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

import { readFileSync } from 'node:fs';
import { fieldMappingTable } from '@interlock/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { STRIPE_API_VERSION, STRIPE_FIELD_MAPPINGS, STRIPE_RATE_LIMITS } from '../src/index.js';
import { OLD_WEBHOOK_SECRET, TEST_API_KEY, WEBHOOK_SECRET } from './support/secrets.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

afterEach(() => vi.unstubAllEnvs());

describe('README', () => {
  it('shows every field mapping exactly as the code declares it', () => {
    for (const { title, mapping } of STRIPE_FIELD_MAPPINGS) expect(readme).toContain(fieldMappingTable(mapping, { title }));
  });

  it('names the pinned API version and the limits the client keeps to', () => {
    expect(readme).toContain(`Stripe-Version: ${STRIPE_API_VERSION}`);
    expect(readme).toContain(`| \`live\` (default) | ${STRIPE_RATE_LIMITS.live.account[0]?.limit} requests / s | ${STRIPE_RATE_LIMITS.live.endpoint[0]?.limit} requests / s |`);
    expect(readme).toContain(`| \`sandbox\` | ${STRIPE_RATE_LIMITS.sandbox.account[0]?.limit} requests / s | ${STRIPE_RATE_LIMITS.sandbox.endpoint[0]?.limit} requests / s |`);
  });

  it('shows the descriptor example as it is run here, and it prints what its comments say', async () => {
    const example = readFileSync(new URL('./support/descriptor-example.ts', import.meta.url), 'utf8');
    expect(readme).toContain(`\`\`\`ts\n${example}\`\`\``);
    vi.stubEnv('STRIPE_API_KEYS', TEST_API_KEY);
    vi.stubEnv('STRIPE_WEBHOOK_SECRETS', `${WEBHOOK_SECRET},${OLD_WEBHOOK_SECRET}`);
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await import('./support/descriptor-example.js');
    expect(log.mock.calls).toEqual([
      ['stripe', 'payments', 'STRIPE_API_KEYS', 0],
      [{ ok: true }],
      [{ eventId: 'evt_1', type: 'customer.created', occurredAt: 1_767_225_600_000 }],
      [['unknown customer.created']],
    ]);
  });
});

import { readFileSync } from 'node:fs';
import { fieldMappingTable } from '@interlock/core';
import { describe, expect, it } from 'vitest';
import { STRIPE_API_VERSION, STRIPE_FIELD_MAPPINGS, STRIPE_RATE_LIMITS } from '../src/index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('shows every field mapping exactly as the code declares it', () => {
    for (const { title, mapping } of STRIPE_FIELD_MAPPINGS) expect(readme).toContain(fieldMappingTable(mapping, { title }));
  });

  it('names the pinned API version and the limits the client keeps to', () => {
    expect(readme).toContain(`Stripe-Version: ${STRIPE_API_VERSION}`);
    expect(readme).toContain(`| \`live\` (default) | ${STRIPE_RATE_LIMITS.live.account[0]?.limit} requests / s | ${STRIPE_RATE_LIMITS.live.endpoint[0]?.limit} requests / s |`);
    expect(readme).toContain(`| \`sandbox\` | ${STRIPE_RATE_LIMITS.sandbox.account[0]?.limit} requests / s | ${STRIPE_RATE_LIMITS.sandbox.endpoint[0]?.limit} requests / s |`);
  });
});

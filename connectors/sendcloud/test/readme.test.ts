import { readFileSync } from 'node:fs';
import { fieldMappingTable } from '@interlock/core';
import { describe, expect, it } from 'vitest';
import { SENDCLOUD_FIELD_MAPPINGS } from '../src/index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('sendcloud README', () => {
  it('shows every field mapping exactly as fields.ts declares it', () => {
    for (const { title, mapping } of SENDCLOUD_FIELD_MAPPINGS) {
      const table = fieldMappingTable(mapping, { title });
      expect(readme, `README.md should show this table:\n\n${table}\n`).toContain(table);
    }
  });

  it('names the variables the hub reads credentials from', () => {
    expect(readme).toContain('SENDCLOUD_API_KEYS');
    expect(readme).toContain('SENDCLOUD_WEBHOOK_SECRETS');
  });
});

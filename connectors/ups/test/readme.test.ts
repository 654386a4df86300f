import { readFileSync } from 'node:fs';
import { fieldMappingTable } from '@interlock/core';
import { describe, expect, it } from 'vitest';
import { UPS_FIELD_MAPPINGS } from '../src/index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('ups README', () => {
  it('shows every field mapping exactly as fields.ts declares it', () => {
    for (const { title, mapping } of UPS_FIELD_MAPPINGS) {
      const table = fieldMappingTable(mapping, { title });
      expect(readme, `README.md should show this table:\n\n${table}\n`).toContain(table);
    }
  });

  it('names the variables the hub reads credentials from', () => {
    expect(readme).toContain('UPS_CLIENT');
    expect(readme).toContain('UPS_WEBHOOK_SECRETS');
  });
});

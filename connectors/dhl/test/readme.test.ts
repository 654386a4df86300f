import { readFileSync } from 'node:fs';
import { fieldMappingTable } from '@interlock/core';
import { describe, expect, it } from 'vitest';
import { DHL_FIELD_MAPPINGS } from '../src/index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('dhl README', () => {
  it('shows every field mapping exactly as fields.ts declares it', () => {
    for (const { title, mapping } of DHL_FIELD_MAPPINGS) {
      const table = fieldMappingTable(mapping, { title });
      expect(readme, `README.md should show this table:\n\n${table}\n`).toContain(table);
    }
  });

  it('names the variables the hub reads the credentials from', () => {
    for (const variable of ['DHL_API_KEYS', 'DHL_EXPRESS_USERNAME', 'DHL_EXPRESS_PASSWORD', 'DHL_EXPRESS_ACCOUNT_NUMBER']) expect(readme).toContain(variable);
  });
});

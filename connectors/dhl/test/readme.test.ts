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

  it('names the variable the hub reads the API keys from', () => {
    expect(readme).toContain('DHL_API_KEYS');
  });
});

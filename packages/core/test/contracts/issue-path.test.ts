import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeIssue, displayKey, isClosedSetFailure, schemaPath } from '../../src/contracts/issue-path.js';

const schema = z.object({
  items: z.array(z.object({ id: z.string() })),
  byId: z.record(z.object({ n: z.number() })),
  method: z.union([z.object({ iban: z.string() }), z.object({ last4: z.string() })]),
  blob: z.unknown(),
});

describe('schemaPath', () => {
  it('keeps declared keys and turns indexes into []', () => {
    expect(schemaPath(schema, ['items', 3, 'id'])).toBe('items[].id');
  });

  it('turns record keys into * and follows the record value', () => {
    expect(schemaPath(schema, ['byId', 'ann@example.com', 'n'])).toBe('byId.*.n');
  });

  it('finds a key in any union option', () => {
    expect(schemaPath(schema, ['method', 'last4'])).toBe('method.last4');
    expect(schemaPath(schema, ['method', 'pin'])).toBe('method.*');
  });

  it('hides everything past where the schema can be followed', () => {
    expect(schemaPath(schema, ['blob', 'secret', 0, 'x'])).toBe('blob.*[].*');
    expect(schemaPath(schema, [])).toBe('');
  });
});

describe('displayKey', () => {
  it.each(['carrier_code', 'estimatedDeliveryDate', 'x-request-id', 'address_line2', 'sha256Sum'])('shows %s', (key) => {
    expect(displayKey(key)).toBe(key);
  });

  it.each(['ann@example.com', '+919876543210', 'S12345', '550e8400-e29b-41d4', 'has space', 'a'.repeat(65), ''])(
    'hides %s',
    (key) => {
      expect(displayKey(key)).toBe('*');
    },
  );
});

describe('describeIssue', () => {
  it('uses codes and type names, never zod messages', () => {
    const result = z.object({ a: z.string().min(10) }).safeParse({ a: 'sk_live' });
    expect(result.success).toBe(false);
    if (!result.success) {
      const [issue] = result.error.issues;
      expect(issue && describeIssue(issue)).toBe('too_small');
      expect(issue && isClosedSetFailure([issue])).toBe(false);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { parseCredentialPair } from '../../src/auth/index.js';

describe('parseCredentialPair', () => {
  it('splits at the first colon, so a secret may hold colons', () => {
    expect(parseCredentialPair('client-7:se:cr:et', 'p', 'shape')).toEqual({ id: 'client-7', secret: 'se:cr:et' });
  });

  it.each(['no-colon-here-x', ':secret-half-x', 'id-half-x:', ''])('refuses %j, naming the provider and the shape, never the value', (value) => {
    // The exact message: nothing of the value may follow it.
    expect(() => parseCredentialPair(value, 'ups', 'UPS_CLIENT must be client_id:client_secret')).toThrowError(
      new TypeError('ups: UPS_CLIENT must be client_id:client_secret'),
    );
  });
});

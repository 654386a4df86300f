import { classifyResponse } from '@interlock/core';
import { describe, expect, it } from 'vitest';
import { STRIPE_ERROR_KINDS, stripeErrorTable } from '../src/index.js';
import { stripeErrorCode } from '../src/errors.js';

const classify = (status: number, error: Record<string, unknown>) => classifyResponse(status, { error }, stripeErrorTable);

describe('Stripe error table', () => {
  it('classifies card errors by decline code, falling back to the code', () => {
    expect(classify(402, { type: 'card_error', code: 'card_declined', decline_code: 'insufficient_funds' })).toMatchObject({
      kind: 'business_rejected',
      providerCode: 'insufficient_funds',
      reason: 'provider_code_insufficient_funds',
    });
    expect(classify(402, { type: 'card_error', code: 'expired_card', message: 'Your card has expired.' })).toMatchObject({
      kind: 'business_rejected',
      providerCode: 'expired_card',
      providerMessage: 'Your card has expired.',
    });
    // A decline code Stripe adds later is still a 402 card error: the status decides.
    expect(classify(402, { type: 'card_error', decline_code: 'new_decline' })).toMatchObject({ kind: 'business_rejected', reason: 'http_402' });
  });

  it('lets decisive types win over the status', () => {
    expect(classify(400, { type: 'idempotency_error', message: 'Keys for idempotent requests…' })).toMatchObject({ kind: 'conflict' });
    expect(classify(409, { type: 'idempotency_error', code: 'idempotency_key_in_use' })).toMatchObject({ kind: 'conflict' });
    expect(classify(500, { type: 'api_error' })).toMatchObject({ kind: 'unavailable' });
    expect(classify(401, { type: 'authentication_error' })).toMatchObject({ kind: 'auth' });
  });

  it('leaves invalid_request_error to its status: 401 auth, 400 invalid_request, 404 by code', () => {
    expect(classify(401, { type: 'invalid_request_error', message: 'Invalid API Key provided' })).toMatchObject({ kind: 'auth', reason: 'http_401' });
    expect(classify(400, { type: 'invalid_request_error', code: 'parameter_missing' })).toMatchObject({ kind: 'invalid_request' });
    expect(classify(404, { type: 'invalid_request_error', code: 'resource_missing' })).toMatchObject({ kind: 'not_found' });
    expect(classify(400, { type: 'invalid_request_error', code: 'resource_missing', param: 'customer' })).toMatchObject({ kind: 'not_found' });
  });

  it('reads 429 rate_limit and lock_timeout as rate limited', () => {
    expect(classify(429, { type: 'invalid_request_error', code: 'rate_limit' })).toMatchObject({ kind: 'rate_limited' });
    expect(classify(429, { type: 'invalid_request_error', code: 'lock_timeout' })).toMatchObject({ kind: 'rate_limited' });
  });

  it('ignores bodies that are not Stripe errors, so the status decides', () => {
    expect(stripeErrorCode({ error: { message: 'injected fault' } })).toBeUndefined();
    expect(stripeErrorCode('<html>Bad gateway</html>')).toBeUndefined();
    expect(classifyResponse(503, { error: 'unavailable' }, stripeErrorTable)).toMatchObject({ kind: 'unavailable', reason: 'http_503' });
  });

  it('lists every decline code as a business rejection', () => {
    expect(STRIPE_ERROR_KINDS['do_not_honor']).toBe('business_rejected');
    expect(STRIPE_ERROR_KINDS['stolen_card']).toBe('business_rejected');
  });
});

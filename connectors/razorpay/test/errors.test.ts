import { classifyResponse, collectAll, money } from '@interlock/core';
import { afterEach, describe, expect, it } from 'vitest';
import { ERROR_RULE_PRECEDENCE, extractRazorpayError, RAZORPAY_ERROR_RULES, razorpayErrorTable, type RazorpayErrorRule } from '../src/index.js';
import { stage, type Stage } from './support.js';

const body = (error: Record<string, unknown>) => ({ error: { field: null, source: 'NA', step: 'NA', reason: 'NA', metadata: {}, ...error } });
const table = razorpayErrorTable();
const classify = (status: number, error: Record<string, unknown>) => classifyResponse(status, body(error), table);

describe('the Razorpay error table', () => {
  it('classifies by the HTTP status when the code says nothing more (BAD_REQUEST_ERROR comes with 400 and 401)', () => {
    expect(classify(400, { code: 'BAD_REQUEST_ERROR', description: 'The amount must be an integer.' })).toMatchObject({ kind: 'invalid_request', providerCode: 'BAD_REQUEST_ERROR', reason: 'http_400' });
    expect(classify(401, { code: 'BAD_REQUEST_ERROR', description: 'Authentication failed' })).toMatchObject({ kind: 'auth' });
    expect(classify(404, { code: 'BAD_REQUEST_ERROR', description: 'The requested URL was not found on the server.' })).toMatchObject({ kind: 'not_found' });
    expect(classify(429, { code: 'BAD_REQUEST_ERROR', description: 'Too many requests' })).toMatchObject({ kind: 'rate_limited' });
  });

  it('classifies gateway and server errors as unavailable whatever the status', () => {
    expect(classify(400, { code: 'GATEWAY_ERROR', description: 'Payment failed at the gateway' })).toMatchObject({ kind: 'unavailable', providerCode: 'GATEWAY_ERROR' });
    expect(classify(500, { code: 'SERVER_ERROR', description: 'The server encountered an error.' })).toMatchObject({ kind: 'unavailable', providerCode: 'SERVER_ERROR' });
  });

  it('prefers the payment reason: a decline is business_rejected, a validation failure invalid_request', () => {
    for (const reason of ['payment_failed', 'card_declined', 'insufficient_funds', 'authentication_failed']) {
      expect(classify(400, { code: 'BAD_REQUEST_ERROR', description: 'Payment failed', source: 'customer', step: 'payment_authorization', reason })).toMatchObject({
        kind: 'business_rejected',
        providerCode: reason,
      });
    }
    expect(classify(400, { code: 'BAD_REQUEST_ERROR', description: 'x', reason: 'input_validation_failed' })).toMatchObject({ kind: 'invalid_request', providerCode: 'input_validation_failed' });
    // A reason nobody listed falls back to the code and the status.
    expect(classify(400, { code: 'GATEWAY_ERROR', description: 'x', reason: 'bank_cutoff_in_progress' })).toMatchObject({ kind: 'unavailable', providerCode: 'GATEWAY_ERROR' });
  });

  it('classifies an unknown id as not_found although Razorpay sends it with reason input_validation_failed', () => {
    // As Razorpay answers GET /v1/payments/<unknown id>: the reason is the generic validation category.
    const unknownId = { code: 'BAD_REQUEST_ERROR', description: 'The id provided does not exist', source: 'business', step: 'payment_initiation', reason: 'input_validation_failed' };
    expect(classify(400, unknownId)).toMatchObject({ kind: 'not_found', providerCode: 'id_not_found' });
    // The same reason with a description no rule names stays a plain validation failure.
    expect(classify(400, { ...unknownId, description: 'The month is not a valid month.', field: 'month' })).toMatchObject({ kind: 'invalid_request', providerCode: 'input_validation_failed' });
  });

  it('keeps its rules most specific first, and refuses a table where a less specific rule would win', () => {
    const tiers = RAZORPAY_ERROR_RULES.map((rule) => ERROR_RULE_PRECEDENCE.findIndex((on) => on in rule));
    expect(tiers).toEqual([...tiers].sort((a, b) => a - b));
    // Every swap of two neighbouring rules that read different parts of the error is refused.
    let mutants = 0;
    for (let i = 0; i + 1 < RAZORPAY_ERROR_RULES.length; i++) {
      if (tiers[i] === tiers[i + 1]) continue;
      const swapped = [...RAZORPAY_ERROR_RULES];
      [swapped[i], swapped[i + 1]] = [swapped[i + 1] as RazorpayErrorRule, swapped[i] as RazorpayErrorRule];
      expect(() => razorpayErrorTable(swapped)).toThrow(/most specific first/);
      mutants++;
    }
    expect(mutants).toBe(ERROR_RULE_PRECEDENCE.length - 1);
    // The mutant of the bug itself: the validation reason moved above the description rules.
    const reasonFirst = [{ reason: 'input_validation_failed', kind: 'invalid_request' } as const, ...RAZORPAY_ERROR_RULES.filter((rule) => !('reason' in rule && rule.reason === 'input_validation_failed'))];
    expect(() => razorpayErrorTable(reasonFirst)).toThrow("razorpay error rules: 'idempotency_key_reused' reads the description and must come before every rule on the reason (most specific first)");
    expect(() => razorpayErrorTable([...RAZORPAY_ERROR_RULES, { code: 'id_not_found', kind: 'invalid_request' }])).toThrow(/'id_not_found' is reported by two rules/);
  });

  it('reads the conditions Razorpay states only in prose', () => {
    expect(classify(400, { code: 'BAD_REQUEST_ERROR', description: 'Different request with the same idempotency key has already been processed.' })).toMatchObject({
      kind: 'conflict',
      providerCode: 'idempotency_key_reused',
    });
    expect(classify(400, { code: 'BAD_REQUEST_ERROR', description: 'The id provided does not exist' })).toMatchObject({ kind: 'not_found', providerCode: 'id_not_found' });
    expect(classify(400, { code: 'BAD_REQUEST_ERROR', description: 'This payment has already been captured' })).toMatchObject({ kind: 'conflict', providerCode: 'already_captured' });
  });

  it('treats a 409 on an idempotent refund as transient, as the docs say to retry it', () => {
    const verdict = classify(409, { code: 'BAD_REQUEST_ERROR', description: 'Request is being processed' });
    expect(verdict).toMatchObject({ kind: 'rate_limited', providerCode: 'request_in_progress' });
    expect(classifyResponse(409, undefined, table)).toMatchObject({ kind: 'rate_limited', providerCode: 'request_in_progress' });
  });

  it('reads older and foreign bodies without failing', () => {
    expect(extractRazorpayError({ error: { code: 'BAD_REQUEST_ERROR', description: 'The amount is invalid', field: 'amount' } }, 400)).toEqual({
      code: 'BAD_REQUEST_ERROR',
      message: 'The amount is invalid',
    });
    expect(extractRazorpayError({ error: { message: 'upstream proxy' } }, 502)).toEqual({ code: undefined, message: 'upstream proxy' });
    expect(extractRazorpayError('<html>Bad gateway</html>', 502)).toBeUndefined();
    expect(extractRazorpayError({ error: 'unavailable' }, 503)).toBeUndefined();
    expect(extractRazorpayError({ error: { message: 42 } }, 503)).toBeUndefined();
  });
});

describe('errors through the connector', () => {
  let current: Stage | undefined;
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });

  it('retries a refund that is still in flight (409) with the same key, then succeeds', async () => {
    current = await stage();
    const { connector, simulation } = current;
    const payment = await connector.createPayment({ amount: money(5000, 'INR'), captureMethod: 'automatic', reference: 'in-flight' });
    simulation.customerCompletes(payment);
    simulation.simulator.setScenario({
      rules: [{ match: { method: 'POST', path: /\/refund$/ }, times: 1, fault: { type: 'status', status: 409, body: body({ code: 'BAD_REQUEST_ERROR', description: 'Request is being processed' }) } }],
    });
    const refund = await connector.refundPayment(payment.id, { idempotencyKey: 'refund-in-flight-1' });
    expect(refund.amount).toEqual(money(5000, 'INR'));
    expect(simulation.simulator.count('POST', '/v1/payments/:id/refund')).toBe(2);
  });

  it('answers 401 without credentials, classified as auth and never retried', async () => {
    current = await stage();
    const { simulation } = current;
    const response = await fetch(`${simulation.simulator.url}/v1/orders`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'BAD_REQUEST_ERROR', description: 'Authentication failed' } });
  });

  it('stops a list read on a page that fails for good, instead of returning it short', async () => {
    current = await stage();
    const { connector, simulation, clock } = current;
    for (let i = 0; i < 120; i++) simulation.state.createOrder({ amount: 1000, currency: 'INR', receipt: `p-${i}`, notes: {}, autoCapture: true }, clock.now());
    simulation.simulator.route('GET', '/v1/orders', (request) =>
      request.searchParams.get('skip') === '0'
        ? { status: 200, body: { entity: 'collection', count: 100, items: simulation.state.allOrders().slice(0, 100) } }
        : { status: 400, body: body({ code: 'BAD_REQUEST_ERROR', description: 'The skip must be an integer.' }) },
    );
    await expect(collectAll(connector.listPayments())).rejects.toMatchObject({ kind: 'invalid_request' });
  });
});

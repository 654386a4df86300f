import { IntegrationError } from '@interlock/core';
import { describe, expect, it } from 'vitest';
import { connectorContractChecks, type ContractCheck } from '../src/index.js';
import { ACME_ERROR_CODES } from './sample-connector/errors.js';
import { acmeSpec } from './sample-connector/spec.js';

function check(checks: readonly ContractCheck[], name: string): ContractCheck {
  const found = checks.find((c) => c.name === name);
  if (!found) throw new Error(`no check named ${name}`);
  return found;
}

describe('the shared contract suite can fail', () => {
  // A connector whose error table calls a 400 `invalid_amount` transient: core then retries it.
  const retriesA400 = connectorContractChecks(acmeSpec({ ...ACME_ERROR_CODES, invalid_amount: 'unavailable' }));

  it('fails a connector that retries a 400', async () => {
    await expect(check(retriesA400, 'never retries a permanent failure').run()).rejects.toThrow(/invalid amount is permanent but was sent 3 times/);
  });

  it('fails the same connector on classification', async () => {
    // Retried to the end, a create that may have reached the provider ends as outcome_unknown, not as the transient kind.
    await expect(check(retriesA400, 'classifies each documented provider error to its kind').run()).rejects.toThrow(
      /invalid amount: classified as outcome_unknown, documented as invalid_request/,
    );
  });

  it('fails a spec whose documented kinds are wrong, and one that leaks its credential', async () => {
    const wrong = acmeSpec();
    const checks = connectorContractChecks({ ...wrong, errors: [{ name: 'not found', kind: 'auth', reply: { status: 404 } }] });
    await expect(check(checks, 'classifies each documented provider error to its kind').run()).rejects.toThrow(/classified as not_found/);
    const leaky = connectorContractChecks({ ...wrong, credentials: ['pay_1'] });
    await expect(check(leaky, 'never leaks a credential into errors or telemetry').run()).rejects.toThrow(/credential appeared/);
  });

  it('fails a connector that refuses every call, though no request it sent exceeded a limit', async () => {
    const spec = acmeSpec();
    // The refusal the check accepts from a connector waiting on its limits, given without sending anything.
    const refusal = new IntegrationError('rate_limited', 'refused before sending', { provider: 'acme', endpoint: 'getPayment', reason: 'rate_limit_wait_exceeds_budget', requestMayHaveReachedProvider: false });
    const refusing = connectorContractChecks({ ...spec, read: { ...spec.read, call: () => Promise.reject(refusal) } });
    await expect(check(refusing, 'respects its documented rate limits').run()).rejects.toThrow(/0 of \d+ calls reached the provider/);
  });

  it('fails a connector that reports neither drift nor unknown values', async () => {
    const spec = acmeSpec();
    const blind = connectorContractChecks({
      ...spec,
      drift: { reply: spec.read.reply },
      unknownEnum: { reply: spec.read.reply, raw: 'on_hold' },
    });
    await expect(check(blind, 'reports contract drift instead of passing it through silently').run()).rejects.toThrow(/no contract.drift event/);
    await expect(check(blind, 'maps an unknown enum value to unknown, keeps it raw and alerts once').run()).rejects.toThrow(/was not reported/);
  });
});

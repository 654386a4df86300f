import { ContractDriftCounter, MemoryTelemetrySink, parseContract, signWebhook } from '@interlock/core';
import { describe, expect, it } from 'vitest';
import { ACKNOWLEDGED_FIELDS } from '../src/wire/common.js';
import { createStripeConnector, STRIPE_CONTRACTS, stripeWebhookScheme } from '../src/index.js';
import { FIXTURES, fixtureBody } from './support/fixtures.js';
import { TEST_API_KEY, WEBHOOK_SECRET } from './support/secrets.js';

const T0 = Date.UTC(2026, 0, 1);
const SUCCEEDED = (fixtureBody('list events for reconciliation')['data'] as Record<string, unknown>[])[0] as { data: { object: Record<string, unknown> } };

function webhooks() {
  const sink = new MemoryTelemetrySink();
  const stripe = createStripeConnector({ credentials: { apiKey: TEST_API_KEY }, webhookSecrets: [WEBHOOK_SECRET], telemetry: [sink] });
  const deliver = (object: Record<string, unknown>) => {
    const rawBody = JSON.stringify({ ...SUCCEEDED, data: { object } });
    return stripe.parseWebhook({ rawBody, headers: signWebhook(stripeWebhookScheme, { rawBody, secret: WEBHOOK_SECRET, timestamp: T0 }), now: T0 + 1000 });
  };
  return { deliver, reports: () => sink.ofType('contract.drift'), drift: () => sink.ofType('contract.drift').flatMap((event) => event.drift) };
}

describe('drift on Stripe objects as they are today', () => {
  it('every recorded exchange (shaped from stripe-fixtures3.json) parses with no drift: its newer fields are acknowledged', () => {
    const sink = new MemoryTelemetrySink();
    const ctx = { emit: (event: Parameters<MemoryTelemetrySink['emit']>[0]) => sink.emit(event), driftCounter: new ContractDriftCounter() };
    let carried = 0;
    for (const recorded of FIXTURES.values()) {
      const contract = STRIPE_CONTRACTS[recorded.contract ?? ''];
      if (contract === undefined) continue;
      parseContract(contract, recorded.response.body, ctx);
      const body = JSON.stringify(recorded.response.body);
      carried += Object.values(ACKNOWLEDGED_FIELDS).flat().filter((field) => body.includes(`"${field}"`)).length;
    }
    expect(carried).toBeGreaterThan(20);
    expect(sink.ofType('contract.drift')).toEqual([]);
    expect(ctx.driftCounter.sightings()).toEqual([]);
  });

  it('a PaymentIntent carrying source: null, payment_method_configuration_details and an error’s advice_code emits nothing', () => {
    const { deliver, drift } = webhooks();
    const intent = {
      ...SUCCEEDED.data.object,
      source: null,
      payment_method_configuration_details: { id: 'pmc_1OaB2cLkdIwHu7ix', parent: null },
      last_payment_error: { type: 'card_error', code: 'card_declined', decline_code: 'insufficient_funds', advice_code: 'try_again_later', network_advice_code: '51', network_decline_code: '51' },
    };
    deliver(intent);
    expect(drift()).toEqual([]);
  });

  it('a field nobody acknowledged still alerts, once however many bodies carry it', () => {
    const { deliver, reports } = webhooks();
    const intent = { ...SUCCEEDED.data.object, presentment_details: { presentment_amount: 1000, presentment_currency: 'eur' } };
    deliver(intent);
    deliver(intent);
    deliver({ ...intent, id: 'pi_3OaB2cLkdIwHu7ix1Other' });
    expect(reports()).toHaveLength(1);
    expect(reports()[0]?.firstSeen).toEqual([{ kind: 'unknown_field', path: 'presentment_details', exampleType: 'object' }]);
  });
});

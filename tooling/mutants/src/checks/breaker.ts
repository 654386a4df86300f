import assert from 'node:assert/strict';
import { collectAll, isIntegrationError } from '@interlock/core';
import { stage } from '../../../../connectors/razorpay/test/support.js';

const READS = 20;

/**
 * The breaker guarantee: once a provider is seen to be down, calls stop reaching it until it may
 * have recovered. Twenty reads meet a 503 on every attempt; some must be refused by the open
 * circuit without being sent.
 */
export async function outageOpensTheCircuit(): Promise<void> {
  const razorpay = await stage();
  const reasons: string[] = [];
  try {
    razorpay.simulation.simulator.setScenario({ rules: [{ match: { method: 'GET', path: '/v1/orders' }, fault: { type: 'status', status: 503 } }] });
    for (let read = 0; read < READS; read++) {
      const error: unknown = await collectAll(razorpay.connector.listPayments()).then(() => undefined, (thrown: unknown) => thrown);
      reasons.push(isIntegrationError(error) ? error.reason : `not an IntegrationError: ${String(error)}`);
    }
  } finally {
    await razorpay.close();
  }
  const sent = razorpay.simulation.simulator.count('GET', '/v1/orders');
  const refused = reasons.filter((reason) => reason === 'circuit_open').length;
  assert.ok(refused > 0, `no read was refused by an open circuit: ${sent} attempts reached Razorpay during the outage (${[...new Set(reasons)].join(', ')})`);
}

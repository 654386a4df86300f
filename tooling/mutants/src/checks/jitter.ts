import assert from 'node:assert/strict';
import { collectAll } from '@interlock/core';
import { MemoryTelemetrySink } from '@interlock/testkit';
import { stage } from '../../../../connectors/razorpay/test/support.js';

/**
 * The retry guarantee against thundering herds: retries of the same failure are spread by jitter,
 * not sent in lockstep. Six reads each meet one 503 and are retried; their waits must differ.
 */
export async function retriesSpreadByJitter(): Promise<void> {
  const sink = new MemoryTelemetrySink();
  const razorpay = await stage({ telemetry: [sink] });
  try {
    for (let read = 0; read < 6; read++) {
      razorpay.simulation.simulator.setScenario({ rules: [{ match: { method: 'GET', path: '/v1/orders' }, times: 1, fault: { type: 'status', status: 503 } }] });
      await collectAll(razorpay.connector.listPayments());
    }
  } finally {
    await razorpay.close();
  }
  const delays = sink.ofType('request.retried').map((event) => event.delayMs);
  assert.equal(delays.length, 6, `${delays.length} retries for six reads that each met one 503`);
  assert.ok(new Set(delays).size > 1, `the ${delays.length} retries after the same failure all waited ${delays[0] ?? '-'} ms: retries in lockstep`);
}

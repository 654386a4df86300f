import { collectAll, isIntegrationError, money, type Money } from '@interlock/core';
import { afterEach, describe, expect, it } from 'vitest';
import { fromWireAmount, toWireAmount } from '../src/index.js';
import { stage, type Stage } from './support.js';

let current: Stage | undefined;
afterEach(async () => {
  await current?.close();
  current = undefined;
});

describe('amounts on the wire', () => {
  it('sends minor units as they are: paise, whole yen, fils with a trailing zero', () => {
    expect(toWireAmount(money(10050, 'INR'), 'test')).toBe(10050);
    expect(toWireAmount(money(1000, 'JPY'), 'test')).toBe(1000);
    expect(toWireAmount(money(295990, 'KWD'), 'test')).toBe(295990);
    expect(toWireAmount(money(12340, 'BHD'), 'test')).toBe(12340);
  });

  it('refuses a 3-decimal amount Razorpay cannot take, before sending it', () => {
    for (const amount of [money(295991, 'KWD'), money(1005, 'OMR'), money(7, 'BHD')]) {
      let error: unknown;
      try {
        toWireAmount(amount, 'createOrder');
      } catch (thrown) {
        error = thrown;
      }
      expect(isIntegrationError(error) && error.kind === 'invalid_request' && error.reason === 'amount_precision_unsupported').toBe(true);
      expect(isIntegrationError(error) && error.requestMayHaveReachedProvider).toBe(false);
    }
  });

  it('refuses zero and negative amounts', () => {
    expect(() => toWireAmount(money(0, 'INR'), 'x')).toThrow(/above zero/);
    expect(() => toWireAmount(money(-100, 'INR'), 'x')).toThrow(/above zero/);
  });

  it('reads Razorpay amounts exactly, and refuses what is not an integer amount', () => {
    expect(fromWireAmount(295990, 'KWD', 'amount')).toEqual(money(295990, 'KWD'));
    expect(() => fromWireAmount(10.5, 'INR', 'amount')).toThrow(/integer/);
    expect(() => fromWireAmount(100, 'XYZ', 'amount')).toThrow(/Unknown ISO 4217/);
  });
});

describe('amounts round trip through the simulated API', () => {
  const cases: readonly [string, Money][] = [
    ['INR (paise)', money(149_999, 'INR')],
    ['JPY (zero-decimal)', money(1_250, 'JPY')],
    ['KWD (3 decimals, trailing zero)', money(295_990, 'KWD')],
    ['BHD (3 decimals, trailing zero)', money(10_010, 'BHD')],
  ];

  for (const [name, amount] of cases) {
    it(`${name}: created, paid, read back and settled to the same minor units`, async () => {
      current = await stage();
      const { connector, simulation, clock } = current;
      const created = await connector.createPayment({ amount, captureMethod: 'automatic', reference: `rt-${amount.currency}` });
      expect(created.amount).toEqual(amount);
      simulation.customerCompletes(created);
      const read = await connector.getPayment(created.id);
      expect(read).toMatchObject({ status: 'succeeded', amount, amountCaptured: amount });
      const from = clock.now();
      simulation.settle(clock.now());
      const lines = await collectAll(connector.listSettlements({ from: from - 1000, to: clock.now() + 1000 }));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ paymentId: created.id, kind: 'charge', gross: amount });
      expect(lines[0]?.net.amountMinor).toBe(amount.amountMinor - (lines[0]?.fee.amountMinor ?? 0));
    });
  }

  it('refuses a KWD amount with a last digit and sends nothing', async () => {
    current = await stage();
    await expect(current.connector.createPayment({ amount: money(295_991, 'KWD'), captureMethod: 'automatic', reference: 'kwd-odd' })).rejects.toMatchObject({
      kind: 'invalid_request',
      reason: 'amount_precision_unsupported',
    });
    expect(current.simulation.simulator.requests).toHaveLength(0);
  });
});

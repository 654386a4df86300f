import { describe, expect, it } from 'vitest';
import { connectorNames, nameProblem } from '../src/names.js';

describe('connector names', () => {
  it('derives every form the templates write from one name', () => {
    expect(connectorNames('acme-pay')).toEqual({
      id: 'acme-pay',
      packageName: '@interlock/acme-pay',
      pascal: 'AcmePay',
      camel: 'acmePay',
      constant: 'ACME_PAY',
      snake: 'acme_pay',
      title: 'Acme Pay',
    });
  });

  it('keeps digits and single words', () => {
    expect(connectorNames('pay2go')).toMatchObject({ pascal: 'Pay2go', camel: 'pay2go', constant: 'PAY2GO', title: 'Pay2go' });
    expect(connectorNames('zeta-3d-secure')).toMatchObject({ pascal: 'Zeta3dSecure', camel: 'zeta3dSecure', constant: 'ZETA_3D_SECURE', snake: 'zeta_3d_secure' });
  });

  it.each(['', 'Acme', 'acme_pay', 'acme pay', '-acme', 'acme-', 'acme--pay', '2pay', '@interlock/acme', 'a'.repeat(41)])('refuses %j', (name) => {
    expect(nameProblem(name)).toBeDefined();
    expect(() => connectorNames(name)).toThrow(TypeError);
  });

  it('accepts the longest name it allows', () => {
    expect(nameProblem('a'.repeat(40))).toBeUndefined();
  });
});

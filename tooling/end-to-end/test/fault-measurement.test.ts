import { describe, expect, it } from 'vitest';
import { measureFaults } from '../src/fault-measurement.js';

const NAMES = { outage: 'outage', transientPrefix: 'transient_' };
const at = (ms: number, rule: string) => ({ at: ms, rule, route: 'GET /v1/things' });

describe('measureFaults', () => {
  it('counts the transient share among the requests the outage did not refuse', () => {
    const injections = [at(1_000, 'transient_reset'), at(60_000, 'outage'), at(90_000, 'outage'), at(120_000, 'outage'), at(200_000, 'transient_status'), at(210_000, 'drift')];
    // 13 requests, 3 refused by the outage: 2 transient faults among the other 10.
    expect(measureFaults(13, injections, NAMES)).toEqual({ requests: 13, outageRefusals: 3, outageMs: 60_000, transientFaults: 2, transientShare: 0.2 });
  });

  it('measures no outage and no share when nothing was refused or asked', () => {
    expect(measureFaults(0, [], NAMES)).toEqual({ requests: 0, outageRefusals: 0, outageMs: 0, transientFaults: 0, transientShare: 0 });
    expect(measureFaults(4, [at(5, 'transient_reset')], NAMES)).toMatchObject({ outageMs: 0, transientShare: 0.25 });
  });
});

import { describe, it } from 'vitest';
import { connectorContractChecks } from './checks.js';
import type { ConnectorContractSpec } from './spec.js';

/** Registers the shared contract suite for one connector; call it from the connector's contract test. */
export function runConnectorContractSuite<C>(spec: ConnectorContractSpec<C>): void {
  describe(`${spec.provider}: shared connector contract`, () => {
    for (const check of connectorContractChecks(spec)) it(check.name, () => check.run());
  });
}

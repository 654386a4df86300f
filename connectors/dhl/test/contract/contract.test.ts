import { runConnectorContractSuite } from '@interlock/testkit/vitest';
import { dhlSpec } from './spec.js';

runConnectorContractSuite(dhlSpec);

import { runConnectorContractSuite } from '@interlock/testkit/vitest';
import { dhlExpressSpec } from './express-spec.js';

runConnectorContractSuite(dhlExpressSpec);

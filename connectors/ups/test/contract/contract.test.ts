import { runConnectorContractSuite } from '@interlock/testkit/vitest';
import { upsSpec } from './spec.js';

runConnectorContractSuite(upsSpec);

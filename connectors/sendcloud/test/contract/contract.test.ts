import { runConnectorContractSuite } from '@interlock/testkit/vitest';
import { sendcloudSpec } from './spec.js';

runConnectorContractSuite(sendcloudSpec);

import { runConnectorContractSuite } from '@interlock/testkit/vitest';
import { razorpaySpec } from './spec.js';

runConnectorContractSuite(razorpaySpec);

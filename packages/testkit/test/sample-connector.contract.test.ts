import { runConnectorContractSuite } from '../src/vitest.js';
import { acmeSpec } from './sample-connector/spec.js';

runConnectorContractSuite(acmeSpec());

import { runConnectorContractSuite } from '../src/index.js';
import { acmeSpec } from './sample-connector/spec.js';

runConnectorContractSuite(acmeSpec());

export { connectorContractChecks, type ContractCheck } from './checks.js';
export { runConnectorContractSuite } from './run-suite.js';
export type { ConnectorContractSpec, ConnectorTestEnv, DocumentedError, SuiteOperation } from './spec.js';

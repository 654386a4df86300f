export { connectorContractChecks, type ContractCheck } from './checks.js';
export type { ConnectorContractSpec, ConnectorTestEnv, DocumentedError, SuiteOperation } from './spec.js';

export { contractKey, defineContract, type Contract, type ContractIdentity, type ContractPolicy } from './contract.js';
export { ContractDriftCounter } from './drift-counter.js';
export { driftLine, hasDrift, type DriftEntry, type DriftKind, type DriftReport } from './drift.js';
export { parseContract, type ContractParseResult, type ParseContext } from './parse-contract.js';

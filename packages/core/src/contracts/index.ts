export { contractKey, defineContract, type Contract, type ContractIdentity, type ContractPolicy } from './contract.js';
export { acknowledgedFields, isAcknowledgedField } from './acknowledged.js';
export { ContractDriftCounter, type DriftSighting } from './drift-counter.js';
export { driftLine, hasDrift, jsonTypeOf, type DriftEntry, type DriftKind, type DriftReport, type JsonType } from './drift.js';
export { parseContract, type ContractParseResult, type ParseContext } from './parse-contract.js';

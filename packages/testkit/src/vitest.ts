// Everything here registers tests or asserts with vitest, so it may only be imported from a test
// file; the root entry stays free of vitest for code that runs outside tests (the hub's demo).
export { runConnectorContractSuite } from './contract-suite/run-suite.js';
export * from './store-suite/index.js';
export { runProductionEntrySuite, type ProductionEntrySpec } from './entry-points/production-entry-suite.js';

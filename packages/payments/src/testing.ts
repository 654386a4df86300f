export type { PaymentsSimulation } from './testing/simulation.js';
export { runPaymentsEndToEnd, type PaymentsEndToEndOptions, type PaymentsEndToEndResult } from './testing/end-to-end.js';
export { OUTAGE_FROM_MS, OUTAGE_MS, OUTAGE_RULE, TRANSIENT_RULE_PREFIX, transientFaultScenario } from './testing/fault-plan.js';

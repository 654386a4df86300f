export type { LogisticsSimulation } from './testing/simulation.js';
export { runLogisticsEndToEnd, type LogisticsEndToEndOptions, type LogisticsEndToEndResult } from './testing/end-to-end.js';
export type { ReceiverCounts } from './testing/webhook-receiver.js';
export { trackAborted } from './testing/aborted-track.js';

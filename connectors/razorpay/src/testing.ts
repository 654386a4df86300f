export { createRazorpaySimulation, type RazorpaySimulation, type RazorpaySimulationOptions } from './testing/simulation.js';
export { DECLINED, feeOf, RazorpayState, type AttemptFailure } from './testing/state.js';
export type { SimOrder, SimPayment, SimReconLine, SimRefund, SimSettlement } from './testing/entities.js';

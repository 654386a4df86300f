export { createStripeSimulation, type StripeSimulation, type StripeSimulationOptions } from './testing/simulation.js';

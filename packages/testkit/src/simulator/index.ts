export { ProviderSimulator, type FaultInjection, type ProviderSimulatorOptions, type SimulatorHandler, type SimulatorRequest } from './provider-simulator.js';
export { applyDrift, type Fault, type FaultDecision, type FaultRule, type FaultScenario } from './faults.js';
export type { ResourceAction, ResourceEvent, ResourceSpec, SimObject } from './resources.js';
export { deliverWebhooks, planDeliveries, type DeliveryKind, type DeliveryRecord, type WebhookEvent, type WebhookPlan } from './webhooks.js';
export { parseRequestBody } from './request-body.js';
export { seededRandom } from './random.js';

export { defineStateMachine, type StateMachine, type StateMachineSpec } from './state-machine.js';
export { guardTransition, type GuardDecision, type GuardRefusal } from './guard.js';
export { canReach } from './reachability.js';

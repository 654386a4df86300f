export { systemClock, type Clock } from './clock.js';
export { untilAborted } from './until-aborted.js';

export type { PolledState, PollTarget } from './poll-target.js';
export type { PollerOptions } from './poller-options.js';
export { Poller } from './poller.js';

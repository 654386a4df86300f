export { createBullmqEventQueue } from './bullmq-event-queue.js';
export { dedupeIdFor, jobIdFor } from './job-ids.js';
export type { BullmqQueueOptions, RedisEndpoint } from './options.js';

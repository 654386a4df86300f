export { createBullmqEventQueue } from './bullmq-event-queue.js';
export { dedupeIdFor, jobIdFor } from './job-ids.js';
export { checkRedisPersistence, type RedisPersistence } from './persistence.js';
export type { RedisState } from './redis-health.js';
export type { BullmqQueueOptions, RedisEndpoint } from './options.js';

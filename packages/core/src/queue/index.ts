export { RequestQueue, type QueueJob, type RequestQueueOptions } from './request-queue.js';
export { MemoryDeadLetters, type DeadLetter, type DeadLetterSink } from './dead-letters.js';

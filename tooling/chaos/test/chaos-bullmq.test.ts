import { chaosTest } from './engine-run.js';

await chaosTest('postgres+bullmq');

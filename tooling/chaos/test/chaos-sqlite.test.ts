import { chaosTest } from './engine-run.js';

await chaosTest('sqlite');

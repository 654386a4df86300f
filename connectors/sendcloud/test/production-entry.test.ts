import { fileURLToPath } from 'node:url';
import { runProductionEntrySuite } from '@interlock/testkit/vitest';

runProductionEntrySuite({ distDir: fileURLToPath(new URL('../dist', import.meta.url)), packageName: '@interlock/sendcloud' });

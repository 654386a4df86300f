import { interlockVitestConfig } from '@interlock/vitest-config';

// child.ts runs in the killed process and main.ts is the benchmark's entry: neither runs inside vitest.
export default interlockVitestConfig({ testTimeout: 120_000, coverageExclude: ['src/child.ts', 'src/main.ts'] });

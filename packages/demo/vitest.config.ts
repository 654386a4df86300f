import { interlockVitestConfig } from '@interlock/vitest-config';

// main.ts only hands the process's arguments to cli.ts, which the tests drive.
export default interlockVitestConfig({ lines: 85, coverageExclude: ['src/main.ts'] });

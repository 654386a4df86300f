import { interlockVitestConfig } from '@interlock/vitest-config';

// The generated package's own typecheck, lint, build and tests run as child processes in one
// test file; the timeouts are set there, per step, so a slow step is named when it fails.
export default interlockVitestConfig({ lines: 90, coverageExclude: ['src/cli.ts'] });

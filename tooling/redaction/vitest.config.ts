import { interlockVitestConfig } from '@interlock/vitest-config';

// The sweep drives a real hub (HTTP, workers, pollers) on real time with sub-second intervals;
// its cells wait for what the hub wrote, so they get more than the preset's fake-clock budget.
export default interlockVitestConfig({ testTimeout: 30_000 });

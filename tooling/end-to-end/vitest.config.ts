import { interlockVitestConfig } from '@interlock/vitest-config';

// A run is a few thousand webhooks through the hub's HTTP ingress and SQLite: seconds alone, more beside other suites.
export default interlockVitestConfig({ testTimeout: 90_000 });

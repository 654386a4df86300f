import { fileURLToPath } from 'node:url';
import { interlockVitestConfig } from '@interlock/vitest-config';

const coreSource = (file: string): string => fileURLToPath(new URL(`../../packages/core/src/${file}`, import.meta.url));

// Core runs from its source, for every package that imports it (the hub, the connectors, the
// testkit): a mutant of one core function is then a `vi.mock` of the one source file that holds it,
// seen by core's own callers too, which a mock of the bundled dist could not reach.
export default interlockVitestConfig({
  alias: { '@interlock/core/testing': coreSource('testing.ts'), '@interlock/core': coreSource('index.ts') },
  testTimeout: 30_000,
});

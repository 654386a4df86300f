import { fileURLToPath } from 'node:url';
import { interlockVitestConfig } from '@interlock/vitest-config';

const source = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export default interlockVitestConfig({
  lines: 90,
  alias: {
    '@interlock/core/testing': source('./src/testing.ts'),
    '@interlock/core': source('./src/index.ts'),
  },
});

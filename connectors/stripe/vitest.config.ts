import { fileURLToPath } from 'node:url';
import { interlockVitestConfig } from '@interlock/vitest-config';

// The README's examples import the package by its public name; tests run them from source.
export default interlockVitestConfig({ lines: 90, alias: { '@interlock/stripe': fileURLToPath(new URL('./src/index.ts', import.meta.url)) } });

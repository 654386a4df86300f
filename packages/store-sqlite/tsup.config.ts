import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  platform: 'node',
  // The checkpoint thread resolves better-sqlite3 from import.meta.url, which the CJS build must shim.
  shims: true,
});

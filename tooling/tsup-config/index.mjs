import { defineConfig } from 'tsup';

/**
 * ESM + CJS with declarations and source maps, for Node 20. `entry` maps output names to
 * sources; `extra` adds package-specific settings (externals, shims).
 *
 * @param {Record<string, string>} entry
 * @param {import('tsup').Options} [extra]
 */
export function interlockTsupConfig(entry, extra = {}) {
  return defineConfig({
    entry,
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    platform: 'node',
    ...extra,
  });
}

import { defineConfig } from 'vitest/config';

/**
 * The preset every Interlock package tests with.
 * Coverage is always collected so that the test command reports it; `lines` sets the
 * threshold that fails the run (packages/core keeps 90).
 *
 * `alias` lets a package's own examples import it by its public name while tests run from source.
 *
 * @param {{ lines?: number, include?: string[], coverageInclude?: string[], coverageExclude?: string[], testTimeout?: number, alias?: Record<string, string> }} [options]
 */
export function interlockVitestConfig(options = {}) {
  return defineConfig({
    resolve: { alias: options.alias ?? {} },
    test: {
      environment: 'node',
      include: options.include ?? ['test/**/*.test.ts'],
      // Tests drive fake clocks; a test that needs more than this is waiting for real time.
      testTimeout: options.testTimeout ?? 10_000,
      restoreMocks: true,
      coverage: {
        provider: 'v8',
        enabled: true,
        reporter: ['text-summary', 'text'],
        include: options.coverageInclude ?? ['src/**/*.ts'],
        exclude: options.coverageExclude ?? ['src/**/index.ts', 'src/**/*.d.ts'],
        thresholds: { lines: options.lines ?? 80 },
      },
    },
  });
}

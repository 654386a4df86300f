import { defineConfig } from 'vitest/config';

/**
 * The preset every Interlock package tests with.
 * Coverage is always collected so that the test command reports it; `lines` sets the
 * threshold that fails the run (packages/core keeps 90).
 *
 * @param {{ lines?: number, include?: string[], coverageInclude?: string[], coverageExclude?: string[], testTimeout?: number }} [options]
 */
export function interlockVitestConfig(options = {}) {
  return defineConfig({
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

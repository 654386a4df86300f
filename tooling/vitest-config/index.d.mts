import type { UserConfig } from 'vitest/config';

export interface InterlockVitestOptions {
  lines?: number;
  include?: string[];
  coverageInclude?: string[];
  coverageExclude?: string[];
  testTimeout?: number;
  alias?: Record<string, string>;
}

export declare function interlockVitestConfig(options?: InterlockVitestOptions): UserConfig;

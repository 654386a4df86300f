import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reachedFrom } from './reached-from.js';

export interface ProductionEntrySpec {
  /** The package's built folder. */
  distDir: string;
  /** The package's name, e.g. `@interlock/stripe`. */
  packageName: string;
  /** Its production entries (default `index.js` and `index.cjs`) and its testing entry (default `testing.js`). */
  entries?: readonly string[];
  testingEntry?: string;
}

/**
 * Registers the checks that a connector's built production entries reach neither its testing
 * entry nor `@interlock/testkit`, with a control: the testing entry, walked the same way, does
 * reach the testkit, so an empty result is never a walk that found nothing.
 */
export function runProductionEntrySuite(spec: ProductionEntrySpec): void {
  const testingEntry = spec.testingEntry ?? 'testing.js';
  const testingBase = testingEntry.replace(/\.[cm]?js$/, '');
  const isTestingCode = (name: string): boolean => name.startsWith('@interlock/testkit') || name === `${spec.packageName}/testing`;
  describe(`${spec.packageName}: the built production entry`, () => {
    it('exists: build the package before testing it', () => {
      expect(existsSync(join(spec.distDir, 'index.js')), 'dist/index.js is missing: run the build first').toBe(true);
    });
    for (const entry of spec.entries ?? ['index.js', 'index.cjs']) {
      it(`${entry} reaches neither the testing entry nor @interlock/testkit`, () => {
        const { files, packages } = reachedFrom(spec.distDir, entry);
        expect(files.filter((file) => file.startsWith(`${testingBase}.`))).toEqual([]);
        expect(packages.filter(isTestingCode)).toEqual([]);
        expect(packages).toContain('@interlock/core');
      });
    }
    it(`${testingEntry}, walked the same way, does reach @interlock/testkit`, () => {
      expect(reachedFrom(spec.distDir, testingEntry).packages.filter(isTestingCode)).not.toEqual([]);
    });
  });
}

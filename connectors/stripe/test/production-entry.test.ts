import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));

const STATIC_IMPORT = /^\s*(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']|^\s*import\s*["']([^"']+)["']/gm;
const CALL_IMPORT = /\b(?:import|require)\(\s*["']([^"']+)["']\s*\)/g;

/** What a built module reaches: the dist files through relative imports (itself included), and every package named. */
function reach(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = [resolve(DIST, entry)];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (files.has(file)) continue;
    files.add(file);
    const code = readFileSync(file, 'utf8');
    for (const match of [...code.matchAll(STATIC_IMPORT), ...code.matchAll(CALL_IMPORT)]) {
      const specifier = match[1] ?? match[2] ?? '';
      if (specifier.startsWith('.')) pending.push(resolve(dirname(file), specifier));
      else packages.add(specifier);
    }
  }
  return { files, packages };
}

const isTestingCode = (name: string): boolean => name.startsWith('@interlock/testkit') || name === '@interlock/stripe/testing';

describe('the built production entry', () => {
  it('exists: build the package before testing it', () => {
    expect(existsSync(resolve(DIST, 'index.js')), 'dist/index.js is missing: run the build first').toBe(true);
  });

  for (const entry of ['index.js', 'index.cjs']) {
    it(`${entry} reaches neither the testing entry nor @interlock/testkit`, () => {
      const { files, packages } = reach(entry);
      expect([...files].map((file) => file.slice(DIST.length))).not.toEqual(expect.arrayContaining([expect.stringMatching(/^testing\./)]));
      expect([...packages].filter(isTestingCode)).toEqual([]);
      // The walk found the entry's real imports, so an empty list above is not a walk that found nothing.
      expect(packages).toContain('@interlock/core');
    });
  }

  it('the testing entry, walked the same way, does reach @interlock/testkit', () => {
    expect([...reach('testing.js').packages].filter(isTestingCode)).not.toEqual([]);
  });
});

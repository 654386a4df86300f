import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DIST = fileURLToPath(new URL('../dist', import.meta.url));

// Static imports and re-exports, side-effect imports, dynamic imports and CommonJS requires.
const SPECIFIERS = [/\bfrom\s*["']([^"']+)["']/g, /\bimport\s*["']([^"']+)["']/g, /\bimport\(\s*["']([^"']+)["']\s*\)/g, /\brequire\(\s*["']([^"']+)["']\s*\)/g];

function specifiersOf(code: string): string[] {
  return SPECIFIERS.flatMap((pattern) => [...code.matchAll(pattern)].map((match) => match[1] ?? ''));
}

/** Every built file the entry reaches through relative imports, and every package specifier they import. */
function reachedFrom(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = [join(DIST, entry)];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (files.has(file)) continue;
    files.add(file);
    for (const specifier of specifiersOf(readFileSync(file, 'utf8'))) {
      if (specifier.startsWith('.')) pending.push(join(dirname(file), specifier));
      else packages.add(specifier);
    }
  }
  return { files: [...files].map((file) => basename(file)), packages: [...packages] };
}

describe('the built production entry', () => {
  for (const entry of ['index.js', 'index.cjs']) {
    it(`${entry} reaches neither the testing entry nor the testkit`, () => {
      expect(existsSync(join(DIST, entry)), `dist/${entry} is missing: build the package before testing it`).toBe(true);
      const { files, packages } = reachedFrom(entry);
      expect(files.filter((file) => file.startsWith('testing'))).toEqual([]);
      expect(packages.filter((name) => name.startsWith('@interlock/testkit') || name.endsWith('/testing'))).toEqual([]);
      // The reading itself works: the entry reaches core and the payments domain.
      expect(packages).toEqual(expect.arrayContaining(['@interlock/core', '@interlock/payments']));
    });
  }

  it('the testing entry does reach the testkit, so the check above can see it', () => {
    expect(reachedFrom('testing.js').packages.filter((name) => name.startsWith('@interlock/testkit')).length).toBeGreaterThan(0);
  });
});

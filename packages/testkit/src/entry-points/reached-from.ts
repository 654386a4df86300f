import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

// Static imports and re-exports, side-effect imports, dynamic imports and CommonJS requires.
const SPECIFIERS = [/\bfrom\s*["']([^"']+)["']/g, /\bimport\s*["']([^"']+)["']/g, /\bimport\(\s*["']([^"']+)["']\s*\)/g, /\brequire\(\s*["']([^"']+)["']\s*\)/g];

function specifiersOf(code: string): string[] {
  return SPECIFIERS.flatMap((pattern) => [...code.matchAll(pattern)].map((match) => match[1] ?? ''));
}

/** What a built module reaches: the built files through relative imports (itself included, by file name), and every package it names. */
export interface Reach {
  files: string[];
  packages: string[];
}

/**
 * Walks a built entry's relative imports, as a user's bundler or Node would, so a test can prove
 * that a production entry never reaches test code (a simulation, the testkit) through a shared chunk.
 */
export function reachedFrom(distDir: string, entry: string): Reach {
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = [join(distDir, entry)];
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

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));

/**
 * A fresh folder for a test's config and SQLite file, inside this package (under `.interlock/`,
 * which git ignores) rather than the system's temp folder: a config names its connectors by
 * package, and the hub resolves them from the config's folder, as from a user's project.
 */
export function projectDir(prefix: string): { dir: string; remove(): void } {
  const parent = join(PACKAGE_DIR, '.interlock');
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(join(parent, `${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

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

/**
 * The demo at test speed, in real time (the hub's workers and pollers run on it): batches 200 ms
 * apart, the hub's first poll after 300 ms and at most 1 s apart (DHL's key allows 20 reads a
 * minute), and at most 15 s for the last shipments to reach a final status (a read the carrier
 * loses costs the client's 10 s timeout).
 */
export const AT_TEST_SPEED = { intervalMs: 200, polling: { firstAfterSeconds: 0.3, capSeconds: 1 }, settleTimeoutMs: 15_000 } as const;

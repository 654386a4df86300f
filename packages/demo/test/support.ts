import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RECONCILE_DRAIN_MS } from '../src/run-demo.js';

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

/**
 * A test's timeout for one demo run at test speed. The demo runs on the real clock (the hub's
 * workers and pollers, and the connectors' waits on Retry-After, a second for each throttled call
 * at 5% of calls), so a timeout must cover the waits the run itself bounds, not a typical run's
 * length: the last shipments' settle (settleTimeoutMs), the drain before reconciling, plus 20 s
 * for its own work and Retry-After waits (a one-batch run took 7.5 s on a loaded 2-core machine,
 * where the 10 s default timed out).
 */
export const DEMO_RUN_TIMEOUT_MS = AT_TEST_SPEED.settleTimeoutMs + RECONCILE_DRAIN_MS + 20_000;

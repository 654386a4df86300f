/**
 * The test suites' policy for the PostgreSQL they need, in one place. A developer without a
 * server gets the PostgreSQL suites skipped with one line saying so; CI (where `CI` is set)
 * must have one, so there the suites fail loudly instead of passing by skipping.
 */
import pg from 'pg';

/** Where the tests look for PostgreSQL; set INTERLOCK_TEST_POSTGRES_URL to point them elsewhere. */
export const POSTGRES_URL = process.env.INTERLOCK_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const CONNECT_TIMEOUT_MS = 2_000;

/** True when a connection to `url` opens and answers within two seconds. */
export async function isPostgresReachable(url: string = POSTGRES_URL): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // A refused connection also surfaces as an 'error' event; the rejected connect() says the same.
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** What a test run needs to know about the server. */
export interface PostgresService {
  url: string;
  reachable: boolean;
  /** For `describe.skipIf`: no server, and not in CI. */
  skip: boolean;
  /** The one line the run prints when it skips (printed by vitest.config.ts, once per run rather than per file). */
  skipNotice: string;
  /** For `beforeAll`: throws when there is no server (which, outside CI, means the suite was skipped). */
  requireReachable(): void;
}

let detected: Promise<PostgresService> | undefined;

/** Detects the server (once per process) and applies the policy. */
export function postgresService(): Promise<PostgresService> {
  detected ??= isPostgresReachable().then((reachable) => ({
    url: POSTGRES_URL,
    reachable,
    skip: !reachable && !process.env.CI,
    skipNotice: `[store-postgres] PostgreSQL suites skipped: no server found at ${redact(POSTGRES_URL)} (start one, or set INTERLOCK_TEST_POSTGRES_URL).`,
    requireReachable() {
      if (!reachable) {
        throw new Error(`PostgreSQL at ${redact(POSTGRES_URL)} is required in CI (CI is set) but could not be reached within ${CONNECT_TIMEOUT_MS} ms.`);
      }
    },
  }));
  return detected;
}

// A test URL may carry a password; the messages above must not print it.
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.host + parsed.pathname;
  } catch {
    return 'the configured URL';
  }
}

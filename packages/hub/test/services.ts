import { createConnection } from 'node:net';

/** Whether something listens at host:port (a quick TCP probe, no protocol). */
export function listening(host: string, port: number, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    const done = (up: boolean): void => {
      socket.destroy();
      resolve(up);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * The machine's services are required in CI (a missing one fails the run); on a laptop without
 * them the suites that need them are skipped with one line saying so.
 */
export async function requireServices(names: readonly string[], available: boolean): Promise<boolean> {
  if (available) return true;
  if (process.env['CI']) throw new Error(`${names.join(' and ')} must be running in CI (127.0.0.1)`);
  console.warn(`skipping hub tests that need ${names.join(' and ')}: not reachable on 127.0.0.1`);
  return false;
}

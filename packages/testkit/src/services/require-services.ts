import { createConnection } from 'node:net';

/** A server a suite needs, by the name its one line prints and where it listens. */
export interface Service {
  name: string;
  host: string;
  port: number;
}

export const POSTGRES_SERVICE: Service = { name: 'PostgreSQL', host: '127.0.0.1', port: 5432 };
export const REDIS_SERVICE: Service = { name: 'Redis', host: '127.0.0.1', port: 6379 };

/** Whether something listens at the service's address: a TCP connect, no protocol, so no driver is needed. */
export function listening(service: Service, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: service.host, port: service.port });
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
 * The project's policy for the servers a suite needs: in CI (where `CI` is set) a missing one
 * fails the run instead of passing it by skipping; elsewhere the suite skips with one line.
 * Resolves whether the suite runs. `inCi` is read from the environment unless given.
 */
export async function requireServices(suite: string, services: readonly Service[], inCi: boolean = Boolean(process.env['CI'])): Promise<boolean> {
  const missing: string[] = [];
  for (const service of services) if (!(await listening(service))) missing.push(`${service.name} (${service.host}:${service.port})`);
  if (missing.length === 0) return true;
  if (inCi) throw new Error(`${suite} needs ${missing.join(' and ')}, which must be running in CI`);
  console.warn(`skipping ${suite}: ${missing.join(' and ')} not reachable`);
  return false;
}

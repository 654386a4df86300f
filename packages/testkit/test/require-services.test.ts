import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requireServices, type Service } from '../src/index.js';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function listeningService(): Promise<Service> {
  server = createServer();
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return { name: 'Up', host: '127.0.0.1', port: (server.address() as AddressInfo).port };
}

// Port 9 (discard) is closed on test machines: a refused connect, answered at once.
const MISSING: Service = { name: 'Gone', host: '127.0.0.1', port: 9 };

describe('requireServices', () => {
  it('runs the suite when every service listens', async () => {
    expect(await requireServices('the suite', [await listeningService()], true)).toBe(true);
  });

  it('fails in CI when one is missing, naming it', async () => {
    await expect(requireServices('the suite', [await listeningService(), MISSING], true)).rejects.toThrow('the suite needs Gone (127.0.0.1:9), which must be running in CI');
  });

  it('skips with one line elsewhere', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await requireServices('the suite', [MISSING], false)).toBe(false);
    expect(warn.mock.calls).toEqual([['skipping the suite: Gone (127.0.0.1:9) not reachable']]);
  });
});

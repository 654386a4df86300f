import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CJS = join(import.meta.dirname, '..', '..', 'dist', 'index.cjs');

/** Runs a CommonJS script in its own Node process: the only place a `require` user's view exists. */
function runCommonJs(script: string, flags: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [...flags, '-e', script], { encoding: 'utf8' }, (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout.trim())));
  });
}

describe('the CommonJS build', () => {
  it('exists: build the package before testing it', () => {
    expect(existsSync(CJS), 'dist/index.cjs is missing: run the build first').toBe(true);
  });

  // Node 20 before 20.19 cannot `require` an ES module at all; the flag gives today's Node that behaviour.
  it.each([
    ['this Node', []],
    ['a Node 20 that cannot require ES modules', ['--no-experimental-require-module']],
  ])('makes a real HTTP call through the provider client when loaded with require, on %s', async (_name, flags) => {
    const server = createServer((req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ path: req.url })));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const output = await runCommonJs(`
        const { createProviderClient } = require(${JSON.stringify(CJS)});
        const client = createProviderClient({ provider: 'loopback', baseUrl: 'http://127.0.0.1:${port}', endpoints: { ping: { method: 'GET', path: '/ping/{id}' } } });
        client.request('ping', { pathParams: { id: 'p1' } }).then(
          (response) => console.log(JSON.stringify({ status: response.status, body: response.body })),
          (error) => console.log(JSON.stringify({ kind: error.kind, reason: error.reason })),
        );`, flags);
      expect(JSON.parse(output)).toEqual({ status: 200, body: { path: '/ping/p1' } });
    } finally {
      server.close();
    }
  });
});

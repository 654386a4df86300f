import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dist = join(import.meta.dirname, '..', 'dist', 'index.js');

describe('importing the built hub', () => {
  it.skipIf(!existsSync(dist) && !process.env['CI'])('leaves the global fetch and http.request untouched and loads no test tooling', () => {
    // A separate process: this test runner's own globals prove nothing about a user's process.
    const script = `
      import http from 'node:http';
      import { createRequire } from 'node:module';
      const before = { fetch: globalThis.fetch, request: http.request, get: http.get };
      await import(${JSON.stringify(dist)});
      const require = createRequire(import.meta.url);
      const loaded = Object.keys(require.cache);
      console.log(JSON.stringify({
        fetch: globalThis.fetch === before.fetch,
        request: http.request === before.request,
        get: http.get === before.get,
        testTooling: loaded.filter((file) => /nock|vitest|testkit/.test(file)),
      }));`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual({ fetch: true, request: true, get: true, testTooling: [] });
  });
});

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

  it.skipIf(!existsSync(dist) && !process.env['CI'])('starts without the OpenTelemetry SDK installed, and names the package to install once OTEL_* asks for it', () => {
    // The SDK packages are optional peers: a process that cannot resolve them stands for a user who did not install them.
    const unresolvable = `export async function resolve(specifier, context, next) {
      if (/^@opentelemetry\\/(sdk-|exporter-|resources)/.test(specifier)) throw Object.assign(new Error('Cannot find package ' + specifier), { code: 'ERR_MODULE_NOT_FOUND' });
      return next(specifier, context);
    }`;
    const script = `
      import { register } from 'node:module';
      import { mkdtempSync } from 'node:fs';
      import { tmpdir } from 'node:os';
      import { join } from 'node:path';
      register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(unresolvable)}));
      const { loadConfig, silentLog, startHub } = await import(${JSON.stringify(dist)});
      const dir = mkdtempSync(join(tmpdir(), 'interlock-hub-no-sdk-'));
      const config = loadConfig(undefined, { port: 0, store: { kind: 'sqlite', path: join(dir, 'hub.db') }, reconciliation: { enabled: false }, retention: { enabled: false }, alerts: { enabled: false } });
      const hub = await startHub({ config, log: silentLog, env: {} });
      const started = typeof hub.url === 'string';
      await hub.close();
      process.env.OTEL_TRACES_EXPORTER = 'otlp';
      const refused = await startHub({ config, log: silentLog, env: {} }).then(async (again) => { await again.close(); return 'started'; }, (error) => error.message);
      console.log(JSON.stringify({ started, refused }));`;
    const env = { ...process.env };
    for (const name of Object.keys(env)) if (name.startsWith('OTEL_')) delete env[name];
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env });
    expect(JSON.parse(output)).toEqual({
      started: true,
      refused: 'Exporting OpenTelemetry (OTEL_* variables) needs @opentelemetry/sdk-node, which is not installed: npm install @opentelemetry/sdk-node',
    });
  });
});

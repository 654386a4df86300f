import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLog } from '@interlock/hub';
import { describe, expect, it, vi } from 'vitest';
import { CARRIER_ENV } from '../src/carriers.js';
import { DEMO_ENV, startDemoProviders } from '../src/providers.js';
import { AT_TEST_SPEED, DEMO_RUN_TIMEOUT_MS } from './support.js';
import { runDemo } from '../src/run-demo.js';

describe('the demo’s throwaway credentials', () => {
  it('appear in neither what the demo prints nor what the hub logs, and never in process.env', { timeout: DEMO_RUN_TIMEOUT_MS }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'interlock-demo-secrets-'));
    const configPath = join(dir, 'interlock.config.json');
    writeFileSync(configPath, JSON.stringify({ store: { kind: 'sqlite', path: join(dir, 'hub.db') } }));
    const providers = await startDemoProviders();
    // Anything written to the console by the hub or a connector counts as printed too.
    const printed = (['log', 'info', 'warn', 'error'] as const).map((method) => vi.spyOn(console, method));
    const out: string[] = [];
    const logged: string[] = [];
    try {
      await runDemo({
        providers,
        configPath,
        port: 0,
        batches: 1,
        ...AT_TEST_SPEED,
        out: (line) => out.push(line),
        log: { ...silentLog, warn: (message, fields) => logged.push(`${message} ${JSON.stringify(fields)}`) },
      });
      // The check below would pass on silence: every batch's forged webhook is logged as refused.
      expect(logged.some((entry) => entry.startsWith('webhook refused'))).toBe(true);
      expect(logged.some((entry) => entry.startsWith('webhook refused') && entry.includes('"provider":"sendcloud"'))).toBe(true);
      expect(out.some((line) => line.startsWith('batch 1:'))).toBe(true);
      const credentials = Object.values(DEMO_ENV).map((name) => providers.env[name]);
      // Long enough that finding one in the output cannot be chance; DHL Express account numbers
      // are nine digits, which the connector still keeps out of what it logs.
      const accountNumber = providers.env[CARRIER_ENV.dhlExpressAccount] ?? '';
      expect(accountNumber).toMatch(/^\d{9}$/);
      expect(credentials.every((value) => typeof value === 'string' && (value.length >= 12 || value === accountNumber))).toBe(true);
      // The carriers' too, and each secret half of a `public:secret` pair on its own (Sendcloud's
      // key, UPS's OAuth client): a public part may be named in a log line, a secret part never.
      const carrierVariables = Object.values(CARRIER_ENV);
      expect(carrierVariables.every((name) => Object.values(DEMO_ENV).some((known) => known === name))).toBe(true);
      expect(providers.carriers.map((carrier) => carrier.name)).toEqual(['sendcloud', 'ups', 'dhl']);
      for (const name of [CARRIER_ENV.sendcloudKeys, CARRIER_ENV.upsClient]) {
        const secretHalf = providers.env[name]?.split(':')[1] ?? '';
        expect(secretHalf.length).toBeGreaterThanOrEqual(16);
        credentials.push(secretHalf);
      }
      const everything = [...out, ...logged, ...printed.flatMap((spy) => spy.mock.calls.map((call) => call.map(String).join(' ')))].join('\n');
      for (const credential of credentials) expect(everything).not.toContain(credential);
      for (const name of Object.values(DEMO_ENV)) expect(process.env[name]).toBeUndefined();
    } finally {
      await providers.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDemo } from '../src/run-demo.js';
import { AT_TEST_SPEED, DEMO_RUN_TIMEOUT_MS } from './support.js';

describe('the demo’s support console', () => {
  it('prints the console’s address and an operator token made for the run, which signs in', { timeout: DEMO_RUN_TIMEOUT_MS }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'interlock-demo-console-'));
    const config = join(dir, 'interlock.config.json');
    writeFileSync(config, JSON.stringify({ store: { kind: 'sqlite', path: join(dir, 'hub.db') } }));
    const lines: string[] = [];
    let signedIn: Promise<Response> | undefined;
    try {
      await runDemo({
        configPath: config,
        port: 0,
        batches: 1,
        ...AT_TEST_SPEED,
        out: (line) => {
          lines.push(line);
          const printed = /support console: (http:\S+\/console)\s+operator token for this run: (\S+)$/.exec(line);
          // While the hub still runs: the line is printed before the first batch.
          if (printed) signedIn = fetch(`${printed[1]}/sign-in`, { method: 'POST', body: new URLSearchParams({ token: printed[2] as string }), redirect: 'manual' });
        },
      });
      // The first batch's copies whose amounts are text: Stripe's contract refuses it (a dead letter
      // for the walkthrough); Razorpay's is kept as not a record change.
      expect(lines.find((line) => line.startsWith('batch 1:'))).toMatch(/dead 1$/);
      const answer = await signedIn;
      expect(answer?.status).toBe(303);
      expect(answer?.headers.get('set-cookie')).toMatch(/^interlock_console=.+; HttpOnly; SameSite=Strict/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runDemo } from '../src/index.js';

describe('the demo (the README’s first command)', () => {
  it('starts the hub on SQLite and a simulated provider whose signed webhooks are applied, forged ones refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'interlock-demo-'));
    const config = join(dir, 'interlock.config.json');
    writeFileSync(config, JSON.stringify({ store: { kind: 'sqlite', path: join(dir, 'hub.db') } }));
    const lines: string[] = [];
    try {
      await runDemo({ configPath: config, port: 0, batches: 2, intervalMs: 200, out: (line) => lines.push(line) });
      const output = lines.join('\n');
      expect(output).toMatch(/Interlock hub listening on http:\/\/127\.0\.0\.1:\d+ \(store: sqlite/);
      expect(output).toMatch(/batch 2: sent \d+ webhooks \(1 refused as forged\) \| applied \d+/);
      expect(output).not.toMatch(/whsec_/);
      expect(output).toContain('hub stopped');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses `start` without --demo in this release, and prints usage without a command', async () => {
    const lines: string[] = [];
    await expect(runCli(['start'], (line) => lines.push(line))).resolves.toBe(1);
    await expect(runCli([], (line) => lines.push(line))).resolves.toBe(1);
    expect(lines.join('\n')).toContain('interlock <command>');
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { build } from 'tsup';

const here = dirname(fileURLToPath(import.meta.url));
// Inside the package, so the bundle's `better-sqlite3` and `@interlock/core` imports resolve
// from its node_modules exactly as they would for an installed copy of the package.
const outDir = join(here, '..', '..', 'node_modules', '.cache', 'crash-child');

/**
 * Bundles crash-child.ts with the package's current sources into one .mjs, so the child runs
 * what the tests test, with no build of the package beforehand (CI builds only dependencies
 * before `test`) and no TypeScript loader in the child.
 */
export async function bundleCrashChild(): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  await build({
    entry: { 'crash-child': join(here, 'crash-child.ts') },
    outDir,
    format: ['esm'],
    outExtension: () => ({ js: '.mjs' }),
    platform: 'node',
    target: 'node20',
    external: ['better-sqlite3', '@interlock/core'],
    dts: false,
    sourcemap: false,
    clean: false,
    silent: true,
    config: false,
  });
  return join(outDir, 'crash-child.mjs');
}

/** A running child and the JSON lines it has printed so far. */
export interface Child {
  process: ChildProcess;
  lines: Record<string, unknown>[];
  /** Resolves with the first printed line that satisfies `match`. */
  waitFor(match: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  /** SIGKILL, then waits for the exit. */
  kill(): Promise<void>;
}

/** Starts the bundled child on `dbPath`. */
export function startChild(script: string, args: readonly string[]): Child {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: Record<string, unknown>[] = [];
  const waiters: { match: (line: Record<string, unknown>) => boolean; resolve: (line: Record<string, unknown>) => void }[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  createInterface({ input: child.stdout }).on('line', (text) => {
    const line = JSON.parse(text) as Record<string, unknown>;
    lines.push(line);
    for (const waiter of waiters.splice(0)) {
      if (waiter.match(line)) waiter.resolve(line);
      else waiters.push(waiter);
    }
  });
  return {
    process: child,
    lines,
    waitFor(match) {
      const seen = lines.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        waiters.push({ match, resolve });
        void exited.then(() => reject(new Error(`the child exited first; stderr:\n${stderr}`)));
      });
    },
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { runCli } from './cli/cli.js';
import { EXIT } from './cli/exit-codes.js';

/** This package's version, from the package.json next to dist/. */
function packageVersion(): string {
  try {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof manifest.version === 'string' ? manifest.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

runCli(process.argv.slice(2), undefined, { version: packageVersion() }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = EXIT.cannotRun;
  },
);

#!/usr/bin/env node
// The `interlock` command. The CLI is built into dist/; this file is here before any build, so
// package managers link the command in a fresh clone too, where it says how to build instead of
// failing with a module error.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (existsSync(cli)) {
  await import(cli.href);
} else {
  console.error('The Interlock hub is not built yet: run `pnpm build` in the repository (`pnpm interlock …` builds it first)');
  process.exitCode = 2;
}

#!/usr/bin/env node
// `npm start` and `npm test` on a machine that has only Node and npm: install the pinned pnpm
// and the workspace's dependencies when they are missing, then run the task.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pnpmSpec = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager;
const pnpmVersion = pnpmSpec.split('@')[1];

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function pnpm(args) {
  const found = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  if (found.status === 0 && found.stdout.trim() === pnpmVersion) run('pnpm', args);
  else run('npx', ['--yes', `pnpm@${pnpmVersion}`, ...args]);
}

/** One line before each step and one after, with its time, so a first run never looks stuck. */
function step(label, hint, body) {
  const started = Date.now();
  console.log(`\n▶ ${label}${hint ? ` (${hint})` : ''}`);
  body();
  console.log(`✔ ${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const [task, ...rest] = process.argv.slice(2);
const firstRun = !existsSync(join(root, 'node_modules'));
// Always install: it takes a second when nothing changed and catches a lockfile that moved.
step('Installing dependencies', firstRun ? 'first run: a few minutes, mostly compiling the embedded SQLite driver' : '', () =>
  pnpm(['install', '--frozen-lockfile', ...(firstRun ? [] : ['--prefer-offline'])]),
);
step(`Running ${task}`, firstRun ? 'builds every package it needs first' : '', () => pnpm(['run', task, ...rest]));

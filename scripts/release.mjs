#!/usr/bin/env node
// `pnpm release`: checks the release plan, builds every package, puts the repository's LICENSE in
// each published package (npm ships a LICENSE only from the package's own folder), then publishes
// through changesets, which runs `pnpm publish`: `workspace:` ranges become real versions there,
// never in a tarball made with a plain `npm pack`.
import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(process.execPath, [join(root, 'scripts', 'release-plan.mjs')]);
run('pnpm', ['turbo', 'run', 'build']);
for (const group of ['packages', 'connectors']) {
  for (const name of readdirSync(join(root, group))) {
    const folder = join(root, group, name);
    let manifest;
    try {
      manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
    } catch {
      continue;
    }
    if (!manifest.private) copyFileSync(join(root, 'LICENSE'), join(folder, 'LICENSE'));
  }
}
run('pnpm', ['changeset', 'publish']);

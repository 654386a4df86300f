#!/usr/bin/env node
// The release `pnpm changeset version` would make, checked before it is made: every package is
// bumped exactly as its changesets say (a minor stays a minor: no major forced by a peer's minor),
// and no private package gets a version. Runs `changeset status`, which writes nothing else.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RANK = { none: 0, patch: 1, minor: 2, major: 3 };

const dir = mkdtempSync(join(tmpdir(), 'interlock-release-plan-'));
try {
  const output = join(dir, 'plan.json');
  const changeset = join(root, 'node_modules', '@changesets', 'cli', 'bin.js');
  const status = spawnSync(process.execPath, [changeset, 'status', `--output=${output}`], { cwd: root, encoding: 'utf8' });
  if (status.status !== 0) {
    console.error(status.stdout, status.stderr);
    process.exit(1);
  }
  const plan = JSON.parse(readFileSync(output, 'utf8'));
  const declared = new Map();
  for (const entry of plan.changesets) {
    for (const release of entry.releases) declared.set(release.name, Math.max(declared.get(release.name) ?? 0, RANK[release.type]));
  }
  const problems = [];
  for (const release of plan.releases) {
    const wanted = declared.get(release.name) ?? 0;
    if (RANK[release.type] > wanted) problems.push(`${release.name} would be a ${release.type} (${release.oldVersion} -> ${release.newVersion}), but its changesets ask for at most ${Object.keys(RANK)[wanted]}`);
  }
  if (problems.length > 0) {
    console.error(`release plan: ${problems.join('; ')}`);
    process.exit(1);
  }
  const bumped = plan.releases.filter((release) => release.type !== 'none');
  console.log(`release plan: ${bumped.map((release) => `${release.name} ${release.newVersion} (${release.type})`).join(', ') || 'nothing to release'}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

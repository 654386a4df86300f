import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The parts of a package.json the scaffolder reads. */
export interface PackageManifest {
  name?: string;
  private?: boolean;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

/** One package of the workspace: its name, folder and manifest. */
export interface WorkspacePackage {
  name: string;
  dir: string;
  manifest: PackageManifest;
}

export function readManifest(dir: string): PackageManifest {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageManifest;
}

/** The folder holding pnpm-workspace.yaml at or above `from`. */
export function findWorkspaceRoot(from: string): string {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (dirname(dir) === dir) throw new Error(`No pnpm-workspace.yaml at or above ${from}: run the scaffolder inside the Interlock checkout`);
  }
}

// The workspace file lists folders of packages as `- "packages/*"`; that is the only form it uses.
function packageFolders(root: string): string[] {
  const text = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8');
  return [...text.matchAll(/^\s*-\s*["']?([\w./-]+)\/\*["']?\s*$/gm)].map((match) => join(root, match[1] as string));
}

/** Whether a package at `dir` would be one of the workspace's (its parent is a folder the workspace file lists). */
export function isWorkspacePackageDir(root: string, dir: string): boolean {
  return packageFolders(root).includes(dirname(resolve(dir)));
}

/** Every package of the workspace, read now (other people add packages while the scaffolder runs). */
export function workspacePackages(root: string): WorkspacePackage[] {
  return packageFolders(root).flatMap((folder) =>
    existsSync(folder)
      ? readdirSync(folder, { withFileTypes: true })
          .filter((entry) => entry.isDirectory() && existsSync(join(folder, entry.name, 'package.json')))
          .flatMap((entry) => {
            const dir = join(folder, entry.name);
            const manifest = readManifest(dir);
            return manifest.name === undefined ? [] : [{ name: manifest.name, dir, manifest }];
          })
      : [],
  );
}

function declaredVersions(manifest: PackageManifest, dependency: string): string[] {
  return [manifest.dependencies, manifest.devDependencies, manifest.peerDependencies].flatMap((table) => {
    const version = table?.[dependency];
    return version === undefined ? [] : [version];
  });
}

/**
 * The exact version the workspace's packages pin a third-party dependency to, so a new connector
 * shares the one copy (two zod copies would make every schema check fail across packages). Fails
 * when no package uses it or when packages disagree, rather than guessing.
 */
export function pinnedVersion(packages: readonly WorkspacePackage[], dependency: string): string {
  const versions = new Set(packages.flatMap((pkg) => declaredVersions(pkg.manifest, dependency)).filter((version) => !version.startsWith('workspace:')));
  if (versions.size === 0) throw new Error(`No workspace package depends on ${dependency}: add it to one first, then scaffold`);
  if (versions.size > 1) throw new Error(`Workspace packages pin ${dependency} at ${[...versions].join(', ')}: align them before scaffolding`);
  return [...versions][0] as string;
}

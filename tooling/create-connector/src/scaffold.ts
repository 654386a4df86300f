import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { availableDomains, domainTemplate } from './domains.js';
import { connectorNames, nameProblem, type ConnectorNames } from './names.js';
import { renderConnector } from './templates/connector.js';
import { pinnedVersion, workspacePackages } from './workspace.js';

/** What to scaffold, and where. */
export interface ScaffoldRequest {
  name: string;
  domain: string;
  /** The folder to create; it must not exist. */
  outDir: string;
  /** The workspace whose packages and pinned versions the new package is written against. */
  workspaceRoot: string;
}

export interface ScaffoldResult {
  names: ConnectorNames;
  dir: string;
  /** Paths written, relative to `dir`. */
  files: string[];
}

/** A request that cannot be scaffolded as given; the message says why and what to do instead. */
export class ScaffoldError extends Error {
  override readonly name = 'ScaffoldError';
}

/**
 * Writes a new connector package. Everything is checked before the first file is written (the
 * name, the domain, the folder, the workspace's versions), and files are created exclusively, so
 * nothing that exists is ever overwritten.
 */
export function scaffold(request: ScaffoldRequest): ScaffoldResult {
  const problem = nameProblem(request.name);
  if (problem !== undefined) throw new ScaffoldError(`Invalid connector name "${request.name}": ${problem}.`);
  const names = connectorNames(request.name);
  const domain = domainTemplate(request.domain);
  if (domain === undefined) {
    throw new ScaffoldError(`No template for the domain "${request.domain}". Available domains: ${availableDomains().join(', ')}.`);
  }
  const dir = resolve(request.outDir);
  if (existsSync(dir)) throw new ScaffoldError(`${dir} already exists; nothing was written. Choose another --out, or remove it first.`);
  const packages = workspacePackages(request.workspaceRoot);
  const taken = packages.find((pkg) => pkg.name === names.packageName);
  if (taken !== undefined) throw new ScaffoldError(`The workspace already has ${names.packageName} (${taken.dir}); choose another name.`);

  const files = renderConnector({ names, domain, versions: { zod: pinnedVersion(packages, 'zod') } });
  for (const file of files) {
    const path = join(dir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content, { flag: 'wx' });
  }
  return { names, dir, files: files.map((file) => file.path) };
}

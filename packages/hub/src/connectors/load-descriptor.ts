import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isConnectorDescriptor, type ConnectorDescriptor } from '@interlock/core';

/** Descriptors already in hand, by the specifier the config names them with (tests, embedding code). */
export type KnownDescriptors = Readonly<Record<string, ConnectorDescriptor<unknown>>>;

function isPath(specifier: string): boolean {
  return specifier.startsWith('.') || isAbsolute(specifier) || specifier.startsWith('file:');
}

type ExportTarget = string | { import?: ExportTarget; default?: ExportTarget } | undefined;

function importTarget(target: ExportTarget): string | undefined {
  if (typeof target === 'string' || target === undefined) return target;
  return importTarget(target.import) ?? importTarget(target.default);
}

/**
 * The ES module file of an installed package, found from `baseDir` (the user's project, not the
 * hub's own folder, which does not depend on any connector). Its `import` export is used so the
 * connector shares the one ESM copy of core with the hub.
 */
function packageEntry(specifier: string, baseDir: string): string {
  const require = createRequire(join(baseDir, 'package.json'));
  const manifestPath = require.resolve(`${specifier}/package.json`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { exports?: Record<string, ExportTarget>; module?: string; main?: string };
  const entry = importTarget(manifest.exports?.['.']) ?? manifest.module ?? manifest.main ?? 'index.js';
  return join(dirname(manifestPath), entry);
}

/**
 * Loads the connector descriptor a provider's config names: a package name resolved from
 * `baseDir`, or a path to a module (relative to `baseDir`) that exports `descriptor`.
 */
export async function loadDescriptor(specifier: string, baseDir: string, known: KnownDescriptors = {}): Promise<ConnectorDescriptor<unknown>> {
  const given = known[specifier];
  if (given) return given;
  let file: string;
  try {
    file = isPath(specifier) ? (specifier.startsWith('file:') ? new URL(specifier).pathname : resolve(baseDir, specifier)) : packageEntry(specifier, baseDir);
  } catch {
    throw new TypeError(`Connector ${specifier} is not installed (looked from ${baseDir}): add it to your project's dependencies`);
  }
  const module = (await import(pathToFileURL(file).href)) as { descriptor?: unknown };
  if (!isConnectorDescriptor(module.descriptor)) throw new TypeError(`${specifier} does not export a connector descriptor as \`descriptor\``);
  return module.descriptor;
}

import { isAbsolute, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { availableDomains } from './domains.js';
import { scaffold, ScaffoldError, type ScaffoldResult } from './scaffold.js';
import { isWorkspacePackageDir } from './workspace.js';

/** Where the CLI runs: the user's folder (relative `--out` paths start there) and the workspace. */
export interface CliEnvironment {
  cwd: string;
  workspaceRoot: string;
  out(text: string): void;
  error(text: string): void;
}

export function usage(): string {
  return `Usage: pnpm create-connector <name> --domain <domain> [--out <dir>]

  <name>           the provider's id: lowercase letters, digits and single dashes (acme-pay)
  --domain <name>  the domain the connector implements: ${availableDomains().join(', ')}
  --out <dir>      where to write it; default connectors/<name>. It must not exist yet.
`;
}

function nextSteps(result: ScaffoldResult, environment: CliEnvironment): string {
  const { names } = result;
  const inside = relative(environment.workspaceRoot, result.dir);
  const where = inside.startsWith('..') || isAbsolute(inside) ? result.dir : inside;
  const linked = isWorkspacePackageDir(environment.workspaceRoot, result.dir)
    ? '  pnpm install                      links it into the workspace'
    : `  (${where} is outside the workspace's package folders: move it under connectors/ before pnpm install)`;
  return `Created ${names.packageName} in ${where}: ${result.files.length} files.

Next steps (CONTRIBUTING.md has the details):
${linked}
  pnpm turbo run typecheck lint test --filter ${names.packageName}
                                    green as generated, against the stand-in provider
  grep -rn "Template value" ${where}/src ${where}/testing
                                    every stand-in left to replace with the provider's documented facts
  shape src/wire/ and test/fixtures/ from ../shared/providers/ or the provider's public docs, then
  pnpm turbo run contract --filter ${names.packageName}
  fill in RUNBOOK.md, then: pnpm changeset
`;
}

function parseOptions(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: { domain: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
}

/** Runs the scaffolder on command-line arguments; returns the process exit code. */
export function runCli(argv: readonly string[], environment: CliEnvironment): number {
  // pnpm forwards the `--` that separates its own options from the script's.
  const args = argv[0] === '--' ? argv.slice(1) : [...argv];
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(args);
  } catch (error) {
    environment.error(`${(error as Error).message}\n\n${usage()}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    environment.out(usage());
    return 0;
  }
  const [name, ...extra] = positionals;
  if (name === undefined || extra.length > 0 || values.domain === undefined) {
    const problem = name === undefined ? 'Name the connector.' : extra.length > 0 ? `One name only; also given: ${extra.join(' ')}.` : 'Say which domain it implements with --domain.';
    environment.error(`${problem}\n\n${usage()}`);
    return 2;
  }
  const outDir = values.out === undefined ? resolve(environment.workspaceRoot, 'connectors', name) : resolve(environment.cwd, values.out);
  try {
    const result = scaffold({ name, domain: values.domain, outDir, workspaceRoot: environment.workspaceRoot });
    environment.out(nextSteps(result, environment));
    return 0;
  } catch (error) {
    if (!(error instanceof ScaffoldError)) throw error;
    environment.error(`${error.message}\n`);
    return 1;
  }
}

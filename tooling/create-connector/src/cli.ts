import { fileURLToPath } from 'node:url';
import { runCli } from './run.js';
import { findWorkspaceRoot } from './workspace.js';

// pnpm runs package scripts in the package's folder; INIT_CWD is where the user typed the command.
process.exitCode = runCli(process.argv.slice(2), {
  cwd: process.env['INIT_CWD'] ?? process.cwd(),
  workspaceRoot: findWorkspaceRoot(fileURLToPath(new URL('.', import.meta.url))),
  out: (text) => process.stdout.write(text),
  error: (text) => process.stderr.write(text),
});

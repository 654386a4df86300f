import { startHub } from '../hub.js';
import { EXIT } from './exit-codes.js';
import { readHubSource } from './hub-source.js';

export interface ServiceOptions {
  configPath?: string | undefined;
  port?: number | undefined;
  out?: (line: string) => void;
  /** Resolves when the service should stop; default the first SIGINT or SIGTERM. */
  until?: Promise<void>;
  /** Where relative paths start; default the process's working folder. */
  cwd?: string | undefined;
  env?: NodeJS.ProcessEnv | undefined;
}

function signalled(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/**
 * `interlock start --config interlock.config.json`: the hub for the providers the config names,
 * with their secrets and credentials from the environment, until interrupted. The config is found
 * as every command finds it (`--config`, `$INTERLOCK_CONFIG`, `./interlock.config.json`), and a
 * relative SQLite path is relative to the config file. Returns the exit code: 2 when the config
 * names no provider (or is invalid: thrown as {@link CannotRun}).
 */
export async function runService(options: ServiceOptions = {}): Promise<number> {
  const out = options.out ?? ((line: string) => console.log(line));
  const env = options.env ?? process.env;
  const source = readHubSource(options.configPath, { cwd: options.cwd ?? process.cwd(), env }, options.port === undefined ? {} : { port: options.port });
  const { config } = source;
  if (config.providers.length === 0) {
    out('No providers in the config: add them to interlock.config.json (see the README), or try the demo: `npm start` in the Interlock repository');
    return EXIT.cannotRun;
  }
  const hub = await startHub({ config, baseDir: source.baseDir, env });
  out(`Interlock hub listening on ${hub.url} for ${config.providers.map((p) => p.name).join(', ')} (store: ${config.store.kind}${config.store.kind === 'sqlite' ? ` at ${config.store.path}` : ''})`);
  if (config.console.enabled) out(`  support console: ${hub.url}/console (operators: ${config.console.operators.map((operator) => `${operator.name} as ${operator.role}`).join(', ') || 'none in the config'})`);
  await (options.until ?? signalled());
  await hub.close();
  out('hub stopped');
  return EXIT.ok;
}

import { configDir, loadConfig } from '../config/config.js';
import { startHub } from '../hub.js';

export interface ServiceOptions {
  configPath?: string | undefined;
  port?: number | undefined;
  out?: (line: string) => void;
  /** Resolves when the service should stop; default the first SIGINT or SIGTERM. */
  until?: Promise<void>;
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
 * with their secrets and credentials from the environment, until interrupted. Returns the exit code.
 */
export async function runService(options: ServiceOptions = {}): Promise<number> {
  const out = options.out ?? ((line: string) => console.log(line));
  const config = loadConfig(options.configPath, options.port === undefined ? {} : { port: options.port });
  if (config.providers.length === 0) {
    out('No providers in the config: add them to interlock.config.json (see the README), or try the demo: `npm start` in the Interlock repository');
    return 1;
  }
  const hub = await startHub({ config, baseDir: configDir(options.configPath) });
  out(`Interlock hub listening on ${hub.url} for ${config.providers.map((p) => p.name).join(', ')} (store: ${config.store.kind})`);
  await (options.until ?? signalled());
  await hub.close();
  out('hub stopped');
  return 0;
}

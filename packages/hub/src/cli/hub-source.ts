import { existsSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { loadConfig, type HubConfig, type HubConfigInput } from '../config/config.js';
import { CannotRun } from './exit-codes.js';

/** The config file the CLI reads when `--config` names none, in the folder it runs from. */
export const DEFAULT_CONFIG_FILE = 'interlock.config.json';
/** The variable naming the config file when `--config` does not. */
export const CONFIG_ENV = 'INTERLOCK_CONFIG';

/** Where the CLI runs: its folder and environment (a test's, or the process's). */
export interface Place {
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** The hub a command works on: its config, the file it came from, and the folder its relative paths are relative to. */
export interface HubSource {
  config: HubConfig;
  /** Absolute; undefined when no config file was found and the defaults are used. */
  configPath: string | undefined;
  /** The config file's folder (connectors and the store are found from it), or the working folder without one. */
  baseDir: string;
}

/** `--config`, else `$INTERLOCK_CONFIG`, else `./interlock.config.json` when there is one. */
export function locateConfig(explicit: string | undefined, place: Place): string | undefined {
  const named = explicit ?? (place.env[CONFIG_ENV] || undefined);
  if (named !== undefined) return resolve(place.cwd, named);
  const here = resolve(place.cwd, DEFAULT_CONFIG_FILE);
  return existsSync(here) ? here : undefined;
}

/**
 * Reads the hub's config as the CLI finds it (see {@link locateConfig}), with a SQLite store path
 * resolved against the config file's folder, so the database is the one that config means
 * wherever the CLI runs from. A missing or invalid config cannot run.
 */
export function readHubSource(explicit: string | undefined, place: Place, overrides: HubConfigInput = {}): HubSource {
  const configPath = locateConfig(explicit, place);
  if (configPath !== undefined && !existsSync(configPath)) throw new CannotRun(`No config file at ${configPath}`);
  let config: HubConfig;
  try {
    config = loadConfig(configPath, overrides);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new CannotRun(error instanceof SyntaxError ? `The config ${configPath ?? ''} is not JSON: ${message}` : message);
  }
  const baseDir = configPath === undefined ? place.cwd : dirname(configPath);
  const store = config.store;
  if (store.kind === 'sqlite' && store.path !== ':memory:' && !isAbsolute(store.path)) {
    config = { ...config, store: { ...store, path: resolve(baseDir, store.path) } };
  }
  return { config, configPath, baseDir };
}

/**
 * A command that reads or changes what the hub stored needs that store to exist: opening a SQLite
 * path that is not there would make a new, empty database and answer from it.
 */
export function assertStoreExists(source: HubSource): void {
  const store = source.config.store;
  if (store.kind !== 'sqlite' || store.path === ':memory:' || existsSync(store.path)) return;
  throw new CannotRun(
    source.configPath === undefined
      ? `No config (--config, $${CONFIG_ENV} or ./${DEFAULT_CONFIG_FILE} in ${source.baseDir}) and no database at ${store.path}: pass the hub's config with --config`
      : `No database at ${store.path}, the store ${source.configPath} names: has a hub run with this config?`,
  );
}

import { randomInt } from 'node:crypto';
import { ENGINE_NAMES, type EngineName } from './engines.js';
import type { ChaosSettings } from './run-chaos.js';

/** The CI run: at least twenty kills per engine, sized to finish in about a minute on two cores. */
export const CI_SETTINGS = {
  kills: 20,
  midApplyKills: 3,
  payments: 400,
  refundShare: 0.5,
  senders: 32,
  workers: 16,
  leaseMs: 3_000,
  drainTimeoutMs: 60_000,
} as const;

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0) throw new TypeError(`${name} must be a whole number >= 0, got ${text}`);
  return value;
}

/**
 * The settings of a run on `engine` from the environment, CI's where a variable is unset:
 * CHAOS_SEED (default a fresh one, printed), CHAOS_KILLS, CHAOS_MID_APPLY_KILLS, CHAOS_PAYMENTS, CHAOS_SENDERS,
 * CHAOS_WORKERS, CHAOS_LEASE_MS, CHAOS_DRAIN_TIMEOUT_MS; INTERLOCK_TEST_POSTGRES_URL and
 * INTERLOCK_TEST_REDIS_HOST/PORT for the servers.
 */
export function settingsFrom(env: NodeJS.ProcessEnv, engine: EngineName): ChaosSettings {
  return {
    engine,
    seed: integer(env, 'CHAOS_SEED', randomInt(1, 2 ** 31 - 1)),
    kills: integer(env, 'CHAOS_KILLS', CI_SETTINGS.kills),
    midApplyKills: integer(env, 'CHAOS_MID_APPLY_KILLS', CI_SETTINGS.midApplyKills),
    payments: integer(env, 'CHAOS_PAYMENTS', CI_SETTINGS.payments),
    refundShare: CI_SETTINGS.refundShare,
    senders: integer(env, 'CHAOS_SENDERS', CI_SETTINGS.senders),
    workers: integer(env, 'CHAOS_WORKERS', CI_SETTINGS.workers),
    leaseMs: integer(env, 'CHAOS_LEASE_MS', CI_SETTINGS.leaseMs),
    drainTimeoutMs: integer(env, 'CHAOS_DRAIN_TIMEOUT_MS', CI_SETTINGS.drainTimeoutMs),
    servers: {
      postgresUrl: env['INTERLOCK_TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test',
      redis: { host: env['INTERLOCK_TEST_REDIS_HOST'] ?? '127.0.0.1', port: integer(env, 'INTERLOCK_TEST_REDIS_PORT', 6379) },
    },
  };
}

/** The engines CHAOS_ENGINES names (comma-separated), or all of them. */
export function enginesFrom(env: NodeJS.ProcessEnv): EngineName[] {
  const text = env['CHAOS_ENGINES'];
  if (text === undefined || text === '') return [...ENGINE_NAMES];
  return text.split(',').map((name) => {
    const engine = ENGINE_NAMES.find((candidate) => candidate === name.trim());
    if (engine === undefined) throw new TypeError(`CHAOS_ENGINES names ${name}; the engines are ${ENGINE_NAMES.join(', ')}`);
    return engine;
  });
}

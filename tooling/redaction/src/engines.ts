import { join } from 'node:path';
import type { HubConfigInput } from '@interlock/hub';
import { POSTGRES_SERVICE, REDIS_SERVICE, type Service } from '@interlock/testkit';
import { dropPostgresSchema, postgresRows, redisRows, sqliteRows } from './raw-rows.js';

/**
 * One place the hub keeps events, dead letters and audit entries, read back raw. `run` names this
 * run's own schema and Redis prefix, so concurrent runs and other suites share nothing.
 */
export interface SweptEngine {
  name: string;
  services: readonly Service[];
  /** What its raw rows must hold besides the dead letter and the rejection: its own places were read. */
  witnesses: readonly string[];
  config(dir: string, run: string): Pick<HubConfigInput, 'store' | 'queue'>;
  rows(dir: string, run: string): Promise<string>;
  remove(run: string): Promise<void>;
}

const postgresStore = (run: string): HubConfigInput['store'] => ({ kind: 'postgres', connectionStringEnv: 'DATABASE_URL', schema: run });

export const ENGINES: readonly SweptEngine[] = [
  {
    name: 'sqlite',
    services: [],
    witnesses: ['audit_trail: [{', 'events: [{'],
    config: (dir) => ({ store: { kind: 'sqlite', path: join(dir, 'hub.db') } }),
    rows: (dir) => Promise.resolve(sqliteRows(join(dir, 'hub.db'))),
    remove: () => Promise.resolve(),
  },
  {
    name: 'postgres',
    services: [POSTGRES_SERVICE],
    witnesses: ['audit_log: [{', 'events: [{'],
    config: (_dir, run) => ({ store: postgresStore(run) }),
    rows: (_dir, run) => postgresRows(run),
    remove: (run) => dropPostgresSchema(run),
  },
  {
    name: 'pg+bullmq',
    services: [POSTGRES_SERVICE, REDIS_SERVICE],
    witnesses: ['audit_log: [{', ':interlock-events:failed:', 'failedReason'],
    config: (_dir, run) => ({ store: postgresStore(run), queue: { kind: 'bullmq', prefix: run } }),
    rows: async (_dir, run) => `${await postgresRows(run)}\n${await redisRows(run)}`,
    remove: async (run) => {
      await dropPostgresSchema(run);
      await redisRows(run, true);
    },
  },
];

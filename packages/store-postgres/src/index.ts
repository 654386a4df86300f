export { openPostgresStore, type PostgresStore, type PostgresStoreOptions } from './open-store.js';
export { migrate, DEFAULT_SCHEMA } from './migrations/migrate.js';

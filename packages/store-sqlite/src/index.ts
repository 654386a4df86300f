export { openSqliteStore, type SqliteStore } from './open-store.js';
export type { SqliteStoreOptions } from './options.js';
export { MIGRATIONS, SCHEMA_VERSION, type Migration } from './database/migrations.js';
export { StoreClosedError } from './database/group-commit.js';

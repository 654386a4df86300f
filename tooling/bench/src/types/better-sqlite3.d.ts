// The bench uses better-sqlite3 for the "naive" webhook server only, and @types/better-sqlite3 is
// not among its dependencies: this declares just the calls it makes.
declare module 'better-sqlite3' {
  interface RunResult {
    changes: number;
    lastInsertRowid: number | bigint;
  }
  interface Statement {
    run(...params: readonly unknown[]): RunResult;
    get(...params: readonly unknown[]): unknown;
  }
  interface Database {
    prepare(source: string): Statement;
    exec(source: string): Database;
    pragma(source: string): unknown;
    close(): Database;
  }
  interface DatabaseConstructor {
    new (filename: string): Database;
  }
  const Database: DatabaseConstructor;
  export default Database;
}

import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { WAL_SIZE_LIMIT_BYTES } from './connection.js';

// The worker is plain CommonJS evaluated from this string, so it runs the same from the
// TypeScript sources (tests), the ESM build and the CJS build, with no extra file to ship.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driverPath);
const db = new Database(workerData.path, { fileMustExist: true, timeout: workerData.busyTimeoutMs });
db.pragma('wal_autocheckpoint = 0');
const restartAtPages = Math.max(1, Math.floor(workerData.restartAtBytes / db.pragma('page_size', { simple: true })));
const checkpoint = () => {
  try {
    let [pass] = db.pragma('wal_checkpoint(PASSIVE)');
    // Under steady writes a PASSIVE pass never copies the frames committed while it ran, and
    // SQLite starts the WAL over only after a checkpoint that left nothing behind: the file
    // would grow for as long as the writes go on. RESTART copies what is left and lets the next
    // commit start the file over, but writers wait while it runs: first, each further PASSIVE
    // pass copies only what was committed during the one before, until little is left.
    if (!pass || pass.log < restartAtPages) return;
    for (let i = 0; i < 8 && pass.log - pass.checkpointed > 64; i++) [pass] = db.pragma('wal_checkpoint(PASSIVE)');
    db.pragma('wal_checkpoint(RESTART)');
  } catch {
    // A busy or failed checkpoint is retried on the next tick; the WAL only grows meanwhile.
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'close') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

/** How long close() waits for the thread's last checkpoint before terminating it. */
const CLOSE_GRACE_MS = 2_000;

/**
 * Checkpoints the WAL on a thread of its own. A checkpoint copies WAL pages into the database
 * file and fsyncs it: 5–9 ms that, on the event loop, would land on whichever accept was
 * waiting. PASSIVE never waits for readers or writers, so the event loop's commits carry on
 * while it runs. Once the WAL has grown to `restartAtBytes` it is started over by a RESTART,
 * whose wait falls on the event loop's next commit but covers only the pages committed during
 * the PASSIVE pass before it, and only once per that many bytes written.
 */
export class BackgroundCheckpointer {
  private readonly worker: Worker;
  private readonly exited: Promise<void>;

  /**
   * `onFailure` runs if the thread dies, so the caller can hand checkpoints back to SQLite. Once
   * the WAL holds `restartAtBytes`, a checkpoint also starts it over.
   */
  constructor(path: string, intervalMs: number, busyTimeoutMs: number, onFailure: (error: unknown) => void, restartAtBytes: number = WAL_SIZE_LIMIT_BYTES) {
    // Resolved here, where this package's dependencies are visible, and handed to the thread.
    const driverPath = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driverPath, path, intervalMs, busyTimeoutMs, restartAtBytes } });
    // The thread must never keep a process alive that is otherwise done.
    this.worker.unref();
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.on('error', onFailure);
  }

  /** Runs a last checkpoint, closes the thread's connection and waits for it to exit. */
  async close(): Promise<void> {
    this.worker.postMessage('close');
    const timer = setTimeout(() => void this.worker.terminate(), CLOSE_GRACE_MS);
    await this.exited;
    clearTimeout(timer);
  }
}

import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// The worker is plain CommonJS evaluated from this string, so it runs the same from the
// TypeScript sources (tests), the ESM build and the CJS build, with no extra file to ship.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driverPath);
const db = new Database(workerData.path, { fileMustExist: true, timeout: workerData.busyTimeoutMs });
db.pragma('wal_autocheckpoint = 0');
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
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
 * while it runs.
 */
export class BackgroundCheckpointer {
  private readonly worker: Worker;
  private readonly exited: Promise<void>;

  /** `onFailure` runs if the thread dies, so the caller can hand checkpoints back to SQLite. */
  constructor(path: string, intervalMs: number, busyTimeoutMs: number, onFailure: (error: unknown) => void) {
    // Resolved here, where this package's dependencies are visible, and handed to the thread.
    const driverPath = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driverPath, path, intervalMs, busyTimeoutMs } });
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

import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Durability } from './open-sqlite-database.js';

/** How often the worker copies the WAL's new pages into the database file. */
export const CHECKPOINT_INTERVAL_MS = 100;

/** What the last pass found: frames in the WAL, and how many of them are in the database file. */
export interface CheckpointPass {
  log: number;
  checkpointed: number;
}

/**
 * The worker, as plain CommonJS so it runs the same under `node --import tsx`, vitest and a build:
 * its own connection to the file, a PASSIVE checkpoint every interval (it never waits for, nor
 * blocks, the writer or any reader), each pass reported back.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 0');
db.pragma('synchronous = ' + workerData.synchronous);
const pass = () => {
  try {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ log: r.log, checkpointed: r.checkpointed });
  } catch (e) {
    parentPort.postMessage({ error: String(e && e.message ? e.message : e) });
  }
};
const timer = setInterval(pass, workerData.intervalMs);
parentPort.on('message', (m) => {
  if (m !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/**
 * Copies committed WAL pages into the database file from a worker thread, so the event loop that
 * serves requests does not: the writer's own automatic checkpoint (every 10,000 pages, see
 * `openSqliteDatabase`) then finds them copied already and only starts the WAL over. Without it
 * that checkpoint copies thousands of pages inside one COMMIT, a stall of tens of milliseconds for
 * every request waiting on that commit, and a share of the runtime's CPU (on a machine with a
 * second core, now spent there).
 *
 * Nothing depends on it: if the worker fails, the writer's automatic checkpoint does all the work,
 * as without it (a failure is kept in `lastError` for tests and diagnosis). A checkpoint never
 * changes what a reader or a crash sees: committed data lives in the WAL until it is copied.
 */
export class SqliteCheckpointer {
  /** The latest pass, null before the first. */
  lastPass: CheckpointPass | null = null;
  lastError: string | null = null;
  private readonly exited: Promise<void>;

  private constructor(private readonly worker: Worker) {
    this.exited = new Promise((resolve) => worker.once('exit', () => resolve()));
    worker.on('message', (m: CheckpointPass | { error: string }) => {
      if ('error' in m) this.lastError = m.error;
      else this.lastPass = m;
    });
    worker.on('error', (e) => (this.lastError = e.message));
    // A process that is done otherwise does not stay up for the checkpointer (after the listeners:
    // adding a message listener references the worker again).
    worker.unref();
  }

  static start(file: string, durability: Durability, intervalMs = CHECKPOINT_INTERVAL_MS): SqliteCheckpointer {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      // The worker is plain JavaScript: no loader to start with it.
      execArgv: [],
      workerData: {
        driver: createRequire(import.meta.url).resolve('better-sqlite3'),
        file,
        synchronous: durability === 'full' ? 'FULL' : 'NORMAL',
        intervalMs,
      },
    });
    return new SqliteCheckpointer(worker);
  }

  /** Stops after the pass under way (if any), with the worker's connection closed. */
  async stop(): Promise<void> {
    // Held while it winds down: an unreferenced worker would let the process end mid-await.
    this.worker.ref();
    this.worker.postMessage('stop');
    await this.exited;
  }
}

import { readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { StoreConfigError } from './store-errors.js';

/** Lock files held by this process (a PID alone cannot tell our own lock from a stale one). */
const held = new Set<string>();

/**
 * Refuse to open DATA_DIR when another live process has it open. Why: nedb keeps the data in
 * memory and rewrites whole files at compaction, so two processes on one directory silently
 * overwrite each other's writes. Several runtime instances need MONGODB_URI instead.
 * A lock left by a killed process (its PID gone, or our own PID after a container restart) is
 * taken over. Returns the release function.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const file = path.resolve(dataDir, 'LOCK');
  if (held.has(file)) throw new StoreConfigError(`${dataDir} is already open in this process`);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      await writeFile(file, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
      held.add(file);
      return async () => {
        held.delete(file);
        await unlink(file).catch(() => undefined);
      };
    } catch (e) {
      if (!(e instanceof Error && 'code' in e && e.code === 'EEXIST')) throw e;
    }
    const pid = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10);
    if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) {
      throw new StoreConfigError(
        `${dataDir} is in use by process ${pid}; stop it, or delete ${file} if no ReplyFlow runs there`,
      );
    }
    await unlink(file).catch(() => undefined);
  }
  throw new StoreConfigError(`could not lock ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return e instanceof Error && 'code' in e && e.code === 'EPERM';
  }
}

import { readFileSync, unlinkSync } from 'node:fs';
import { readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { StoreConfigError } from './store-errors.js';

/** Lock files held by this process (a PID alone cannot tell our own lock from a stale one). */
const held = new Set<string>();
let exitHookInstalled = false;

/**
 * Refuse to open DATA_DIR when another live process has it open. Why: nedb keeps the data in
 * memory and rewrites whole files at compaction, so two processes on one directory silently
 * overwrite each other's writes. Several runtime instances need MONGODB_URI instead.
 * A lock left by a killed process (its PID gone, or our own PID after a container restart) is
 * taken over. Returns the release function; a process that exits without calling it (a failed
 * shutdown, a hard timeout, `process.exit`) still removes its lock on the way out.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const file = path.resolve(dataDir, 'LOCK');
  if (held.has(file)) throw new StoreConfigError(`${dataDir} is already open in this process`);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      await writeFile(file, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
      hold(file);
      return async () => {
        held.delete(file);
        await unlink(file).catch(() => undefined);
      };
    } catch (e) {
      if (!(e instanceof Error && 'code' in e && e.code === 'EEXIST')) throw e;
    }
    const pid = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10);
    if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) {
      // One line, read by a person at a terminal: `npm start` prints it as is and exits 1.
      throw new StoreConfigError(
        `数据目录 DATA_DIR=${dataDir} 正被进程 ${pid} 使用，请先停止它（若该目录上并无 ReplyFlow 运行，可删除 ${file}）` +
          ` / DATA_DIR=${dataDir} is in use by process ${pid}: stop it, or delete ${file} if no ReplyFlow runs there`,
      );
    }
    await unlink(file).catch(() => undefined);
  }
  throw new StoreConfigError(`无法锁定数据目录 DATA_DIR=${dataDir} / could not lock DATA_DIR=${dataDir}`);
}

function hold(file: string): void {
  if (!exitHookInstalled) process.once('exit', releaseAllOnExit);
  exitHookInstalled = true;
  held.add(file);
}

/** Synchronous: an `exit` listener cannot wait. Only a lock still naming this process goes. */
function releaseAllOnExit(): void {
  for (const file of held) {
    try {
      if (Number.parseInt(readFileSync(file, 'utf8'), 10) === process.pid) unlinkSync(file);
    } catch {
      // Already gone.
    }
  }
  held.clear();
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

import { open, writeFile, type FileHandle } from 'node:fs/promises';

/**
 * Make a datafile whose last append was cut short (kill -9 or power loss inside `appendFile`)
 * loadable again, before nedb reads it.
 *
 * Why: nedb appends `line + '\n'` and resolves only after the append; so a last line without
 * its newline belongs to a write that was never acknowledged. nedb would count it as corrupt,
 * and we run it with `corruptAlertThreshold: 0` so that real corruption refuses to load instead
 * of being dropped; hence this one, provably harmless case is handled here:
 * - the fragment parses as JSON (only the `\n` was lost): the newline is added, keeping it;
 * - otherwise the fragment is cut off and saved beside the datafile as `<file>.torn-<ms>`.
 * Returns what it did, for logging and tests.
 */
export async function repairTornTail(
  filename: string,
  now: Date = new Date(),
): Promise<'none' | 'newline-added' | 'truncated'> {
  let handle: FileHandle;
  try {
    handle = await open(filename, 'r+');
  } catch (e) {
    if (e instanceof Error && 'code' in e && e.code === 'ENOENT') return 'none';
    throw e;
  }
  try {
    const { size } = await handle.stat();
    if (size === 0) return 'none';
    const last = Buffer.alloc(1);
    await handle.read(last, 0, 1, size - 1);
    if (last[0] === 0x0a) return 'none';

    // Scan backwards in chunks for the last newline; everything after it is the torn line.
    const chunk = 64 * 1024;
    let start = size;
    let cut = 0;
    while (start > 0) {
      const from = Math.max(0, start - chunk);
      const buf = Buffer.alloc(start - from);
      await handle.read(buf, 0, buf.length, from);
      const nl = buf.lastIndexOf(0x0a);
      if (nl >= 0) {
        cut = from + nl + 1;
        break;
      }
      start = from;
    }
    const fragment = Buffer.alloc(size - cut);
    await handle.read(fragment, 0, fragment.length, cut);
    if (parsesAsJson(fragment.toString('utf8'))) {
      await handle.write('\n', size);
      await handle.sync();
      return 'newline-added';
    }
    await writeFile(`${filename}.torn-${now.getTime()}`, fragment, { mode: 0o600 });
    await handle.truncate(cut);
    await handle.sync();
    return 'truncated';
  } finally {
    await handle.close();
  }
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

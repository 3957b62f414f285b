/**
 * A fresh data dir that already holds the seeded example workspace: a copy of the store that
 * global-setup.ts seeded once, opened as a restarted server opens its DATA_DIR.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A closed embedded store holding the seeded example workspace. */
    seededDataDir: string;
  }
}

export function seededDataDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  // The template is closed, so it holds no LOCK and no -wal file: the copy is the whole store.
  cpSync(inject('seededDataDir'), dir, { recursive: true });
  return dir;
}

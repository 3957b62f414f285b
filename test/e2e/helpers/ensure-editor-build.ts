/**
 * Builds the editor the way `npm start` does (`build-editor.ts --if-stale`: skipped while the
 * build's stamp matches the sources), so the server under test serves the editor as it is now.
 * Run as a child process, asynchronously: a synchronous build would block this test worker past
 * vitest's RPC timeout. A directory lock keeps two test workers from building at once. An up-to-date
 * build is recognised in-process first: no lock to wait on, no child process to start.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { hashEditorInputs, isEditorBuildStale } from '../../../server/src/cli/editor-build-stamp.js';
import { editorDirFromEnv } from '../../../server/src/config.js';

export const ROOT = path.resolve(import.meta.dirname, '../../..');

export async function ensureEditorBuild(): Promise<void> {
  if (!isEditorBuildStale(editorDirFromEnv(process.env), hashEditorInputs(ROOT))) return;
  const lock = path.join(ROOT, 'editor/.build-lock');
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another worker builds; a lock older than 3 minutes is left over from a crash.
      if (Date.now() - started > 180_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', path.join(ROOT, 'server/src/cli/build-editor.ts'), '--if-stale'],
        { cwd: ROOT, stdio: 'inherit' },
      );
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`editor build exited with ${code}`))));
    });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

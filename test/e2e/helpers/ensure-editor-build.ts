/**
 * Builds `editor/dist` when it is missing or older than any editor or schema source, so
 * the server under test serves the editor as it is now. A directory lock keeps two
 * test workers from building at once.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../../..');

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

export function editorBuildIsStale(): boolean {
  const built = path.join(ROOT, 'editor/dist/index.html');
  if (!existsSync(built)) return true;
  const sources = Math.max(newest(path.join(ROOT, 'editor')), newest(path.join(ROOT, 'rules-schema')));
  return statSync(built).mtimeMs < sources;
}

export async function ensureEditorBuild(): Promise<void> {
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
    if (editorBuildIsStale()) {
      execFileSync('npx', ['vite', 'build', '--config', 'editor/vite.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Whether the built editor is stale: a build carries a stamp, the hash of every source it was
 * built from, and a start whose sources hash the same skips the ten-second Vite build. Contents,
 * not mtimes: a `git checkout` or a copy touches every file and changes none.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** What an editor build is made of, relative to the checkout: the editor imports `rules-schema/`; the build script sets how it is built. */
export const EDITOR_INPUTS: readonly string[] = [
  'editor',
  'rules-schema',
  'package-lock.json',
  'server/src/cli/build-editor.ts',
];

/** Build outputs and locks inside the inputs, not sources. */
const NOT_SOURCES = new Set(['dist', 'node_modules', '.build-lock']);

/** Written into the build directory last, so a build that stopped half-way has none. */
export const STAMP_FILE = '.build-stamp';

/**
 * SHA-256 over the relative path and contents of every input file, in a fixed order, so that
 * an added, removed, renamed or edited file changes it.
 *
 * @example
 * const hash = hashEditorInputs('/work/main'); // 'c0ffee…' (64 hex digits)
 */
export function hashEditorInputs(root: string, inputs: readonly string[] = EDITOR_INPUTS): string {
  const hash = createHash('sha256');
  for (const input of inputs) {
    for (const file of listFiles(root, input)) {
      hash
        .update(file)
        .update('\0')
        .update(readFileSync(path.join(root, file)))
        .update('\0');
    }
  }
  return hash.digest('hex');
}

/** True when `outDir` holds no complete build, or one built from other sources than `hash`. */
export function isEditorBuildStale(outDir: string, hash: string): boolean {
  if (!existsSync(path.join(outDir, 'index.html'))) return true;
  try {
    return readFileSync(path.join(outDir, STAMP_FILE), 'utf8').trim() !== hash;
  } catch {
    return true;
  }
}

export function writeEditorBuildStamp(outDir: string, hash: string): void {
  writeFileSync(path.join(outDir, STAMP_FILE), `${hash}\n`);
}

/** Relative paths (forward slashes, sorted) of the files under `rel`; none when it is missing. */
function listFiles(root: string, rel: string): string[] {
  const full = path.join(root, rel);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [rel];
  return readdirSync(full)
    .filter((name) => !NOT_SOURCES.has(name))
    .sort()
    .flatMap((name) => listFiles(root, `${rel}/${name}`));
}

/**
 * `npm run build:editor` builds the editor into EDITOR_DIR (default `editor/dist`) and stamps
 * it; `npm start` runs it with `--if-stale` first, which skips the build while the stamp
 * matches the sources, so only the first start and starts after an editor change wait for Vite.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { editorDirFromEnv } from '../config.js';
import { hashEditorInputs, isEditorBuildStale, writeEditorBuildStamp } from './editor-build-stamp.js';

// Vite bundles React's development build when NODE_ENV says so (vitest sets `test`): what any
// caller builds here is what `npm start` serves later, so it is always the production build.
process.env['NODE_ENV'] = 'production';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const outDir = editorDirFromEnv(process.env);
// Hashed before building: a source edited during the build leaves a stamp that no longer matches.
const hash = hashEditorInputs(root);

if (process.argv.includes('--if-stale') && !isEditorBuildStale(outDir, hash)) {
  process.stdout.write(`编辑器已是最新，跳过构建 (editor build is up to date: ${outDir})\n`);
} else {
  process.stdout.write(`正在构建编辑器… (building the editor into ${outDir})\n`);
  await build({
    configFile: path.join(root, 'editor/vite.config.ts'),
    build: { outDir, emptyOutDir: true },
    logLevel: 'warn',
  });
  writeEditorBuildStamp(outDir, hash);
  process.stdout.write(`编辑器构建完成 (editor built)\n`);
}

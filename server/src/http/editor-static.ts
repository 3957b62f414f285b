/**
 * Serves the built editor at `/`, deciding per request whether a build exists: a server started
 * while `npm run build:editor` still runs (or before anyone built) serves the editor as soon as
 * the build lands, with no restart. Until then editor paths answer a small "being built" page.
 */
import express, { Router, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Paths the API, the webhook and the health check own; every other GET is the editor's (client routes included). */
const EDITOR_PATH = /^\/(?!api\/|wechat\/|healthz)/;

/** Seconds after which the "being built" page reloads itself and clients may retry. */
const RETRY_SECONDS = 5;

const BUILDING_HTML = `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta http-equiv="refresh" content="${RETRY_SECONDS}"><title>ReplyFlow · 编辑器构建中</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40em; margin: 4em auto">
<h1>编辑器正在构建…</h1>
<p>构建完成后本页会自动刷新。若服务器不是用 <code>npm start</code> 启动的，请运行 <code>npm run build:editor</code>。API（<code>/api/v1</code>）和 <code>/healthz</code> 已可使用。</p>
<p lang="en">The editor is being built. This page reloads by itself once the build is done; if the server was not started with <code>npm start</code>, run <code>npm run build:editor</code>. The API (<code>/api/v1</code>) and <code>/healthz</code> already answer.</p>
</body>
</html>
`;

/**
 * @example
 * app.use(editorStatic(path.join(root, 'editor/dist')));
 */
export function editorStatic(editorDir: string): Router {
  const index = path.join(editorDir, 'index.html');
  const files = express.static(editorDir, { index: 'index.html' });
  const r = Router();
  r.use((req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !EDITOR_PATH.test(req.path)) return next();
    if (!existsSync(index)) return answerBuilding(req, res);
    // A path that is no file is a client-side route of the editor: its index page.
    files(req, res, () =>
      res.sendFile(index, (err) => {
        // The build directory is emptied while a rebuild runs.
        if (err && !res.headersSent) answerBuilding(req, res);
      }),
    );
  });
  return r;
}

function answerBuilding(req: Request, res: Response): void {
  res.status(503).set({ 'Retry-After': String(RETRY_SECONDS), 'Cache-Control': 'no-store' });
  if (req.accepts(['html', 'json']) === 'html') res.type('html').send(BUILDING_HTML);
  else
    res.json({ editor: 'building', message: '编辑器正在构建，请稍后再试 (the editor is being built: retry shortly)' });
}

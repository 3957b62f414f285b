/**
 * Editor scale (issue 3): load-to-interactive of a 300-node flow in headless Chromium and the
 * cost of panning it, as ratios to a 10-node flow measured in the same run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Flow } from '../rules-schema/index.js';
import { openStore } from '../server/src/store/open-store.js';
import { createApp } from '../server/src/http/create-app.js';
import { createLogger } from '../server/src/logger.js';
import { seedWorkspace } from '../server/src/runtime/seed-workspace.js';
import { ensureEditorBuild, ROOT } from '../test/e2e/helpers/ensure-editor-build.js';
import { launchBrowser } from '../test/e2e/helpers/browser.js';
import { ms } from './stats.js';

const TOKEN = 'bench-editor-admin';

/** A trigger fanning out to keyword groups, each leading to a reply: `pairs * 2 + 1` nodes. */
function wideFlow(id: string, name: string, pairs: number): Flow {
  const nodes: Flow['nodes'] = [
    { id: 't', type: 'trigger', position: { x: 0, y: pairs * 40 }, data: { messageTypes: ['text'] } },
  ];
  const edges: Flow['edges'] = [];
  for (let i = 0; i < pairs; i++) {
    nodes.push({ id: `k${i}`, type: 'keywordGroup', position: { x: 300, y: i * 90 }, data: { groupId: 'refund' } });
    nodes.push({
      id: `r${i}`,
      type: 'reply',
      position: { x: 600, y: i * 90 },
      data: { mode: 'all', replies: [{ type: 'text', content: `第 ${i} 条回复，如果还有其他问题，可以继续问我哦` }] },
    });
    edges.push(
      { id: `a${i}`, source: 't', target: `k${i}` },
      { id: `b${i}`, source: `k${i}`, target: `r${i}`, sourceHandle: 'match' },
    );
  }
  return { id, name, nodes, edges };
}

export async function editorBench(): Promise<void> {
  await ensureEditorBuild();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'replyflow-editor-bench-'));
  const store = await openStore({ dataDir });
  await seedWorkspace(store, path.join(ROOT, 'examples/workspace'));
  const flows = [wideFlow('bench-small', '基准小流程', 5), wideFlow('bench-large', '基准大流程', 150)];
  for (const f of flows) await store.documents.create('default', 'flow', f.id, f, 'bench');
  const app = createApp({
    store,
    log: createLogger('silent'),
    adminToken: TOKEN,
    editorDir: path.join(ROOT, 'editor/dist'),
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(`${base}/#token=${TOKEN}`);
    const results: Record<string, { load: number; pan: number; frame: number }> = {};
    for (const f of flows) {
      const list = page.getByRole('navigation', { name: '流程' });
      await list.getByRole('button', { name: '电商常见问题' }).click();
      // Browser-side code is passed as strings: this file is type-checked without the DOM library.
      await page.waitForFunction(`document.querySelector('.react-flow__node[data-id="kg-refund"]') !== null`);
      const start = performance.now();
      await list.getByRole('button', { name: f.name }).click();
      // Large flows render only what is on screen: interactive once the flow's nodes are drawn.
      await page.waitForFunction(
        `[...document.querySelectorAll('.react-flow__node')].some((n) => /^[kr][0-9]+$/.test(n.dataset.id))`,
        undefined,
        { polling: 'raf' },
      );
      const load = performance.now() - start;
      // Grab the canvas where no node is, so the drag pans instead of moving a node.
      const spot = (await page.evaluate(`(() => {
        const pane = document.querySelector('.react-flow__pane')?.getBoundingClientRect();
        if (!pane) return null;
        for (let y = pane.top + 20; y < pane.bottom - 20; y += 17) {
          for (let x = pane.left + 20; x < pane.right - 20; x += 23) {
            if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
          }
        }
        return null;
      })()`)) as { x: number; y: number } | null;
      if (!spot) throw new Error('no empty spot on the canvas');
      // Frame times inside the page: how smooth the pan looks, apart from the driver's overhead.
      await page.evaluate(`(() => {
        window.__frames = [];
        let last = performance.now();
        const tick = (t) => { window.__frames.push(t - last); last = t; if (window.__frames.length < 100000) requestAnimationFrame(tick); };
        requestAnimationFrame(tick);
      })()`);
      const panStart = performance.now();
      await page.mouse.move(spot.x, spot.y);
      await page.mouse.down();
      for (let i = 1; i <= 30; i++) await page.mouse.move(spot.x + i * 12, spot.y + i * 8);
      await page.mouse.up();
      await page.evaluate(`new Promise((r) => requestAnimationFrame(() => r(null)))`);
      const pan = (performance.now() - panStart) / 30;
      const frames = (await page.evaluate(`window.__frames.slice(1).sort((a, b) => a - b)`)) as number[];
      const p95 = frames[Math.floor(frames.length * 0.95)] ?? Number.NaN;
      results[f.id] = { load, pan, frame: p95 };
    }
    const small = results['bench-small'] as { load: number; pan: number; frame: number };
    const large = results['bench-large'] as { load: number; pan: number; frame: number };
    console.log('\n## Editor in headless Chromium (301-node flow vs 11-node flow, same run)');
    console.log(
      `load to interactive: ${ms(large.load)} vs ${ms(small.load)} (ratio ${(large.load / small.load).toFixed(2)})`,
    );
    console.log(
      `pan, per mouse step (driver included): ${ms(large.pan)} vs ${ms(small.pan)} (ratio ${(large.pan / small.pan).toFixed(2)})`,
    );
    console.log(
      `pan, p95 frame time in the page: ${ms(large.frame)} vs ${ms(small.frame)} (ratio ${(large.frame / small.frame).toFixed(2)}; 16.7 ms is one frame at 60 Hz)`,
    );
  } catch (err) {
    const pages = browser.contexts().flatMap((c) => c.pages());
    for (const p of pages) await p.screenshot({ path: path.join(ROOT, 'test-artifacts/bench-editor-failure.png') });
    throw err;
  } finally {
    await browser.close();
    server.close();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

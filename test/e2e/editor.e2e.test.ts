/**
 * The editor in Chromium against the real server: an operator builds a refund reply
 * (group, flow, live lint, publish) and the runtime answers with it; two sessions
 * editing one flow meet the conflict dialog instead of overwriting each other.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifact } from './helpers/browser.js';
import { browserSuite } from './helpers/browser-suite.js';

const REPLY = '{{nickname}}，退款请在订单页申请，如果还有其他问题，可以继续问我哦';
const suite = browserSuite('editor');
const { newPage, api } = suite;

/** Drags a handle onto another with the mouse, as an operator draws an edge. */
async function drawEdge(page: Page, from: string, to: string): Promise<void> {
  const a = await page.locator(from).boundingBox();
  const b = await page.locator(to).boundingBox();
  if (!a || !b) throw new Error(`handle not visible: ${a ? to : from}`);
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}

/** Pairs of canvas nodes whose boxes overlap on screen (none, when nodes are placed in free space). */
/**
 * Closes every notice on screen. Each close shifts the list and a notice may also expire by itself
 * meanwhile, so the first one is closed until none is left rather than walking a stale list.
 */
async function closeNotices(page: Page): Promise<void> {
  const close = page.locator('.notices').getByRole('button', { name: '关闭' });
  await expect
    .poll(async () => {
      if ((await close.count()) > 0)
        await close
          .first()
          .click({ timeout: 1000 })
          .catch(() => undefined);
      return close.count();
    })
    .toBe(0);
}

async function overlappingNodes(page: Page): Promise<string[]> {
  const boxes = await page.locator('.react-flow__node').evaluateAll((els) =>
    els.map((el) => ({
      id: el.getAttribute('data-id') ?? '',
      ...(el.getBoundingClientRect().toJSON() as { left: number; right: number; top: number; bottom: number }),
    })),
  );
  const out: string[] = [];
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1))
      if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) out.push(`${a.id}×${b.id}`);
  }
  return out;
}

describe('editor in the browser', () => {
  it('builds, lints and publishes a refund reply that the runtime then sends', async () => {
    const { page, errors } = await newPage();
    // The one-time sign-in link: the token is taken and removed from the address bar.
    await page.goto(`${suite.server.baseUrl}/#token=${suite.server.token}`);
    await page.getByTestId('me').waitFor();
    expect(page.url()).not.toContain('token=');
    expect(await page.evaluate('localStorage.getItem("replyflow.token")')).toBe(suite.server.token);

    await page.getByLabel('新流程名称').fill('退款自动回复');
    await page.getByTestId('new-flow').click();
    await page.getByTestId('node-trigger').waitFor();

    // Keyword group node, dragged from the palette; the group is made and filled in its panel.
    await page
      .getByTestId('palette-keywordGroup')
      .dragTo(page.getByTestId('canvas'), { targetPosition: { x: 420, y: 120 } });
    await page.getByTestId('node-keywordGroup').waitFor();
    await page.getByLabel('新关键词组名称，例如 退款').first().fill('退款');
    await page.getByRole('button', { name: '新建关键词组' }).click();
    const chips = page.getByTestId('group-editor').getByRole('textbox', { name: '关键词' });
    await chips.fill('退款 退货 退钱');
    await chips.press('Enter');
    await expect
      .poll(() => page.getByTestId('keyword-chips').getByRole('listitem').allTextContents())
      .toEqual(['退款×', '退货×', '退钱×'].map((s) => expect.stringContaining(s.slice(0, 2))));
    // The example workspace has its own 退款 group: the duplicates are pointed out.
    await page.getByTestId('keyword-duplicates').waitFor();
    await page.getByRole('button', { name: '发布关键词组' }).click();
    await page.getByText('已发布为 v1').first().waitFor();
    // Nothing left to publish until the group changes.
    await expect.poll(() => page.getByTestId('publish-group').isDisabled()).toBe(true);

    // Reply node, dragged in, with the reply text.
    await page.getByTestId('palette-reply').dragTo(page.getByTestId('canvas'), { targetPosition: { x: 760, y: 300 } });
    const replyBox = page.getByTestId('reply-text');
    await replyBox.fill(REPLY);

    const triggerId = await page.getByTestId('node-trigger').getAttribute('data-node-id');
    const groupId = await page.getByTestId('node-keywordGroup').getAttribute('data-node-id');
    const replyId = await page.getByTestId('node-reply').getAttribute('data-node-id');
    await drawEdge(
      page,
      `.react-flow__node[data-id="${triggerId}"] .react-flow__handle.source`,
      `.react-flow__node[data-id="${groupId}"] .react-flow__handle.target`,
    );
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(1);
    await drawEdge(
      page,
      `.react-flow__node[data-id="${groupId}"] .react-flow__handle.handle-match`,
      `.react-flow__node[data-id="${replyId}"] .react-flow__handle.target`,
    );
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(2);
    // Nothing may feed a trigger: that drag is refused.
    await drawEdge(
      page,
      `.react-flow__node[data-id="${replyId}"] .react-flow__handle.source`,
      `.react-flow__node[data-id="${triggerId}"]`,
    );
    expect(await page.locator('.react-flow__edge').count()).toBe(2);

    // An edge from 未命中 dropped on empty canvas offers the kinds, named after where it starts,
    // and makes the picked node there, connected; one undo takes both back.
    const elseHandle = await page
      .locator(`.react-flow__node[data-id="${groupId}"] .react-flow__handle.handle-else`)
      .boundingBox();
    if (!elseHandle) throw new Error('else handle not visible');
    await page.mouse.move(elseHandle.x + elseHandle.width / 2, elseHandle.y + elseHandle.height / 2);
    await page.mouse.down();
    await page.mouse.move(elseHandle.x + 260, elseHandle.y + 220, { steps: 12 });
    await page.mouse.up();
    const menu = page.getByTestId('connect-menu');
    await menu.waitFor();
    expect(await menu.getAttribute('aria-label')).toBe('从 关键词组「退款」 · 未命中 连到新的…');
    await menu.getByRole('menuitem', { name: '转人工' }).click();
    await page.getByTestId('node-handoff').waitFor();
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(3);
    expect(await overlappingNodes(page)).toEqual([]);
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('node-handoff').count()).toBe(0);
    expect(await page.locator('.react-flow__edge').count()).toBe(2);
    // Every node header draws its icon as SVG: nothing waits on an emoji font.
    expect(await page.locator('.rf-node-head svg').count()).toBe(await page.locator('.rf-node').count());

    // Live lint: a taobao link is flagged and highlighted as it is typed, and clears when removed.
    await page.locator(`.react-flow__node[data-id="${replyId}"]`).click();
    await replyBox.fill(`${REPLY} https://item.taobao.com/item.htm?id=1`);
    await page.locator('[data-testid="lint-result"][data-verdict="block"]').waitFor();
    expect(await page.getByTestId('lint-preview').locator('mark').first().textContent()).toContain('taobao.com');
    expect(await page.getByTestId('lint-result').textContent()).toContain('taobao.com');
    await page.screenshot({ path: artifact('e2e-refund-lint.png') });
    await replyBox.fill(REPLY);
    await page.locator('[data-testid="lint-result"][data-verdict="allow"]').waitFor();
    expect(await page.getByTestId('lint-preview').count()).toBe(0);

    // Cost on the canvas: one message of the 3 allowed.
    expect(
      await page.locator(`.react-flow__node[data-id="${replyId}"] [data-testid="cost-badge"]`).textContent(),
    ).toContain('累计 1 条');

    // The toolbar keeps its place whatever the status says: 保存/发布 never jump.
    const publishAt = await page.getByTestId('publish-flow').boundingBox();
    const toolbarHeight = (await page.getByRole('toolbar', { name: '流程工具栏' }).boundingBox())?.height;
    await page.keyboard.press('Control+s');
    await page.getByTestId('save-status').getByText('已保存').waitFor();
    expect(await page.getByTestId('publish-flow').boundingBox()).toEqual(publishAt);
    expect((await page.getByRole('toolbar', { name: '流程工具栏' }).boundingBox())?.height).toBe(toolbarHeight);
    await page.getByRole('button', { name: '自动排列' }).click();
    // Publishing saves the moved layout first, and says so once: one notice, not 已保存 ×2 + 已发布.
    await closeNotices(page);
    await page.getByTestId('publish-flow').click();
    await page.getByLabel('发布说明').fill('新增退款自动回复');
    await page.getByTestId('publish-confirm').click();
    await page.getByText('已发布为 v1').last().waitFor();
    await page.waitForTimeout(400);
    expect(await page.locator('.notices [role="status"]').allTextContents()).toEqual(['已发布为 v1']);
    // The minimap and zoom controls sit below the canvas, never over a node.
    const canvasBox = await page.getByTestId('canvas').boundingBox();
    const navBox = await page.getByTestId('canvas-nav').boundingBox();
    expect(navBox && canvasBox && navBox.y >= canvasBox.y + canvasBox.height - 1).toBe(true);
    await page.screenshot({ path: artifact('e2e-refund-canvas.png') });

    const inbound = await api<{
      replies: { reply: { type: string; content?: string }; verdict: string }[];
      matches: { group: string }[];
    }>('POST', '/inbound', {
      account: 'default',
      message: { msgId: 'e2e-refund-1', from: 'oE2E_XIAOMING', type: 'text', content: '我要退钱' },
      user: { nickname: '小明' },
    });
    expect(inbound.status).toBe(200);
    const contents = inbound.json.replies.filter((r) => r.verdict !== 'block').map((r) => r.reply.content);
    expect(contents).toContain('小明，退款请在订单页申请，如果还有其他问题，可以继续问我哦');
    expect(errors).toEqual([]);
  }, 90_000);

  it('shows the conflict dialog to the second of two sessions saving one flow', async () => {
    const expected409 = [/status of 409/];
    const a = await newPage(expected409);
    const b = await newPage(expected409);
    await a.page.goto(`${suite.server.baseUrl}/#token=${suite.server.token}`);
    // Session B signs in with the form.
    await b.page.goto(suite.server.baseUrl);
    await b.page.getByTestId('token-input').fill(suite.server.token);
    await b.page.getByRole('button', { name: '登录' }).click();
    for (const { page } of [a, b]) {
      await page.getByTestId('me').waitFor();
      await page.getByRole('navigation', { name: '流程' }).getByRole('button', { name: '收到消息回复' }).click();
      await expect.poll(() => page.getByLabel('流程名称', { exact: true }).inputValue()).toBe('收到消息回复');
    }
    await a.page.getByLabel('流程名称', { exact: true }).fill('收到消息回复（A 改）');
    await a.page.getByTestId('save-flow').click();
    await a.page.getByTestId('save-status').getByText('已保存').waitFor();

    await b.page.getByLabel('说明', { exact: true }).fill('B 的说明');
    await b.page.getByTestId('save-flow').click();
    const dialog = b.page.getByTestId('conflict-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('你的修改还在');
    await b.page.screenshot({ path: artifact('e2e-conflict-dialog.png') });
    // B's edit is still on screen: nothing was lost.
    await b.page.getByTestId('conflict-mine').click();
    expect(await b.page.getByLabel('说明', { exact: true }).inputValue()).toBe('B 的说明');
    await b.page.getByTestId('save-flow').click();
    await b.page.getByTestId('save-status').getByText('已保存').waitFor();
    const saved = await api<{ description?: string; revision: number }>('GET', '/flows/fallback?account=default');
    expect(saved.json).toMatchObject({ description: 'B 的说明', revision: 3 });
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
  }, 90_000);

  it('covers the other views: shortcuts, history, keyword table, policy and English', async () => {
    const { page, errors } = await newPage();
    await page.goto(`${suite.server.baseUrl}/#token=${suite.server.token}`);
    await page.getByTestId('me').waitFor();
    await page.getByRole('navigation', { name: '流程' }).getByRole('button', { name: '电商常见问题' }).click();
    await expect.poll(() => page.getByLabel('流程名称', { exact: true }).inputValue()).toBe('电商常见问题');
    const nodes = page.locator('.react-flow__node');
    const before = await nodes.count();

    // Copy/paste, undo/redo and Delete (which asks first) on the canvas.
    // The first fit of the viewport can move the node between Playwright's stability check and the
    // click on a busy machine; click until the node is really selected (re-clicking keeps it selected).
    const reply = page
      .locator('.react-flow__node')
      .filter({ has: page.getByTestId('node-reply') })
      .first();
    await expect
      .poll(async () => {
        await reply.click();
        return reply.evaluate((el) => el.classList.contains('selected'));
      })
      .toBe(true);
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await expect.poll(() => nodes.count()).toBe(before + 1);
    await page.keyboard.press('Control+z');
    await expect.poll(() => nodes.count()).toBe(before);
    await page.keyboard.press('Control+y');
    await expect.poll(() => nodes.count()).toBe(before + 1);
    await page.keyboard.press('Delete');
    await page.getByTestId('confirm-dialog').getByRole('button', { name: '确定删除' }).click();
    await expect.poll(() => nodes.count()).toBe(before);

    // A problem in the list selects its node: an unconnected reply is unreachable.
    await page.getByTestId('palette-reply').click();
    const problem = page.getByTestId('problems').getByRole('button', { name: /永远不会运行/ });
    await problem.waitFor();
    // Named by its label, placed where no other node is.
    expect(await problem.textContent()).toContain('回复消息「您好，{{nickname}}」：');
    expect(await overlappingNodes(page)).toEqual([]);
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await problem.click();
    await expect.poll(() => page.locator('.react-flow__node.selected').count()).toBe(1);
    expect(await page.getByTestId('publish-flow').isDisabled()).toBe(true);
    await page.keyboard.press('Control+z');

    // Version history: what changed since v1 in words, never coordinates; rollback in view and confirmed first.
    await page.getByRole('button', { name: '历史版本' }).click();
    await page.getByTestId('history-dialog').getByRole('button', { name: /^v1/ }).click();
    await page.getByTestId('version-diff').locator('li').first().waitFor();
    expect(await page.getByTestId('version-diff').textContent()).not.toMatch(/position|"x"|"y"/);
    const rollback = page.getByTestId('history-dialog').getByRole('button', { name: '回滚到 v1' });
    const box = await rollback.boundingBox();
    const viewport = page.viewportSize();
    expect(
      box && viewport && box.x >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height,
    ).toBe(true);
    await rollback.click();
    await page
      .getByTestId('confirm-dialog')
      .getByText(/回滚到 v1 会生成新版本 v\d+，线上立即生效/)
      .waitFor();
    await page.screenshot({ path: artifact('e2e-history-rollback.png') });
    await page.getByTestId('confirm-dialog').getByRole('button', { name: '取消' }).click();
    await page.getByTestId('history-dialog').getByRole('button', { name: '关闭' }).click();

    // Keyword groups as a table: filter, sort, duplicates.
    await page.getByTestId('tab-groups').click();
    const rows = page.getByTestId('groups-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(2);
    await page.getByLabel('按名称或关键词筛选').fill('快递');
    await expect.poll(() => rows.count()).toBe(1);
    await page.getByLabel('按名称或关键词筛选').fill('');
    const countHeader = page.getByTestId('groups-table').getByRole('columnheader', { name: /关键词/ });
    await countHeader.getByRole('button').click();
    await countHeader.getByRole('button').click();
    expect(await countHeader.getAttribute('aria-sort')).toBe('descending');
    // Sorted by keyword count, most first: the example 物流 group (9) leads.
    expect(await rows.first().locator('td').nth(1).textContent()).toContain('物流');
    await rows.first().click();
    await page.getByTestId('group-editor').waitFor();
    await page.screenshot({ path: artifact('e2e-keyword-table.png') });

    // The compliance policy.
    await page.getByTestId('tab-policy').click();
    await page.getByTestId('policy-view').waitFor();
    expect(await page.getByLabel('每次互动最多回复条数').inputValue()).toBe('3');
    // 2880 minutes read as 48 小时.
    expect(await page.getByLabel('用户发消息 有效时长', { exact: true }).inputValue()).toBe('48');
    expect(await page.getByLabel('用户发消息 有效时长 单位').inputValue()).toBe('h');
    await page.screenshot({ path: artifact('e2e-policy.png'), fullPage: true });

    // English.
    await page.getByLabel('界面语言').selectOption('en');
    await page.getByRole('tab', { name: 'Reply flows' }).click();
    await page.getByRole('button', { name: 'Auto layout' }).waitFor();
    expect(errors).toEqual([]);
  }, 90_000);
});

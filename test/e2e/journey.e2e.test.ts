/**
 * The whole journey of issue 10 in Chromium against the real server, as a Chinese operator
 * walks it: a 发票 keyword group, a flow answering it, the live lint catching a link, the
 * workspace publish gate and publish, the sandbox on drafts and on what is live, a rule pack
 * changing the lint, then a second publish and a rollback, every version indicator following.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifact } from './helpers/browser.js';
import { browserSuite } from './helpers/browser-suite.js';

const suite = browserSuite('journey');
const { newPage, api } = suite;

const FLOW = '发票自动回复';
const REPLY = '{{nickname}}您好，电子发票会在发货后发到您的邮箱。';
const REPLY_V2 = '{{nickname}}您好，电子发票会在发货后 24 小时内发到您的邮箱。';
const LINK = 'www.taobao.com/xxx';
const WITH_LINK = `${REPLY}详情见 ${LINK}`;
/** How the canvas names the reply node while it starts with REPLY (16 characters, then …). */
const REPLY_LABEL = '回复消息「{{nickname}}您好，电…」';
const BEAUTY_CLAIM = '这款精华瞬间美白';

/** Drags a handle onto another with the mouse, as an operator draws an edge. */
async function drawEdge(page: Page, from: string, to: { x: number; y: number } | string): Promise<void> {
  const a = await page.locator(from).boundingBox();
  const b = typeof to === 'string' ? await page.locator(to).boundingBox() : { ...to, width: 0, height: 0 };
  if (!a || !b) throw new Error(`handle not visible: ${a ? String(to) : from}`);
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}

const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const lintVerdict = (page: Page) => page.getByTestId('lint-result').getAttribute('data-verdict');
const marker = (page: Page) => page.getByTestId('workspace-version').textContent();
const flowListEntry = (page: Page) => page.getByRole('navigation', { name: '流程' }).locator('li', { hasText: FLOW });
const liveVersion = async () =>
  (await api<{ workspaceVersion: number }>('GET', '/workspace/status?account=default')).json.workspaceVersion;
const LINT = { timeout: 30_000 };

/** Selects the reply node and types `text` into its reply box, as an operator edits it. */
async function typeReply(page: Page, replyId: string, text: string): Promise<void> {
  // On a loaded machine the canvas may still be placing a new node when it is clicked (CI saw the
  // click miss once): click until the reply panel is open.
  await expect
    .poll(
      async () => {
        await node(page, replyId).click();
        return page.getByTestId('reply-text').isVisible();
      },
      { timeout: 30_000, interval: 1000 },
    )
    .toBe(true);
  await page.getByTestId('reply-text').fill(text);
}

describe('the whole journey in the browser', () => {
  it('group → flow → lint → publish gate → sandbox on drafts and live → pack → history → rollback', async () => {
    const { page, errors } = await newPage();
    await page.goto(`${suite.server.baseUrl}/#token=${suite.server.token}`);
    await page.getByTestId('me').waitFor();
    const seeded = await liveVersion();
    await expect.poll(() => marker(page)).toBe(`线上版本 v${seeded}`);

    // 1. The 发票 group, made and saved in the keyword-groups view (not published yet).
    await page.getByTestId('tab-groups').click();
    await page.getByLabel('新关键词组名称，例如 退款').fill('发票');
    await page.getByRole('button', { name: '新建关键词组' }).click();
    const groupEditor = page.getByTestId('group-editor');
    const chips = groupEditor.getByRole('textbox', { name: '关键词', exact: true });
    await chips.fill('发票 开票 开发票');
    await chips.press('Enter');
    await expect
      .poll(() => page.getByTestId('keyword-chips').getByRole('listitem').allTextContents())
      .toEqual([expect.stringContaining('发票'), expect.stringContaining('开票'), expect.stringContaining('开发票')]);
    await groupEditor.getByRole('button', { name: '保存关键词组' }).click();
    await expect.poll(() => groupEditor.textContent()).toContain('已保存 · 未发布');
    const groupRow = page.getByTestId('groups-table').locator('tbody tr', { hasText: '开发票' });
    expect(await groupRow.locator('td').nth(1).textContent()).toBe('发票 ');
    expect(await groupRow.locator('td').last().textContent()).toBe('未发布');
    await page.screenshot({ path: artifact('e2e-journey-1-group.png') });

    // 2. A new flow: trigger → keyword node on 发票 → reply, drawn with the editor's own tools.
    await page.getByTestId('tab-flows').click();
    await page.getByLabel('新流程名称').fill(FLOW);
    await page.getByTestId('new-flow').click();
    await page.getByTestId('node-trigger').waitFor();
    await page
      .getByTestId('palette-keywordGroup')
      .dragTo(page.getByTestId('canvas'), { targetPosition: { x: 420, y: 140 } });
    await page.getByTestId('node-keywordGroup').waitFor();
    await page.getByLabel('使用哪个关键词组').selectOption({ label: '发票' });
    await expect.poll(() => page.getByTestId('node-keywordGroup').textContent()).toContain('发票');
    const triggerId = await page.getByTestId('node-trigger').getAttribute('data-node-id');
    const groupId = await page.getByTestId('node-keywordGroup').getAttribute('data-node-id');
    if (!triggerId || !groupId) throw new Error('nodes without ids');
    await drawEdge(
      page,
      `.react-flow__node[data-id="${triggerId}"] .react-flow__handle.source`,
      `.react-flow__node[data-id="${groupId}"] .react-flow__handle.target`,
    );
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(1);
    // 命中 dropped on empty canvas: the connect menu makes the reply there, already connected.
    const matchHandle = await page
      .locator(`.react-flow__node[data-id="${groupId}"] .react-flow__handle.handle-match`)
      .boundingBox();
    if (!matchHandle) throw new Error('match handle not visible');
    await drawEdge(page, `.react-flow__node[data-id="${groupId}"] .react-flow__handle.handle-match`, {
      x: matchHandle.x + 280,
      y: matchHandle.y + 60,
    });
    const menu = page.getByTestId('connect-menu');
    await menu.waitFor();
    expect(await menu.getAttribute('aria-label')).toBe('从 关键词组「发票」 · 命中 连到新的…');
    await menu.getByRole('menuitem', { name: '回复消息' }).click();
    await page.getByTestId('node-reply').waitFor();
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(2);
    const replyId = await page.getByTestId('node-reply').getAttribute('data-node-id');
    if (!replyId) throw new Error('reply node without id');
    await typeReply(page, replyId, REPLY);
    await expect.poll(() => lintVerdict(page), LINT).toBe('allow');
    await expect.poll(() => page.getByTestId('problems').textContent()).toContain('没有发现问题。');

    // 3. A link typed in: the live lint blocks it with the link marked, the node is badged and
    //    the problems list names it by its label; the text fixed, every mark goes away.
    await page.getByTestId('reply-text').fill(WITH_LINK);
    await expect.poll(() => lintVerdict(page), LINT).toBe('block');
    const linkReason = page.getByTestId('lint-result').locator('[data-code="EXTERNAL_LINK"]');
    expect(await linkReason.getAttribute('class')).toContain('reason-block');
    expect(await page.getByTestId('lint-preview').locator('mark').allTextContents()).toEqual([LINK]);
    const badge = node(page, replyId).getByTestId('blocked-badge');
    await expect.poll(() => badge.textContent(), LINT).toBe(' 发出会被拦截');
    const problem = page.getByTestId('problems').getByRole('button', { name: /EXTERNAL_LINK/ });
    expect(await problem.locator('.problem-node').textContent()).toBe(`${REPLY_LABEL}：`);
    expect(await problem.textContent()).toContain('发出时会被拦截：');
    expect(await page.getByTestId('problems').textContent()).toContain('1 个节点会被拦截');
    await page.screenshot({ path: artifact('e2e-journey-3-lint-blocked.png') });
    await page.getByTestId('reply-text').fill(REPLY);
    await expect.poll(() => lintVerdict(page), LINT).toBe('allow');
    expect(await page.getByTestId('lint-preview').count()).toBe(0);
    await expect.poll(() => badge.count(), LINT).toBe(0);

    // 4. The workspace publish gate lists a blocked reply and one click selects its node;
    //    fixed, the flow and the 发票 group go live together as one workspace version.
    await page.getByTestId('reply-text').fill(WITH_LINK);
    await expect.poll(() => badge.count(), LINT).toBe(1);
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await expect.poll(() => page.locator('.react-flow__node.selected').count()).toBe(0);
    await page.getByTestId('workspace-publish').click();
    const dialog = page.getByTestId('workspace-publish-dialog');
    const gateEntry = dialog.getByTestId('content-gate').getByRole('button', { name: /EXTERNAL_LINK/ });
    await gateEntry.waitFor({ timeout: 30_000 });
    expect(await gateEntry.locator('strong').textContent()).toBe(REPLY_LABEL);
    expect(await dialog.getByTestId('workspace-publish-confirm').count()).toBe(0);
    await page.screenshot({ path: artifact('e2e-journey-4-publish-gate.png') });
    await gateEntry.click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => page.locator('.react-flow__node.selected').getAttribute('data-id')).toBe(replyId);
    await page.getByTestId('reply-text').fill(REPLY);
    await expect.poll(() => lintVerdict(page), LINT).toBe('allow');
    await expect.poll(() => badge.count(), LINT).toBe(0);

    await page.getByTestId('workspace-publish').click();
    const added = dialog.getByTestId('workspace-added');
    await added.waitFor({ timeout: 30_000 });
    expect(await added.locator('li').allTextContents()).toEqual(
      expect.arrayContaining([`流程 ${FLOW}`, '关键词组 发票']),
    );
    expect(await dialog.textContent()).toContain(`线上版本 v${seeded} → v${seeded + 1}`);
    expect(await dialog.getByTestId('content-gate').count()).toBe(0);
    await page.screenshot({ path: artifact('e2e-journey-4-publish-summary.png') });
    await dialog.getByTestId('workspace-publish-confirm').click();
    await expect.poll(() => dialog.count(), LINT).toBe(0);
    await page.getByText(`已发布：线上版本 v${seeded + 1}（2 项）`).waitFor();
    await expect.poll(() => marker(page)).toBe(`线上版本 v${seeded + 1}`);
    await expect.poll(() => flowListEntry(page).textContent()).toBe(`${FLOW} v1`);
    expect(await page.getByTestId('publish-status').textContent()).toBe('已发布 v1');
    expect(await page.getByTestId('save-status').textContent()).toBe('已保存');

    // 5. The sandbox on the drafts: 发票 from 小明, then the agent near and at the 48 h limit.
    await page.getByTestId('toggle-sandbox').click();
    const panel = page.getByTestId('sandbox-panel');
    await panel.waitFor();
    expect(await panel.getByTestId('sandbox-source-drafts').getAttribute('aria-checked')).toBe('true');
    await panel.getByLabel('u1 的昵称').fill('小明');
    await panel.getByTestId('compose-text').fill('发票');
    await panel.getByTestId('compose-send').click();
    const firstStep = panel.getByTestId('step-card').first();
    const bubble = firstStep.getByTestId('reply-bubble');
    await bubble.waitFor({ timeout: 30_000 });
    expect(await bubble.textContent()).toContain('小明您好，电子发票会在发货后发到您的邮箱。');
    expect(await bubble.getAttribute('data-verdict')).toBe('allow');
    expect(await firstStep.textContent()).toContain('命中关键词组「发票」');
    expect(await panel.getByTestId('reply-bubble').count()).toBe(1);

    const clock = panel.getByTestId('clock-bar');
    await clock.getByTestId('clock-amount').fill('47h59m');
    await clock.getByTestId('clock-amount').press('Enter');
    await expect.poll(() => clock.getByTestId('countdown-clock').textContent()).toBe('00:01:00');
    expect(await clock.getByTestId('window-countdown').getAttribute('data-state')).toBe('closing');
    // The platform leaves 4 of 5, the etiquette 2 of 3 (the auto reply used one): the smaller.
    expect(await clock.getByTestId('quota-left').textContent()).toBe('还可发 2 条');
    await panel.getByTestId('compose-kind').selectOption('reply');
    await panel.getByTestId('compose-reply').fill('小明，发票开好后会第一时间发到邮箱。');
    await panel.getByTestId('compose-send').click();
    const replySteps = panel.locator('[data-testid="step-card"][data-kind="reply"]');
    const closing = replySteps.nth(0);
    await closing.locator('[data-code="WINDOW_CLOSING"]').waitFor();
    expect(await closing.getByTestId('reply-bubble').getAttribute('data-verdict')).toBe('warn');
    expect(await closing.getByTestId('clock-marker').textContent()).toContain('47 小时 59 分');

    // One more minute: 48 h since 小明's message, the window has run out.
    await clock.getByTestId('clock-amount').fill('1m');
    await clock.getByTestId('clock-amount').press('Enter');
    await panel.getByTestId('compose-reply').fill('小明，还有其他问题吗？');
    await panel.getByTestId('compose-send').click();
    const expired = replySteps.nth(1);
    await expired.locator('[data-code="WINDOW_EXPIRED"]').waitFor();
    expect(await expired.getByTestId('reply-bubble').getAttribute('data-verdict')).toBe('block');
    expect(await expired.getByTestId('reply-bubble').getAttribute('data-committed')).toBe('false');
    await expect.poll(() => clock.getByTestId('window-countdown').getAttribute('data-state')).toBe('expired');
    await page.screenshot({ path: artifact('e2e-journey-5-sandbox-drafts.png') });

    // The same chat on what is live (just published, so the same answers), then side by side.
    const live = panel.getByTestId('sandbox-source-live');
    await expect.poll(() => live.textContent()).toBe(`线上版本（v${seeded + 1}）`);
    await live.click();
    await panel.getByTestId('sandbox-live-hint').waitFor();
    await expect.poll(() => live.getAttribute('aria-checked')).toBe('true');
    await expect
      .poll(() => panel.getByTestId('reply-bubble').first().textContent(), LINT)
      .toContain('小明您好，电子发票会在发货后发到您的邮箱。');
    await replySteps.nth(1).locator('[data-code="WINDOW_EXPIRED"]').waitFor();
    await panel.getByTestId('sandbox-source-compare').click();
    await expect
      .poll(() => panel.getByTestId('compare-summary').textContent(), LINT)
      .toBe('两边结果一致：发布不会改变这些步骤');
    expect(await panel.getByTestId('compare-live-title').textContent()).toBe(`线上版本 v${seeded + 1}`);
    expect(await panel.locator('[data-testid="compare-row"][data-differs="true"]').count()).toBe(0);
    await page.screenshot({ path: artifact('e2e-journey-5-sandbox-compare.png') });
    await panel.getByTestId('sandbox-source-drafts').click();
    await page.getByTestId('toggle-sandbox').click();
    await expect.poll(() => panel.count()).toBe(0);

    // 6. 美妆 installed from the packs view changes the canvas lint of a reply nobody retyped.
    await typeReply(page, replyId, BEAUTY_CLAIM);
    await expect.poll(() => lintVerdict(page), LINT).toBe('allow');
    await page.getByTestId('tab-packs').click();
    const beauty = page.locator('[data-testid="pack-card"][data-pack-id="beauty"]');
    await beauty.waitFor();
    expect(await beauty.getByTestId('pack-state').textContent()).toBe('未安装');
    await beauty.getByRole('button', { name: '安装' }).click();
    await expect.poll(() => beauty.getAttribute('data-state'), { timeout: 60_000 }).toBe('enabled');
    expect(await beauty.getByTestId('pack-state').textContent()).toBe('已安装 v1.0.0 · 已启用');
    await page.getByTestId('tab-flows').click();
    await node(page, replyId).click();
    expect(await page.getByTestId('reply-text').inputValue()).toBe(BEAUTY_CLAIM);
    await expect.poll(() => lintVerdict(page), LINT).toBe('block');
    const packCodes = await page
      .locator('[data-testid="lint-result"] [data-code^="pack:beauty/"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
    expect(packCodes.length).toBeGreaterThan(0);
    await expect.poll(() => node(page, replyId).getByTestId('blocked-badge').count(), LINT).toBe(1);
    await page.screenshot({ path: artifact('e2e-journey-6-pack-lint.png') });
    await page.getByTestId('tab-packs').click();
    await beauty.getByRole('button', { name: '卸载' }).click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: '确定删除' }).click();
    await expect.poll(() => beauty.getAttribute('data-state'), LINT).toBe('absent');

    // 7. The reply reworded and published as v2; the history says what changed in words, and
    //    the rollback to v1 (confirmed first) moves every indicator to the new version.
    await page.getByTestId('tab-flows').click();
    await typeReply(page, replyId, REPLY_V2);
    await expect.poll(() => lintVerdict(page), LINT).toBe('allow');
    await page.getByTestId('publish-flow').click();
    await page.getByLabel('发布说明').fill('写明发票多久发到邮箱');
    await page.getByTestId('publish-confirm').click();
    await page.getByText('已发布为 v2').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('publish-status').textContent()).toBe('已发布 v2');
    await expect.poll(() => flowListEntry(page).textContent()).toBe(`${FLOW} v2`);
    const afterV2 = await liveVersion();
    await expect.poll(() => marker(page)).toBe(`线上版本 v${afterV2}`);

    await page.getByRole('button', { name: '历史版本' }).click();
    const history = page.getByTestId('history-dialog');
    await history.getByRole('button', { name: /^v1 ·/ }).click();
    const diff = history.getByTestId('version-diff');
    await diff.locator('li').first().waitFor();
    const diffText = (await diff.textContent()) ?? '';
    expect(diffText).toContain('的第 1 条回复');
    expect(await diff.locator('ins').allTextContents()).toEqual([expect.stringContaining('24 小时内')]);
    expect(diffText).toContain(`原：${REPLY}`);
    expect(diffText).not.toMatch(/position|"x"|"y"|\bx:|\by:/);
    await page.screenshot({ path: artifact('e2e-journey-7-history.png') });
    await history.getByRole('button', { name: '回滚到 v1' }).click();
    const confirm = page.getByTestId('confirm-dialog');
    expect(await confirm.textContent()).toContain('回滚到 v1 会生成新版本 v3，线上立即生效。');
    await confirm.getByRole('button', { name: '确定回滚' }).click();
    await page.getByText('已回滚到 v1（新版本 v3）').waitFor({ timeout: 30_000 });
    await expect.poll(() => history.count()).toBe(0);
    await expect.poll(() => page.getByTestId('publish-status').textContent()).toBe('已发布 v3');
    await expect.poll(() => flowListEntry(page).textContent()).toBe(`${FLOW} v3`);
    const afterRollback = await liveVersion();
    expect(afterRollback).toBeGreaterThan(afterV2);
    await expect.poll(() => marker(page)).toBe(`线上版本 v${afterRollback}`);
    await node(page, replyId).click();
    expect(await page.getByTestId('reply-text').inputValue()).toBe(REPLY);
    expect(await page.getByTestId('save-status').textContent()).toBe('已保存');
    await page.screenshot({ path: artifact('e2e-journey-7-rolled-back.png') });

    // What is live answers 发票 with v1's words again.
    const inbound = await api<{ replies: { reply: { content?: string }; verdict: string }[] }>('POST', '/inbound', {
      account: 'default',
      message: { msgId: 'e2e-journey-1', from: 'oE2E_JOURNEY', type: 'text', content: '发票' },
      user: { nickname: '小红' },
    });
    expect(inbound.json.replies.map((r) => [r.reply.content, r.verdict])).toEqual([
      ['小红您好，电子发票会在发货后发到您的邮箱。', 'allow'],
    ]);
    expect(errors).toEqual([]);
  }, 120_000);
});

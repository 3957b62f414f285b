/**
 * The sandbox panel in Chromium against the real server: an operator plays a refund
 * conversation on the virtual clock, sees the path light up on the canvas and the
 * WINDOW_CLOSING warning at 47 h 50 min, saves it as a scenario and runs it from the library.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifact } from './helpers/browser.js';
import { browserSuite } from './helpers/browser-suite.js';

const suite = browserSuite('sandbox');
const { newPage, api } = suite;

const litNode = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"] .rf-node.lit`);

describe('sandbox panel in the browser', () => {
  it('plays a refund chat on the virtual clock, lights the path, warns at 47 h 50 min, saves and reruns the scenario', async () => {
    const { page, errors } = await newPage();
    await page.goto(`${suite.server.baseUrl}/#token=${suite.server.token}`);
    await page.getByTestId('me').waitFor();
    await page.getByRole('navigation', { name: '流程' }).getByRole('button', { name: '电商常见问题' }).click();
    await expect.poll(() => page.getByLabel('流程名称', { exact: true }).inputValue()).toBe('电商常见问题');

    await page.getByTestId('toggle-sandbox').click();
    const panel = page.getByTestId('sandbox-panel');
    await panel.waitFor();
    await panel.getByLabel('u1 的昵称').fill('小明');
    await panel.getByTestId('compose-text').fill('退钱');
    await panel.getByTestId('compose-send').click();

    // The refund reply, with the nickname filled in, allowed and sent.
    const firstStep = panel.getByTestId('step-card').first();
    const bubble = firstStep.getByTestId('reply-bubble');
    await bubble.waitFor();
    expect(await bubble.textContent()).toContain('小明，退款请在「我的订单」里');
    expect(await bubble.getAttribute('data-verdict')).toBe('allow');
    expect(await firstStep.textContent()).toContain('命中关键词组「退款」');

    // The path that fired, lit on the canvas: nodes and the edges between them.
    for (const id of ['trigger', 'kg-refund', 'reply-refund'])
      await expect.poll(() => litNode(page, id).count()).toBe(1);
    expect(await litNode(page, 'reply-logistics').count()).toBe(0);
    // Groups that were tried and missed are told apart from the path that fired.
    expect(await page.locator('.react-flow__node[data-id="kg-logistics"] .rf-node.lit-tried').count()).toBe(1);
    await expect.poll(() => page.locator('.react-flow__edge.lit').count()).toBe(2);

    // 47 小时 50 分, typed in one go: the window is closing, 10 minutes left on the countdown.
    const clock = panel.getByTestId('clock-bar');
    await expect
      .poll(() => clock.getByTestId('virtual-now').textContent())
      .toMatch(/^\d{1,2}月\d{1,2}日 周[一二三四五六日] 09:00$/);
    await clock.getByTestId('clock-amount').fill('47小时50分');
    await clock.getByTestId('clock-amount').press('Enter');
    await expect.poll(() => clock.getByTestId('countdown-clock').textContent()).toBe('00:10:00');
    expect(await clock.getByTestId('window-countdown').getAttribute('data-state')).toBe('closing');
    expect(await clock.getByTestId('virtual-now').textContent()).toMatch(
      /^\d{1,2}月\d{1,2}日 周[一二三四五六日] 08:50$/,
    );
    // One number: the platform left 4 of 5, the etiquette 2 of 3 (the auto reply used one).
    expect(await clock.getByTestId('quota-left').textContent()).toBe('还可发 2 条');

    // The agent's reply: WINDOW_CLOSING with its plain-Chinese explanation.
    await panel.getByTestId('compose-kind').selectOption('reply');
    await panel.getByTestId('compose-reply').fill('您好，还有什么可以帮您？');
    await panel.getByTestId('compose-send').click();
    const replyStep = panel.locator('[data-testid="step-card"][data-kind="reply"]');
    const warning = replyStep.locator('[data-code="WINDOW_CLOSING"]');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('窗口即将关闭');
    expect(await replyStep.getByTestId('reply-bubble').getAttribute('data-verdict')).toBe('warn');
    expect(await replyStep.getByTestId('clock-marker').textContent()).toContain('47 小时 50 分');

    // Expect what happened, on both steps; the re-run passes them.
    for (const card of await panel.getByTestId('step-card').all()) await card.getByTestId('expect-actual').click();
    await expect.poll(() => panel.locator('[data-testid="expect-outcome"][data-passed="true"]').count()).toBe(2);
    expect(await replyStep.getByLabel('原因代码（都要出现）').inputValue()).toBe('WINDOW_CLOSING');
    await page.waitForTimeout(300);
    await page.screenshot({ path: artifact('e2e-sandbox.png') });

    // Save as a scenario, then run it from the library.
    await panel.getByTestId('save-scenario').click();
    await page.getByTestId('save-scenario-dialog').getByLabel('场景名称').fill('退钱后 47 小时 50 分回复');
    await page.getByTestId('save-scenario-confirm').click();
    await page.getByText('已保存场景「退钱后 47 小时 50 分回复」').waitFor();
    await panel.getByTestId('sandbox-tab-library').click();
    const item = panel.getByTestId('scenario-item').filter({ hasText: '退钱后 47 小时 50 分回复' });
    await item.waitFor();
    await item.getByTestId('run-one').click();
    await expect.poll(() => item.getByTestId('scenario-badge').getAttribute('data-passed')).toBe('true');
    await panel.getByTestId('run-all').click();
    await expect.poll(() => panel.getByText('已运行 1 个，0 个未通过').count()).toBe(1);
    expect(await item.getByTestId('scenario-badge').textContent()).toContain('通过');
    await page.screenshot({ path: artifact('e2e-sandbox-library.png') });
    expect(errors).toEqual([]);
  }, 120_000);

  it('shows failing scenarios when publishing and publishes anyway with a note; runs a backtest', async () => {
    // A scenario the drafts cannot pass: 退钱 should hit a group that does not exist.
    const created = await api('POST', '/scenarios?account=default', {
      schemaVersion: 1,
      id: 'e2e-failing',
      name: '故意失败的场景',
      steps: [{ inbound: { from: 'u1', type: 'text', content: '退钱' }, expect: { group: '不存在的组' } }],
    });
    expect(created.status).toBe(201);
    // The refused publish is answered 400 on purpose; the browser logs that as an error.
    const { page, errors } = await newPage([/status of 400/]);
    await page.goto(`${suite.server.baseUrl}/#token=${suite.server.token}`);
    await page.getByTestId('me').waitFor();
    await page.getByRole('navigation', { name: '流程' }).getByRole('button', { name: '电商常见问题' }).click();
    await expect.poll(() => page.getByLabel('流程名称', { exact: true }).inputValue()).toBe('电商常见问题');

    await page.getByTestId('publish-flow').click();
    await page.getByTestId('publish-confirm').click();
    const gate = page.getByTestId('publish-gate');
    await gate.waitFor();
    expect(await gate.textContent()).toContain('故意失败的场景');
    expect(await gate.textContent()).toContain('不存在的组');
    const override = page.getByTestId('publish-override');
    expect(await override.isDisabled()).toBe(true);
    await page.getByLabel('强制发布的原因（必填）').fill('场景明天更新');
    await override.click();
    await page.getByText('已发布为 v2').waitFor();
    await page.screenshot({ path: artifact('e2e-sandbox-published.png') });

    // The library shows the failing one next to the passing one.
    await page.getByTestId('toggle-sandbox').click();
    const panel = page.getByTestId('sandbox-panel');
    await panel.getByTestId('sandbox-tab-library').click();
    await panel.getByTestId('run-all').click();
    const failing = panel.getByTestId('scenario-item').filter({ hasText: '故意失败的场景' });
    await expect.poll(() => failing.getByTestId('scenario-badge').getAttribute('data-passed')).toBe('false');
    expect(await failing.textContent()).toContain('第 1 步');

    // Backtest over the last week: the drafts equal what was just published, so nothing changes.
    await panel.getByTestId('sandbox-tab-backtest').click();
    await panel.getByTestId('backtest-run').click();
    await expect.poll(() => panel.getByTestId('backtest-summary').textContent()).toContain('0 条结果会变化');
    expect(errors).toEqual([]);
  }, 120_000);
  it('VIEW grants nothing and a lone image opens the 48 h window; chosen packs run and are saved with the scenario', async () => {
    const { page, errors } = await newPage();
    await page.goto(`${suite.server.baseUrl}/#token=${suite.server.token}`);
    await page.getByTestId('me').waitFor();
    await page.getByRole('navigation', { name: '流程' }).getByRole('button', { name: '电商常见问题' }).click();
    await page.getByTestId('toggle-sandbox').click();
    const panel = page.getByTestId('sandbox-panel');
    await panel.waitFor();

    // A rule pack from the catalog, chosen for this run only.
    const pack = panel.getByTestId('pack-picker').locator('[data-pack-id="medical-health"]');
    await pack.waitFor();
    await pack.check();
    await expect.poll(() => panel.getByTestId('pack-picker').textContent()).toContain('本次预览选了');

    // Opening a menu web page is not an interaction: still no window.
    await panel.getByTestId('compose-kind').selectOption('VIEW');
    expect(await panel.getByTestId('composer').textContent()).toContain('不算互动');
    await panel.getByTestId('compose-view-url').fill('https://mp.weixin.qq.com/s/menu');
    await panel.getByTestId('compose-send').click();
    const viewStep = panel.getByTestId('step-card').nth(0);
    await expect.poll(() => viewStep.getByTestId('window-countdown').getAttribute('data-state')).toBe('none');
    expect(await viewStep.textContent()).toContain('[菜单跳转网页 https://mp.weixin.qq.com/s/menu]');

    // A lone image is: 48 hours and 5 messages.
    await panel.getByTestId('compose-kind').selectOption('image');
    await panel.getByTestId('compose-send').click();
    const imageStep = panel.getByTestId('step-card').nth(1);
    await expect.poll(() => imageStep.getByTestId('window-countdown').getAttribute('data-state')).toBe('open');
    await expect
      .poll(() => panel.getByTestId('clock-bar').getByTestId('countdown-clock').textContent())
      .toBe('48:00:00');
    expect(await imageStep.textContent()).toContain('[图片]');
    // A preset moves the clock too.
    await panel.getByTestId('clock-h1').click();
    await expect
      .poll(() => panel.getByTestId('clock-bar').getByTestId('countdown-clock').textContent())
      .toBe('47:00:00');

    await panel.getByTestId('save-scenario').click();
    await page.getByTestId('save-scenario-dialog').getByLabel('场景名称').fill('打开网页不开窗口，发图片开启');
    await page.getByTestId('save-scenario-confirm').click();
    await page.getByText('已保存场景「打开网页不开窗口，发图片开启」').waitFor();
    const list = await api<{ items: { id: string; name: string }[] }>('GET', '/scenarios?account=default');
    const saved = list.json.items.find((s) => s.name === '打开网页不开窗口，发图片开启');
    const doc = await api<{ packs?: string[]; steps: unknown[] }>('GET', `/scenarios/${saved?.id}?account=default`);
    expect(doc.json.packs).toContain('medical-health');
    expect(doc.json.steps).toHaveLength(2);
    expect(errors).toEqual([]);
  }, 120_000);
});

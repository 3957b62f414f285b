/**
 * The 「规则包」 view in Chromium against the real server, and the canvas lint following it: a
 * reply promising 瞬间美白 passes the default policy; once 美妆 is installed from the view, the
 * same reply on the canvas is blocked with the pack's code (the lint is asked again when the
 * canvas comes back; nothing is retyped); uninstalled after the confirmation, it passes again.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifact } from './helpers/browser.js';
import { browserSuite } from './helpers/browser-suite.js';

const suite = browserSuite('packs');
const { newPage, api } = suite;

const TEXT = '这款精华瞬间美白';
const FLOW = '电商常见问题';

/** Back to the canvas (the flow stays open, its edit unsaved) and selects its first reply node. */
async function openReply(page: Page): Promise<void> {
  await page.getByTestId('tab-flows').click();
  await page
    .locator('.react-flow__node')
    .filter({ has: page.getByTestId('node-reply') })
    .first()
    .click();
  await page.getByTestId('reply-text').waitFor();
}

const lintVerdict = (page: Page) => page.getByTestId('lint-result').getAttribute('data-verdict');
const packCodes = (page: Page) =>
  page
    .locator('[data-testid="lint-result"] [data-code^="pack:"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));

describe('rule packs in the browser', () => {
  it('installs 美妆 from the view, the canvas lint then blocks 瞬间美白 with its code, and allows it once uninstalled', async () => {
    const { page, errors } = await newPage();
    await page.goto(`${suite.server.baseUrl}/#token=${suite.server.token}`);
    await page.getByTestId('me').waitFor();

    // Without the pack the default policy lets the claim through.
    await page.getByRole('navigation', { name: '流程' }).getByRole('button', { name: FLOW }).click();
    // A click on a node of the flow shown before would be undone when FLOW loads.
    await expect.poll(() => page.getByLabel('流程名称', { exact: true }).inputValue()).toBe(FLOW);
    await openReply(page);
    await page.getByTestId('reply-text').fill(TEXT);
    await expect.poll(() => lintVerdict(page), { timeout: 30_000 }).toBe('allow');
    expect(await packCodes(page)).toEqual([]);

    await page.getByTestId('tab-packs').click();
    expect(await page.getByTestId('tab-packs').textContent()).toBe('规则包');
    const beauty = page.locator('[data-testid="pack-card"][data-pack-id="beauty"]');
    await beauty.waitFor();
    expect(await beauty.getByTestId('pack-state').textContent()).toBe('未安装');
    await beauty.getByTestId('pack-sources').locator('summary').click();
    expect(await beauty.getByTestId('pack-sources').textContent()).toContain('《中华人民共和国广告法》');
    await beauty.getByRole('button', { name: '安装' }).click();
    await expect.poll(() => beauty.getAttribute('data-state'), { timeout: 60_000 }).toBe('enabled');
    expect(await beauty.getByTestId('pack-state').textContent()).toBe('已安装 v1.0.0 · 已启用');
    expect(await page.getByTestId('notice-success').textContent()).toContain('已安装「美妆个护与医美」v1.0.0');
    await page.screenshot({ path: artifact('e2e-packs-installed.png') });

    // Back on the canvas the reply, unchanged, is checked again, now with the pack.
    await openReply(page);
    expect(await page.getByTestId('reply-text').inputValue()).toBe(TEXT);
    await expect.poll(() => lintVerdict(page), { timeout: 30_000 }).toBe('block');
    expect(await packCodes(page)).toContain('pack:beauty/EFFICACY_GUARANTEE');
    await page.screenshot({ path: artifact('e2e-packs-lint-blocked.png') });

    await page.getByTestId('tab-packs').click();
    await beauty.getByRole('button', { name: '卸载' }).click();
    const dialog = page.getByTestId('confirm-dialog');
    expect(await dialog.textContent()).toContain('卸载规则包「美妆个护与医美」？');
    await dialog.getByRole('button', { name: '确定删除' }).click();
    await expect.poll(() => beauty.getAttribute('data-state'), { timeout: 30_000 }).toBe('absent');
    const listed = await api<{ items: { id: string; installed: boolean }[] }>('GET', '/packs?account=default');
    expect(listed.json.items.find((p) => p.id === 'beauty')?.installed).toBe(false);

    await openReply(page);
    await expect.poll(() => lintVerdict(page), { timeout: 30_000 }).toBe('allow');
    expect(await packCodes(page)).toEqual([]);
    await page.screenshot({ path: artifact('e2e-packs-lint-allowed.png') });
    expect(errors).toEqual([]);
  }, 240_000);
});

/**
 * The 「未命中的问题」 view in Chromium against the real server: three invoice questions that no
 * example keyword group matches (checked, as the example groups are tuned over time) show as one
 * cluster; 「加入关键词组」 adds its word to the suggested group's draft, which the operator
 * saves; the draft read back through the API holds the word and nothing was published.
 */
import { describe, expect, it } from 'vitest';
import { artifact } from './helpers/browser.js';
import { browserSuite } from './helpers/browser-suite.js';

const suite = browserSuite('missed-keywords');
const { newPage, api } = suite;

const HOUR = 3_600_000;
const QUESTIONS = ['能开发票吗', '发票怎么开', '开个发票'];

interface GroupDraft {
  keywords: string[];
  revision: number;
}

describe('missed keywords in the browser', () => {
  it('shows the invoice questions as one cluster and adds 发票 to the suggested group’s draft', async () => {
    const now = Date.now();
    // A draft only: 开票 shares a synonym set with 发票, so this group is the one suggested.
    const created = await api('POST', '/keyword-groups?account=default', {
      schemaVersion: 1,
      id: 'invoice',
      name: '开发票',
      mode: 'contains',
      keywords: ['开票'],
    });
    expect(created.status).toBe(201);
    for (const [i, content] of QUESTIONS.entries()) {
      const r = await api<{ matches: unknown[] }>('POST', '/inbound', {
        account: 'default',
        message: { msgId: `inv-${i}`, from: `oInv${i}`, type: 'text', content, at: now - (3 - i) * HOUR },
      });
      expect(r.status).toBe(200);
      expect({ content, matches: r.json.matches }).toEqual({ content, matches: [] });
    }

    const { page, errors } = await newPage();
    await page.goto(`${suite.server.baseUrl}/#token=${suite.server.token}`);
    await page.getByTestId('me').waitFor();
    await page.getByTestId('tab-missed').click();
    expect(await page.getByTestId('tab-missed').textContent()).toBe('未命中的问题');
    expect(await page.getByTestId('period-last7').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('period-picker').textContent()).toContain('近 30 天');

    const card = page.locator('[data-testid="missed-cluster"][data-label="发票"]');
    await card.waitFor();
    expect(await card.getByTestId('missed-count').textContent()).toBe('3 条');
    expect(await card.locator('.missed-examples li').allTextContents()).toEqual([
      '开个发票',
      '发票怎么开',
      '能开发票吗',
    ]);
    expect(await page.getByTestId('missed-cluster').count()).toBe(1);
    // The suggested group is preselected.
    expect(await card.getByTestId('missed-group').inputValue()).toBe('invoice');

    // The other periods give the same cluster: everything happened within the last 3 hours.
    await page.getByTestId('period-custom').click();
    await expect.poll(() => page.locator('input[type="date"]').count()).toBe(2);
    await card.waitFor();
    await page.getByTestId('period-last30').click();
    await card.waitFor();
    expect(await card.getByTestId('missed-count').textContent()).toBe('3 条');

    await card.getByTestId('missed-add').click();
    expect(await card.getByTestId('missed-added').textContent()).toContain('已加入草稿，发布后生效');
    // Nothing is saved until the operator saves.
    expect((await api<GroupDraft>('GET', '/keyword-groups/invoice?account=default')).json.keywords).toEqual(['开票']);
    await page.screenshot({ path: artifact('e2e-missed-keywords.png') });

    await card.getByTestId('missed-save').click();
    await card.getByTestId('missed-saved').waitFor();
    const draft = await api<GroupDraft>('GET', '/keyword-groups/invoice?account=default');
    expect(draft.json.keywords).toEqual(['开票', '发票']);
    expect(draft.json.revision).toBe(2);
    // A draft change: no version was published.
    const versions = await api<{ items: unknown[] }>('GET', '/keyword-groups/invoice/versions?account=default');
    expect(versions.json.items).toEqual([]);
    // Adding again finds the word already there.
    await card.getByTestId('missed-add').click();
    expect(await card.getByTestId('missed-present').textContent()).toContain('已经有“发票”');
    await page.screenshot({ path: artifact('e2e-missed-keywords-saved.png') });
    expect(errors).toEqual([]);
  }, 120_000);
});

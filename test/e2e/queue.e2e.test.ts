/**
 * The 客服待回复 view in Chromium against the real server: three users wait (seeded through
 * /inbound at times relative to now), the one whose window closes within the hour comes first,
 * highlighted, with a countdown under an hour; the agent's reply is linted as typed, a blocked
 * one stays, and with no WeChat account connected the reply is recorded and the user leaves
 * the queue.
 */
import { describe, expect, it } from 'vitest';
import { artifact } from './helpers/browser.js';
import { browserSuite } from './helpers/browser-suite.js';

const suite = browserSuite('queue');
const { newPage, api } = suite;

const HOUR = 3_600_000;

interface InboundAnswer {
  matches: { group: string }[];
  replies: { committed: boolean }[];
  handoff: unknown;
}

/** One committed user message at `at`. */
async function inbound(openid: string, nickname: string, at: number, message: Record<string, unknown>) {
  const r = await api<InboundAnswer>('POST', '/inbound', {
    account: 'default',
    message: { msgId: `${openid}-1`, from: openid, at, ...message },
    user: { nickname },
  });
  expect(r.status).toBe(200);
  return r.json;
}

const awaiting = async () =>
  (await api<{ items: { openid: string }[] }>('GET', '/conversations?account=default&state=awaiting')).json.items.map(
    (u) => u.openid,
  );

describe('agent queue in the browser', () => {
  it('orders by deadline, highlights the window closing within the hour, lints the reply and records it', async () => {
    const now = Date.now();
    // A text that matches no keyword group still gets the fallback flow's auto reply, which answers
    // the turn; users who asked for a human (the auto reply promises one) and one who sent a
    // picture (no flow answers pictures) are the ones left waiting.
    const a = await inbound('oA', '小王', now - 47 * HOUR - 5 * 60_000, {
      type: 'text',
      content: '人工客服在吗？你们周末上班吗',
    });
    expect(a.handoff).not.toBeNull();
    const b = await inbound('oB', '小李', now - 2 * HOUR, {
      type: 'image',
      picUrl: 'https://example.com/p.jpg',
      mediaId: 'MEDIA-B',
    });
    expect(b.replies).toEqual([]);
    const c = await inbound('oC', '小张', now, { type: 'text', content: '找客服：你们周末上班吗' });
    expect(c.handoff).not.toBeNull();
    expect(await awaiting()).toEqual(['oA', 'oB', 'oC']);

    // No WeChat account is set up: the view's account read is answered 404 on purpose.
    const { page, errors } = await newPage([/status of 404/]);
    await page.goto(`${suite.server.baseUrl}/#token=${suite.server.token}`);
    await page.getByTestId('me').waitFor();
    await page.getByTestId('tab-queue').click();
    expect(await page.getByTestId('tab-queue').textContent()).toBe('客服待回复');

    const rows = page.getByTestId('queue-row');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-openid')))).toEqual(['oA', 'oB', 'oC']);
    const first = rows.first();
    expect(await first.getAttribute('data-closing')).toBe('true');
    expect(await first.getByTestId('closing-badge').textContent()).toBe('即将关闭');
    expect(await first.getByTestId('handoff-badge').textContent()).toBe('要求转人工');
    expect(await first.getByTestId('deadline-countdown').textContent()).toMatch(/^\s*00:5\d:\d\d$/);
    expect(await rows.nth(1).getAttribute('data-closing')).toBe('false');
    expect(await rows.nth(1).textContent()).toContain('[图片]');
    expect(await rows.nth(2).getAttribute('data-closing')).toBe('false');
    // The countdown runs: the seconds change while the page is left alone.
    const before = await first.getByTestId('deadline-countdown').getAttribute('data-seconds');
    await expect.poll(() => first.getByTestId('deadline-countdown').getAttribute('data-seconds')).not.toBe(before);

    await first.click();
    const box = page.getByTestId('reply-box');
    await box.waitFor();
    const submit = box.getByTestId('reply-submit');
    await expect.poll(() => submit.textContent()).toContain('记录为已回复');
    expect(await box.getByTestId('record-why').textContent()).toContain('还没有连接微信公众号');
    await box.getByLabel('客服名字').fill('小周');

    // Linted as typed: the absolute claims (全网最, 最好: they overlap) are marked in the preview.
    const text = box.getByTestId('queue-reply-text');
    await text.fill('您好，我们的售后是全网最好的');
    await expect.poll(() => box.getByTestId('lint-result').getAttribute('data-verdict')).toBe('warn');
    expect((await box.getByTestId('lint-preview').locator('mark').allTextContents()).join('')).toBe('全网最好');

    // A blocked reply is not recorded: its reasons show and the user stays.
    await text.fill('退款进度请看 https://item.taobao.com/1');
    await expect.poll(() => box.getByTestId('lint-result').getAttribute('data-verdict')).toBe('block');
    await submit.click();
    const outcome = box.getByTestId('reply-outcome');
    await outcome.waitFor();
    expect(await outcome.getAttribute('data-verdict')).toBe('block');
    expect(await outcome.locator('[data-code="EXTERNAL_LINK"]').textContent()).toContain('外部链接');
    expect(await awaiting()).toEqual(['oA', 'oB', 'oC']);

    // The follow-up suggestion only fills the box.
    await text.fill('您好，周末也有客服值班。');
    await box.getByTestId('suggest-follow-up').click();
    expect(await text.inputValue()).toBe('您好，周末也有客服值班。还有其他问题吗？');
    await expect.poll(() => box.getByTestId('lint-result').getAttribute('data-verdict')).toBe('allow');
    expect(await awaiting()).toEqual(['oA', 'oB', 'oC']);
    await page.screenshot({ path: artifact('e2e-queue.png') });

    await submit.click();
    await page.getByText('已记录对 小王 的回复').waitFor();
    await expect
      .poll(() => rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-openid'))))
      .toEqual(['oB', 'oC']);
    expect(await page.getByTestId('reply-box').count()).toBe(0);
    expect(await awaiting()).toEqual(['oB', 'oC']);
    await page.screenshot({ path: artifact('e2e-queue-recorded.png') });
    expect(errors).toEqual([]);
  }, 120_000);
});

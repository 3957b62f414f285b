// @vitest-environment jsdom
/**
 * The 「数据」 view against a stubbed GET /metrics, on a fixed clock: the §12 figures as Chinese
 * cards, the reply rate coloured against the seed's 90 % bar, the period picker's from/to in
 * Asia/Shanghai days (and hours for 今天), the charts drawn by recharts, and 导出 CSV fetching
 * the series with the token and offering it as a file.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import './setup-editor-test.js';
import type { MetricsPoint, MetricsResponse } from '../../rules-schema/index.js';
import { setApiToken } from '../../editor/src/api/api-request.js';
import { MetricsView } from '../../editor/src/metrics/MetricsView.js';

/** 2030-03-04 10:00 in Shanghai: a fixed instant, never today's date. */
const T0 = Date.parse('2030-03-04T02:00:00Z');

function point(bucket: string, turns: number, answered: number, extra: Partial<MetricsPoint> = {}): MetricsPoint {
  return {
    bucket,
    turns,
    answered,
    replyRate: turns === 0 ? 0 : answered / turns,
    expiredUnanswered: turns - answered,
    answeredWithin10m: answered,
    answeredWithin1h: answered,
    humanReplies: 1,
    autoReplies: answered,
    handoffs: 1,
    blocked: 0,
    warned: 0,
    unmatched: 2,
    ...extra,
  };
}

function metrics(over: Partial<MetricsResponse> = {}): MetricsResponse {
  return {
    turns: 120,
    answered: 111,
    replyRate: 0.925,
    expiredUnanswered: 6,
    firstResponse: { medianSeconds: 125, p90Seconds: 3720 },
    answeredWithin: { '10m': 0.75, '1h': 0.9 },
    human: { replies: 14, firstResponse: { medianSeconds: 600, p90Seconds: null } },
    auto: { replies: 97 },
    blocked: { MARKETPLACE_CODE: 3, EXTERNAL_LINK: 1 },
    warned: { PROMOTION: 5 },
    handoffs: 9,
    topGroups: [
      { group: '退款', messages: 40 },
      { group: '发货', messages: 22 },
    ],
    unmatched: { messages: 17 },
    from: '2030-02-25T16:00:00.000Z',
    to: '2030-03-04T02:00:00.000Z',
    timezone: 'Asia/Shanghai',
    groupBy: 'day',
    series: [
      point('2030-03-03', 60, 58, { blocked: 2, warned: 3 }),
      point('2030-03-04', 60, 53, { blocked: 2, warned: 2 }),
    ],
    ...over,
  };
}

interface Call {
  url: URL;
  headers: Record<string, string>;
}

function stubMetrics(answer: () => MetricsResponse) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const u = new URL(url, 'http://editor.test');
      calls.push({ url: u, headers: { ...(init?.headers as Record<string, string>) } });
      if (u.pathname !== '/api/v1/metrics')
        return new Response('{"error":{"code":"NOT_FOUND","message":"x"}}', { status: 404 });
      if (u.searchParams.get('format') === 'csv') {
        return new Response('\uFEFFbucket,turns\r\n2030-03-03,60\r\n', {
          status: 200,
          headers: { 'Content-Type': 'text/csv; charset=utf-8' },
        });
      }
      return new Response(JSON.stringify(answer()), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }),
  );
  return calls;
}

/**
 * jsdom has no layout: recharts' ResponsiveContainer measures its box (clientWidth/clientHeight)
 * when a ResizeObserver reports, so both are stood in for here, as a 600 × 260 box.
 */
class ImmediateResizeObserver {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element) {
    this.callback([{ target } as ResizeObserverEntry], this as unknown as ResizeObserver);
  }
  unobserve() {}
  disconnect() {}
}

beforeEach(() => {
  vi.stubGlobal('ResizeObserver', ImmediateResizeObserver);
  const width = vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(600);
  const height = vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(260);
  setApiToken('metrics-token');
  return () => {
    width.mockRestore();
    height.mockRestore();
    setApiToken(null);
  };
});

const card = (id: string) => screen.getByTestId(id);

describe('「数据」 view', () => {
  it('shows the §12 figures as cards in Chinese, the reason codes in the editor’s words', async () => {
    stubMetrics(() => metrics());
    render(<MetricsView now={() => T0} />);
    await waitFor(() => expect(card('metric-reply-rate').textContent).toContain('92.5%'));
    expect(card('metric-reply-rate').textContent).toContain('111 / 120 轮已回复');
    expect(card('metric-within-10m').textContent).toContain('10 分钟内回复75.0%');
    expect(card('metric-within-1h').textContent).toContain('1 小时内回复90.0%');
    expect(card('metric-first-response').textContent).toContain('中位数 2 分 5 秒 / P90 1 小时 2 分');
    expect(card('metric-first-response-human').textContent).toContain('中位数 10 分 / P90 —');
    expect(card('metric-expired').textContent).toContain('超时未回复6');
    expect(card('metric-replies').textContent).toContain('自动 97 · 人工 14');
    expect(card('metric-handoffs').textContent).toContain('转人工9');
    expect(card('metric-unmatched').textContent).toContain('未命中消息17');
    const blocked = within(card('metric-blocked'));
    expect(blocked.getByText('电商口令（淘口令等）').nextSibling?.textContent).toBe('3');
    expect(blocked.getByText('外部链接').nextSibling?.textContent).toBe('1');
    expect(card('metric-blocked').querySelector('.metric-value')?.textContent).toBe('4');
    expect(within(card('metric-warned')).getByText('促销内容').nextSibling?.textContent).toBe('5');
    expect(card('metric-top-groups').textContent).toBe('热门关键词组退款40 条消息发货22 条消息');
  });

  it('colours the reply rate green at or over 90 % and red under it', async () => {
    let answer = metrics({ replyRate: 0.9, answered: 108 });
    stubMetrics(() => answer);
    render(<MetricsView now={() => T0} />);
    await waitFor(() => expect(card('metric-reply-rate').textContent).toContain('90.0%'));
    expect(card('metric-reply-rate').dataset['tone']).toBe('good');
    answer = metrics({ replyRate: 0.85, answered: 102 });
    fireEvent.click(screen.getByTestId('metrics-refresh'));
    await waitFor(() => expect(card('metric-reply-rate').textContent).toContain('85.0%'));
    expect(card('metric-reply-rate').dataset['tone']).toBe('bad');
    expect(screen.getByRole('meter').getAttribute('aria-valuenow')).toBe('85');
  });

  it('asks for 近 7 天 as seven Shanghai days by day, and 今天 by hour from Shanghai midnight', async () => {
    const calls = stubMetrics(() => metrics());
    render(<MetricsView now={() => T0} />);
    await waitFor(() => expect(calls).toHaveLength(1));
    const week = calls[0]!.url.searchParams;
    // 26 Feb 00:00 in Shanghai (UTC+8) up to the injected now.
    expect([week.get('account'), week.get('from'), week.get('to'), week.get('groupBy')]).toEqual([
      'default',
      '2030-02-25T16:00:00.000Z',
      '2030-03-04T02:00:00.000Z',
      'day',
    ]);
    expect(screen.getByTestId('metrics-period-last7').getAttribute('aria-pressed')).toBe('true');

    fireEvent.click(screen.getByText('今天'));
    await waitFor(() => expect(calls).toHaveLength(2));
    const today = calls[1]!.url.searchParams;
    expect([today.get('from'), today.get('to'), today.get('groupBy')]).toEqual([
      '2030-03-03T16:00:00.000Z',
      '2030-03-04T02:00:00.000Z',
      'hour',
    ]);

    fireEvent.click(screen.getByText('按天'));
    await waitFor(() => expect(calls).toHaveLength(3));
    expect(calls[2]!.url.searchParams.get('groupBy')).toBe('day');

    fireEvent.click(screen.getByText('自定义'));
    fireEvent.change(screen.getByLabelText('开始日期'), { target: { value: '2030-03-01' } });
    fireEvent.change(screen.getByLabelText('结束日期（含）'), { target: { value: '2030-03-02' } });
    await waitFor(() => expect(calls.at(-1)!.url.searchParams.get('from')).toBe('2030-02-28T16:00:00.000Z'));
    expect(calls.at(-1)!.url.searchParams.get('to')).toBe('2030-03-02T16:00:00.000Z');
    expect(calls.at(-1)!.url.searchParams.get('groupBy')).toBe('hour');
  });

  it('draws the turns and checks charts with recharts', async () => {
    stubMetrics(() => metrics());
    render(<MetricsView now={() => T0} />);
    await waitFor(() => expect(screen.getByTestId('chart-turns').querySelector('.recharts-surface')).not.toBeNull());
    expect(screen.getByTestId('chart-turns').querySelectorAll('.recharts-bar-rectangle')).toHaveLength(2);
    expect(screen.getByTestId('chart-checks').querySelector('.recharts-surface')).not.toBeNull();
    expect(screen.getByTestId('chart-checks').textContent).toContain('03-04');
  });

  it('导出 CSV fetches the series with format=csv and the token, and offers it as a file', async () => {
    const calls = stubMetrics(() => metrics());
    const blobs: Blob[] = [];
    const downloads: string[] = [];
    vi.stubGlobal(
      'URL',
      Object.assign(URL, { createObjectURL: (b: Blob) => (blobs.push(b), 'blob:metrics'), revokeObjectURL: () => {} }),
    );
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
    render(<MetricsView now={() => T0} />);
    await waitFor(() => expect(calls).toHaveLength(1));
    fireEvent.click(screen.getByText('导出 CSV'));
    await waitFor(() => expect(downloads).toEqual(['replyflow-metrics-2030-02-26-day.csv']));
    const csvCall = calls.find((c) => c.url.searchParams.get('format') === 'csv')!;
    expect([
      csvCall.url.searchParams.get('from'),
      csvCall.url.searchParams.get('to'),
      csvCall.url.searchParams.get('groupBy'),
    ]).toEqual(['2030-02-25T16:00:00.000Z', '2030-03-04T02:00:00.000Z', 'day']);
    expect(csvCall.headers['Authorization']).toBe('Bearer metrics-token');
    expect(csvCall.headers['Accept']).toBe('text/csv');
    const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
    // The byte-order mark survives (Excel on Chinese Windows needs it), then the server's rows.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe('bucket,turns\r\n2030-03-03,60\r\n');
    click.mockRestore();
  });
});

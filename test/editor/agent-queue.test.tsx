// @vitest-environment jsdom
/**
 * The 客服待回复 view against a stubbed API, on a fixed clock: the server's order kept across
 * pages, the live countdown, the highlight of windows closing within the hour (also when a row
 * crosses into it), the follow-up suggestion that only fills the box, and a reply that is
 * blocked (stays, with its reasons) and then recorded (the user leaves the queue).
 */
import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import './setup-editor-test.js';
import { QueueView } from '../../editor/src/queue/QueueView.js';
import type { AwaitingPage, AwaitingUser } from '../../editor/src/api/conversations-api.js';
import { useEditorStore } from '../../editor/src/store/editor-store.js';
import { AGENT_KEY } from '../../editor/src/store/queue-slice.js';

/** The clock of every test here: a fixed instant, never today's date. */
const T0 = Date.parse('2030-03-04T02:00:00Z');
const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;

function user(openid: string, deadlineIn: number, extra: Partial<AwaitingUser> = {}): AwaitingUser {
  const deadline = new Date(T0 + deadlineIn).toISOString();
  return {
    openid,
    nickname: `昵称${openid}`,
    waitingSince: new Date(T0 + deadlineIn - 48 * HOUR).toISOString(),
    lastMessages: [{ msgId: `${openid}-1`, from: openid, type: 'text', content: `${openid} 你们周末上班吗` }],
    window: {
      state: 'open',
      openedAt: null,
      expiresAt: deadline,
      remainingSeconds: Math.floor(deadlineIn / SEC),
      quota: { left: 5, expiresAt: deadline },
      counters: { repliesSinceInteraction: 0, maxRepliesPerInteraction: 3 },
    },
    deadline,
    handoff: false,
    topics: {},
    tags: [],
    // As the server sends it with the default policy: suggested in the window's last hour.
    followUp: { text: '还有其他问题吗？', from: new Date(T0 + deadlineIn - HOUR).toISOString() },
    ...extra,
  };
}

interface Call {
  method: string;
  url: string;
  body: unknown;
}
type Answer = { status: number; json: unknown };

/** Answers the routes the view calls; `pages` is consulted on each queue read, so a test can change it. */
function stubApi(routes: {
  pages: () => AwaitingPage | Record<string, AwaitingPage>;
  check?: (body: { reply: { content: string } }) => Answer;
  send?: Answer;
  account?: Answer;
  queueStatus?: number;
}) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const body = init?.body ? JSON.parse(String(init.body)) : undefined;
      calls.push({ method, url, body });
      const reply = (a: Answer) =>
        new Response(JSON.stringify(a.json), { status: a.status, headers: { 'Content-Type': 'application/json' } });
      if (url.startsWith('/api/v1/conversations')) {
        if (routes.queueStatus)
          return reply({ status: routes.queueStatus, json: { error: { code: 'STORE_UNAVAILABLE', message: 'down' } } });
        const pages = routes.pages();
        const cursor = new URL(url, 'http://x').searchParams.get('cursor') ?? '';
        return reply({ status: 200, json: 'items' in pages ? pages : pages[cursor] });
      }
      if (url.startsWith('/api/v1/accounts/default'))
        return reply(
          routes.account ?? {
            status: 404,
            json: { error: { code: 'NOT_FOUND', message: '公众号账号 default 不存在' } },
          },
        );
      if (url.startsWith('/api/v1/lint')) return reply({ status: 200, json: { verdict: 'allow', reasons: [] } });
      if (url.startsWith('/api/v1/replies/check') && routes.check) return reply(routes.check(body));
      if (url.startsWith('/api/v1/replies/send') && routes.send) return reply(routes.send);
      return reply({ status: 404, json: { error: { code: 'NOT_FOUND', message: url } } });
    }),
  );
  return calls;
}

/** Fakes the clock and the once-a-second tick; timeouts stay real, so debounces and waitFor run. */
function fixClock() {
  vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
  vi.setSystemTime(T0);
}

const rows = () => screen.getAllByTestId('queue-row');
const row = (openid: string) => rows().find((r) => r.dataset['openid'] === openid)!;
const clockOf = (openid: string) => within(row(openid)).getByTestId('deadline-countdown').textContent?.trim();

function signIn() {
  useEditorStore.setState({ token: 't', me: { name: '值班', role: 'admin' } });
}

describe('客服待回复', () => {
  it('lists users in the server order across pages, counts down each second and highlights windows closing within the hour', async () => {
    fixClock();
    signIn();
    const first: AwaitingPage = {
      items: [
        user('oA', 59 * MIN + 59 * SEC, { handoff: true, topics: { 退款: 2 }, tags: ['需要人工'] }),
        user('oB', HOUR + 2 * SEC),
        user('oC', 47 * HOUR),
      ],
      next: 'CUR1',
    };
    const calls = stubApi({
      pages: () => ({ '': first, CUR1: { items: [user('oD', 47 * HOUR + 30 * MIN)], next: null } }),
    });
    render(<QueueView />);
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(rows().map((r) => r.dataset['openid'])).toEqual(['oA', 'oB', 'oC']);

    // Under an hour left: highlighted, with the hand-off, topic and tag shown.
    expect(row('oA').dataset['closing']).toBe('true');
    expect(within(row('oA')).getByTestId('closing-badge').textContent).toBe('即将关闭');
    expect(within(row('oA')).getByTestId('handoff-badge').textContent).toBe('要求转人工');
    expect(within(row('oA')).getByTestId('queue-topic').textContent).toBe('退款 ×2');
    expect(within(row('oA')).getByTestId('queue-tag').textContent).toBe('#需要人工');
    expect(clockOf('oA')).toBe('00:59:59');
    expect(within(row('oA')).getByTestId('deadline-countdown').getAttribute('title')).toBe(
      '59 分 59 秒后窗口关闭，之后就不能再给这位用户发客服消息',
    );
    expect(row('oB').dataset['closing']).toBe('false');
    expect(within(row('oB')).queryByTestId('closing-badge')).toBeNull();
    expect(within(row('oB')).queryByTestId('handoff-badge')).toBeNull();
    expect(clockOf('oB')).toBe('01:00:02');
    expect(clockOf('oC')).toBe('47:00:00');
    expect(row('oC').textContent).toContain('oC 你们周末上班吗');
    // Now is 10:00 in China (02:00 UTC); oC has waited since an hour ago (48 h before the deadline).
    expect(row('oC').textContent).toContain('等待自 3月4日 周一 09:00');

    // Three seconds on: every clock moved, and oB crossed into its last hour.
    act(() => vi.advanceTimersByTime(3 * SEC));
    expect(clockOf('oA')).toBe('00:59:56');
    expect(clockOf('oC')).toBe('46:59:57');
    expect(clockOf('oB')).toBe('00:59:59');
    expect(row('oB').dataset['closing']).toBe('true');

    // 「加载更多」 appends the next page after the first, and is gone once there is none.
    fireEvent.click(screen.getByTestId('queue-more'));
    await waitFor(() => expect(rows()).toHaveLength(4));
    expect(rows().map((r) => r.dataset['openid'])).toEqual(['oA', 'oB', 'oC', 'oD']);
    expect(
      calls
        .filter((c) => c.url.startsWith('/api/v1/conversations'))
        .map((c) => new URL(c.url, 'http://x').searchParams.get('cursor')),
    ).toEqual([null, 'CUR1']);
    expect(screen.queryByTestId('queue-more')).toBeNull();
  });

  it('says so when nobody waits, and reports a failed read through the notices', async () => {
    signIn();
    stubApi({ pages: () => ({ items: [], next: null }) });
    const { unmount } = render(<QueueView />);
    await waitFor(() => expect(screen.getByTestId('queue-empty').textContent).toContain('没有等待回复的用户'));
    unmount();

    stubApi({ pages: () => ({ items: [], next: null }), queueStatus: 503 });
    render(<QueueView />);
    await waitFor(() =>
      expect(useEditorStore.getState().notices.map((n) => [n.tone, n.text])).toContainEqual([
        'error',
        '存储暂时不可用，请稍后重试',
      ]),
    );
  });

  it('suggests the follow-up without sending, keeps a blocked reply with its reasons, and records a reply with the agent name', async () => {
    fixClock();
    signIn();
    let queue: AwaitingUser[] = [user('oA', 30 * MIN), user('oB', 40 * HOUR)];
    const calls = stubApi({
      pages: () => ({ items: queue, next: null }),
      check: ({ reply }) => {
        const base = {
          window: queue[0]!.window,
          counters: { repliesSinceInteraction: 0, maxRepliesPerInteraction: 3 },
        };
        if (reply.content.includes('https://')) {
          const at = reply.content.indexOf('https://');
          const reason = {
            code: 'EXTERNAL_LINK',
            severity: 'block',
            message: '回复中含有外部链接',
            evidence: { field: 'content', text: reply.content.slice(at), start: at, end: reply.content.length },
          };
          return { status: 200, json: { ...base, verdict: 'block', reasons: [reason], committed: false } };
        }
        queue = queue.filter((u) => u.openid !== 'oA');
        return { status: 200, json: { ...base, verdict: 'allow', reasons: [], committed: true } };
      },
    });
    render(<QueueView />);
    await waitFor(() => expect(rows()).toHaveLength(2));
    fireEvent.click(within(row('oA')).getByRole('button', { name: '昵称oA' }));
    const box = await screen.findByTestId('reply-box');

    // No WeChat account connected: the button records, and says why.
    const submit = within(box).getByTestId('reply-submit');
    await waitFor(() => expect(submit.textContent).toContain('记录为已回复'));
    expect(within(box).getByTestId('record-why').textContent).toContain('还没有连接微信公众号');
    expect((submit as HTMLButtonElement).disabled).toBe(true);

    // The suggestion fills the box and nothing else.
    fireEvent.click(within(box).getByTestId('suggest-follow-up'));
    const text = within(box).getByTestId('queue-reply-text') as HTMLTextAreaElement;
    expect(text.value).toBe('还有其他问题吗？');
    expect(calls.some((c) => c.url.startsWith('/api/v1/replies'))).toBe(false);
    await waitFor(() => expect(calls.some((c) => c.url.startsWith('/api/v1/lint'))).toBe(true));

    fireEvent.change(within(box).getByLabelText('客服名字'), { target: { value: '小周' } });
    expect(localStorage.getItem(AGENT_KEY)).toBe('小周');

    // Blocked: the reasons show and the user stays.
    fireEvent.change(text, { target: { value: '退款进度请看 https://item.taobao.com/1' } });
    fireEvent.click(submit);
    const outcome = await within(box).findByTestId('reply-outcome');
    expect(outcome.dataset['verdict']).toBe('block');
    expect(outcome.querySelector('[data-code="EXTERNAL_LINK"]')?.textContent).toContain('回复中含有外部链接');
    expect(rows().map((r) => r.dataset['openid'])).toEqual(['oA', 'oB']);

    // Recorded: committed as 小周's, and oA leaves the queue when it is read again.
    fireEvent.change(text, { target: { value: '您好，已经帮您处理了。还有其他问题吗？' } });
    expect(within(box).queryByTestId('reply-outcome')).toBeNull();
    fireEvent.click(submit);
    await waitFor(() => expect(rows().map((r) => r.dataset['openid'])).toEqual(['oB']));
    const committed = calls.filter((c) => c.url.startsWith('/api/v1/replies/check'));
    expect(committed.map((c) => c.body)).toEqual([
      {
        account: 'default',
        to: 'oA',
        reply: { type: 'text', content: '退款进度请看 https://item.taobao.com/1' },
        agent: '小周',
        user: { nickname: '昵称oA' },
        commit: true,
      },
      {
        account: 'default',
        to: 'oA',
        reply: { type: 'text', content: '您好，已经帮您处理了。还有其他问题吗？' },
        agent: '小周',
        user: { nickname: '昵称oA' },
        commit: true,
      },
    ]);
    expect(calls.some((c) => c.url.startsWith('/api/v1/replies/send'))).toBe(false);
    expect(screen.queryByTestId('reply-box')).toBeNull();
    expect(useEditorStore.getState().notices.map((n) => n.text)).toContain('已记录对 昵称oA 的回复');
  });

  it('sends when the role cannot read the account, and falls back to recording when the server says it cannot send', async () => {
    signIn();
    const calls = stubApi({
      pages: () => ({ items: [user('oA', 3 * HOUR)], next: null }),
      account: { status: 403, json: { error: { code: 'FORBIDDEN', message: 'forbidden' } } },
      send: {
        status: 400,
        json: {
          error: {
            code: 'VALIDATION_FAILED',
            message: '公众号 default 尚未配置 appId 和 appSecret',
            details: [{ path: '/account', message: 'account has no appId/appSecret configured' }],
          },
        },
      },
    });
    useEditorStore.getState().setAgentName('小周');
    render(<QueueView />);
    await waitFor(() => expect(rows()).toHaveLength(1));
    // Three hours left: no highlight, no follow-up suggestion.
    expect(row('oA').dataset['closing']).toBe('false');
    fireEvent.click(row('oA'));
    const box = await screen.findByTestId('reply-box');
    expect(within(box).queryByTestId('suggest-follow-up')).toBeNull();
    const submit = within(box).getByTestId('reply-submit');
    expect(submit.textContent).toContain('发送');
    fireEvent.change(within(box).getByTestId('queue-reply-text'), { target: { value: '您好，周末也有客服值班。' } });
    fireEvent.click(submit);
    await waitFor(() => expect(submit.textContent).toContain('记录为已回复'));
    expect(useEditorStore.getState().notices.map((n) => [n.tone, n.text])).toContainEqual([
      'info',
      '这个账号还没有连接微信公众号，没有发送。可以改为「记录为已回复」。',
    ]);
    expect(calls.filter((c) => c.url.startsWith('/api/v1/replies')).map((c) => c.url)).toEqual([
      '/api/v1/replies/send',
    ]);
    // Nothing was committed: the user still waits, with the text kept for recording.
    expect(rows()).toHaveLength(1);
    expect((within(box).getByTestId('queue-reply-text') as HTMLTextAreaElement).value).toBe('您好，周末也有客服值班。');
  });
});

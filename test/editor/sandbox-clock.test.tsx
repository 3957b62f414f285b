// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import './setup-editor-test.js';
import { setupI18n } from '../../editor/src/i18n/setup-i18n.js';
import { formatInstant, parseTypedDuration } from '../../editor/src/sandbox/durations.js';
import { sendableLeft } from '../../editor/src/sandbox/sendable-left.js';
import { ClockBar } from '../../editor/src/sandbox/ClockBar.js';
import { WindowCountdown } from '../../editor/src/sandbox/WindowCountdown.js';
import type { WindowView } from '../../editor/src/api/sandbox-api.js';
import { useEditorStore } from '../../editor/src/store/editor-store.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const open = (left: number, seconds = 3600): WindowView => ({
  state: 'open',
  openedAt: null,
  expiresAt: null,
  remainingSeconds: seconds,
  quota: { left, expiresAt: null },
});

describe('parseTypedDuration', () => {
  it.each([
    ['47h59m', 47 * HOUR + 59 * MIN],
    ['47小时59分', 47 * HOUR + 59 * MIN],
    ['47 小时 59 分钟', 47 * HOUR + 59 * MIN],
    ['2d', 48 * HOUR],
    ['1天2小时', 26 * HOUR],
    ['30s', 30_000],
    ['10m', 10 * MIN],
    ['10 min', 10 * MIN],
    ['1h 30m', 90 * MIN],
    ['１０分', 10 * MIN],
    ['500ms', 500],
  ])('reads %s in one go', (text, ms) => {
    expect(parseTypedDuration(text)).toBe(ms);
  });

  it.each(['', '10', 'h', '3x', '10m soon', '0m', '99999999d'])('refuses %j', (text) => {
    expect(parseTypedDuration(text)).toBeNull();
  });
});

describe('formatInstant', () => {
  it('reads an instant as an operator would, on the account zone clock', () => {
    // 00:59 UTC is 08:59 in Shanghai, on Wednesday 2 December 2026.
    expect(formatInstant('2026-12-02T00:59:00Z', 'zh-CN', 'Asia/Shanghai')).toBe('12月2日 周三 08:59');
    expect(formatInstant('2026-12-02T00:59:00Z', 'en', 'Asia/Shanghai')).toBe('Wed, Dec 2 08:59');
    // Just past midnight in China is still the previous day in UTC.
    expect(formatInstant('2026-12-01T16:05:00Z', 'zh-CN', 'Asia/Shanghai')).toBe('12月2日 周三 00:05');
    // An account in Tokyo reads the same instant an hour later; one in New York, on the day before.
    expect(formatInstant('2026-12-02T00:59:00Z', 'zh-CN', 'Asia/Tokyo')).toBe('12月2日 周三 09:59');
    expect(formatInstant('2026-12-02T00:59:00Z', 'en', 'America/New_York')).toBe('Tue, Dec 1 19:59');
    expect(formatInstant('not a date', 'zh-CN', 'Asia/Shanghai')).toBe('not a date');
  });
});

describe('还可发 N 条', () => {
  it('is the least of the platform quota left and the etiquette allowance left', () => {
    const counters = (n: number) => ({ repliesSinceInteraction: n, maxRepliesPerInteraction: 3 });
    expect(sendableLeft(open(5), counters(0))).toBe(3);
    expect(sendableLeft(open(5), counters(2))).toBe(1);
    expect(sendableLeft(open(1), counters(0))).toBe(1);
    expect(sendableLeft(open(5), counters(4))).toBe(0);
    expect(sendableLeft(open(4))).toBe(4);
    expect(sendableLeft({ state: 'expired', quota: { left: 3, expiresAt: null } }, counters(0))).toBe(0);
  });

  it('replaces the two numbers with one, and says why on hover', () => {
    render(<WindowCountdown window={open(4)} counters={{ repliesSinceInteraction: 2, maxRepliesPerInteraction: 3 }} />);
    const quota = screen.getByTestId('quota-left');
    expect(quota.textContent).toBe('还可发 1 条');
    expect(quota.getAttribute('title')).toBe('取平台配额（还剩 4 条）和本账号礼貌上限（还剩 1 条）中较少的一个');
    expect(screen.queryByText(/礼貌上限 3 条/)).toBeNull();
  });

  it('leaves the number out of a compact card that has no counters (an inbound step)', () => {
    render(<WindowCountdown window={open(4)} compact />);
    expect(screen.queryByTestId('quota-left')).toBeNull();
  });
});

describe('ClockBar', () => {
  it('moves the virtual clock by a duration typed in one go', () => {
    render(<ClockBar />);
    const amount = screen.getByTestId('clock-amount');
    fireEvent.change(amount, { target: { value: '47小时59分' } });
    expect(screen.getByText('= 47 小时 59 分')).toBeTruthy();
    fireEvent.click(screen.getByTestId('clock-advance'));
    expect(useEditorStore.getState().pendingMs).toBe(47 * HOUR + 59 * MIN);
    fireEvent.change(amount, { target: { value: '30s' } });
    fireEvent.submit(amount.closest('form')!);
    expect(useEditorStore.getState().pendingMs).toBe(47 * HOUR + 59 * MIN + 30_000);
  });

  it('refuses what is not a duration, saying what to type', () => {
    render(<ClockBar />);
    fireEvent.change(screen.getByTestId('clock-amount'), { target: { value: '明天' } });
    expect(screen.getByTestId('clock-amount').getAttribute('aria-invalid')).toBe('true');
    expect((screen.getByTestId('clock-advance') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(/请输入时长/)).toBeTruthy();
    expect(useEditorStore.getState().pendingMs).toBe(0);
  });

  it('shows the virtual now in the UI language', () => {
    useEditorStore.setState({
      now: {
        at: '2026-12-02T00:59:00Z',
        window: open(5),
        counters: { repliesSinceInteraction: 0, maxRepliesPerInteraction: 3 },
      },
    });
    render(<ClockBar />);
    expect(screen.getByTestId('virtual-now').textContent).toBe('12月2日 周三 08:59');
    expect(screen.getByTestId('quota-left').textContent).toBe('还可发 3 条');
    setupI18n('en');
    try {
      render(<ClockBar />);
      expect(screen.getAllByTestId('virtual-now')[1]!.textContent).toBe('Wed, Dec 2 08:59');
    } finally {
      setupI18n('zh-CN');
    }
  });
});

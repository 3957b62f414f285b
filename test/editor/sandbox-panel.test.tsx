// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { useState } from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import './setup-editor-test.js';
import type { SandboxStep } from '../../rules-schema/index.js';
import type { Expectation, StepReport, WindowView } from '../../editor/src/api/sandbox-api.js';
import { StepList } from '../../editor/src/sandbox/StepList.js';
import { WindowCountdown } from '../../editor/src/sandbox/WindowCountdown.js';
import { ExpectationEditor } from '../../editor/src/sandbox/ExpectationEditor.js';
import { PublishDialog } from '../../editor/src/documents/PublishDialog.js';

const open = (remainingSeconds: number, left = 4): WindowView => ({
  state: remainingSeconds <= 900 ? 'closing' : 'open',
  openedAt: null,
  expiresAt: '2026-01-07T01:00:00.000Z',
  remainingSeconds,
  quota: { left, expiresAt: '2026-01-07T01:00:00.000Z' },
});

const REFUND = '小明，退款请在「我的订单」里申请';
const steps: SandboxStep[] = [
  { inbound: { from: 'u1', type: 'text', content: '退钱' } },
  {
    after: '47h50m',
    reply: { type: 'text', content: '您好，还有什么可以帮您？' },
    to: 'u1',
    commit: true,
    expect: { verdict: 'allow' },
  },
];
const reports: StepReport[] = [
  {
    index: 0,
    at: '2026-01-05T01:00:00.000Z',
    kind: 'inbound',
    expect: { passed: true, failures: [] },
    result: {
      duplicate: false,
      opensWindow: true,
      window: open(172_800),
      groupMatches: [
        {
          flowId: 'ecommerce-faq',
          nodeId: 'kg-refund',
          group: '退款',
          groupId: 'kg-refund',
          keyword: '退钱',
          won: true,
        },
      ],
      matches: [{ flowId: 'ecommerce-faq', nodeId: 'kg-refund', group: '退款', groupId: 'kg-refund', keyword: '退钱' }],
      replies: [
        {
          reply: { type: 'text', content: REFUND },
          verdict: 'allow',
          reasons: [],
          committed: true,
          flowId: 'ecommerce-faq',
          nodeId: 'reply-refund',
        },
      ],
      handoff: null,
      trace: ['trigger', 'kg-refund', 'reply-refund'],
      path: ['trigger', 'kg-refund', 'reply-refund'].map((nodeId) => ({ flowId: 'ecommerce-faq', nodeId })),
    },
  },
  {
    index: 1,
    at: '2026-01-07T00:50:00.000Z',
    kind: 'reply',
    expect: { passed: false, failures: ['结论应为 allow，实际为 warn'] },
    result: {
      verdict: 'warn',
      reasons: [
        {
          code: 'WINDOW_CLOSING',
          severity: 'warn',
          message: '互动窗口即将关闭，平台可能有延迟（剩余 10 分钟）',
          ruleId: 'check:WINDOW_CLOSING',
        },
      ],
      window: open(600, 3),
      counters: { repliesSinceInteraction: 2, maxRepliesPerInteraction: 3 },
      committed: true,
    },
  },
];

/** A step list with nothing lit and no users named, as the panel shows a new scenario's reports. */
function renderSteps(list: SandboxStep[], stepReports: StepReport[]) {
  render(
    <StepList
      steps={list}
      reports={stepReports}
      users={{}}
      litIndex={null}
      onLight={() => {}}
      onRemove={() => {}}
      onExpect={() => {}}
    />,
  );
}

describe('StepList', () => {
  it('shows each step as a chat: the message, the matched group, reply bubbles with verdicts and reasons, the clock move', () => {
    const onLight = vi.fn();
    render(
      <StepList
        steps={steps}
        reports={reports}
        users={{ u1: { nickname: '小明' } }}
        litIndex={0}
        onLight={onLight}
        onRemove={() => {}}
        onExpect={() => {}}
      />,
    );
    const cards = screen.getAllByTestId('step-card');
    expect(cards).toHaveLength(2);
    expect(cards[0]!.textContent).toContain('小明');
    expect(cards[0]!.textContent).toContain('退钱');
    expect(cards[0]!.textContent).toContain('命中关键词组「退款」（关键词“退钱”）');
    const bubble = within(cards[0]!).getByTestId('reply-bubble');
    expect(bubble.getAttribute('data-verdict')).toBe('allow');
    expect(bubble.textContent).toContain(REFUND);
    expect(bubble.textContent).toContain('已发送');
    expect(cards[0]!.className).toContain('is-lit');

    expect(within(cards[1]!).getByTestId('clock-marker').textContent).toContain('时钟前进 47 小时 50 分');
    const reason = cards[1]!.querySelector('[data-code="WINDOW_CLOSING"]');
    expect(reason?.textContent).toContain('提醒');
    expect(reason?.textContent).toContain('互动窗口即将关闭');
    // One number: the etiquette allowance (3 − 2) binds before the platform's quota.
    expect(within(cards[1]!).getByTestId('quota-left').textContent).toBe('还可发 1 条');
    expect(cards[1]!.textContent).not.toContain('礼貌上限');
    // The failing expectation says why.
    expect(cards[1]!.className).toContain('failing');
    expect(cards[1]!.textContent).toContain('结论应为 allow，实际为 warn');

    fireEvent.click(within(cards[0]!).getByRole('button', { name: '在画布上显示路径' }));
    expect(onLight).toHaveBeenCalledWith(0);
  });

  it('marks the evidence in a reply and describes events in words', () => {
    const linkStep: SandboxStep[] = [{ inbound: { from: 'u2', type: 'event', event: 'CLICK', eventKey: 'FAQ' } }];
    const content = '看这里 https://item.taobao.com/x';
    const report: StepReport = {
      ...reports[0]!,
      kind: 'inbound',
      result: {
        ...(reports[0] as Extract<StepReport, { kind: 'inbound' }>).result,
        matches: [],
        replies: [
          {
            reply: { type: 'text', content },
            verdict: 'block',
            reasons: [
              {
                code: 'EXTERNAL_LINK',
                severity: 'block',
                message: '外部链接',
                ruleId: 'check:EXTERNAL_LINK',
                evidence: { field: 'content', text: 'https://item.taobao.com/x', start: 4, end: content.length },
              },
            ],
            committed: false,
            flowId: 'f',
            nodeId: 'n',
          },
        ],
      },
    };
    renderSteps(linkStep, [report]);
    expect(screen.getByText('[菜单点击 FAQ]')).toBeTruthy();
    expect(screen.getByText('u2')).toBeTruthy();
    const bubble = screen.getByTestId('reply-bubble');
    expect(bubble.querySelector('mark.mark-block')?.textContent).toBe('https://item.taobao.com/x');
    expect(bubble.textContent).toContain('未发送');
    expect(bubble.textContent).toContain('这条消息会被拦截');
  });

  it('says which group stayed quiet because the message closed its matter', () => {
    const thanks: SandboxStep[] = [{ inbound: { from: 'u3', type: 'text', content: '上次退款很顺利，这次再来买' } }];
    const report: StepReport = {
      ...reports[0]!,
      kind: 'inbound',
      result: {
        ...(reports[0] as Extract<StepReport, { kind: 'inbound' }>).result,
        groupMatches: [],
        matches: [],
        replies: [],
        settledGroups: [{ groupId: 'refund', group: '退款', keyword: '退款', cue: '上次' }],
      },
    };
    renderSteps(thanks, [report]);
    expect(screen.getByTestId('settled-group').textContent).toBe(
      '「退款」未回复：这句是了结的话（“上次”）。要照常回复，请在关键词组里取消“不回复了结的话”',
    );
  });

  it('invites a first message when there are no steps', () => {
    renderSteps([], []);
    expect(screen.getByTestId('steps-empty').textContent).toContain('发一条消息');
  });
});

describe('WindowCountdown', () => {
  it('counts down the time left at the virtual instant, with the quota', () => {
    render(<WindowCountdown window={open(47 * 3600 + 50 * 60 + 5, 4)} />);
    expect(screen.getByTestId('countdown-clock').textContent).toBe('47:50:05');
    expect(screen.getByTestId('window-countdown').textContent).toContain('还剩 47 小时 50 分 5 秒');
    expect(screen.getByTestId('quota-left').textContent).toBe('还可发 4 条');
    expect(screen.getByTestId('window-countdown').getAttribute('data-state')).toBe('open');
  });
  it('shows a closing window and explains an expired one instead of a countdown', () => {
    const { rerender } = render(<WindowCountdown window={open(600, 3)} />);
    expect(screen.getByText('窗口即将关闭')).toBeTruthy();
    expect(screen.getByTestId('countdown-clock').textContent).toBe('00:10:00');
    rerender(
      <WindowCountdown
        window={{
          state: 'expired',
          openedAt: null,
          expiresAt: null,
          remainingSeconds: 0,
          quota: { left: 0, expiresAt: null },
        }}
      />,
    );
    expect(screen.queryByTestId('countdown-clock')).toBeNull();
    expect(screen.getByTestId('window-countdown').textContent).toContain('要等用户再发消息');
  });
});

function EditorHarness({
  kind,
  report,
  onChange,
}: {
  kind: 'inbound' | 'reply';
  report: StepReport;
  onChange: (e: Expectation | undefined) => void;
}) {
  const [expect, setExpect] = useState<Expectation | undefined>(undefined);
  return (
    <ExpectationEditor
      kind={kind}
      expect={expect}
      report={report}
      onChange={(e) => {
        setExpect(e);
        onChange(e);
      }}
    />
  );
}

describe('ExpectationEditor', () => {
  it('takes what happened in one click, then lets each field be changed or cleared', () => {
    const onChange = vi.fn();
    render(<EditorHarness kind="inbound" report={reports[0]!} onChange={onChange} />);
    expect(screen.queryByLabelText('结论')).toBeNull();
    fireEvent.click(screen.getByTestId('expect-actual'));
    expect(onChange).toHaveBeenLastCalledWith({ verdict: 'allow', replyCount: 1, group: '退款' });
    expect((screen.getByLabelText('命中关键词组') as HTMLInputElement).value).toBe('退款');
    expect(screen.getByTestId('expect-outcome').getAttribute('data-passed')).toBe('true');

    fireEvent.change(screen.getByLabelText('结论'), { target: { value: 'warn' } });
    expect(onChange).toHaveBeenLastCalledWith({ verdict: 'warn', replyCount: 1, group: '退款' });
    fireEvent.change(screen.getByLabelText('原因代码（都要出现）'), { target: { value: 'PROMOTION，ABSOLUTE_TERM' } });
    fireEvent.blur(screen.getByLabelText('原因代码（都要出现）'));
    expect(onChange).toHaveBeenLastCalledWith({
      verdict: 'warn',
      codes: ['PROMOTION', 'ABSOLUTE_TERM'],
      replyCount: 1,
      group: '退款',
    });
    fireEvent.change(screen.getByLabelText('发出回复条数'), { target: { value: '' } });
    expect(onChange).toHaveBeenLastCalledWith({
      verdict: 'warn',
      codes: ['PROMOTION', 'ABSOLUTE_TERM'],
      group: '退款',
    });
    fireEvent.click(screen.getByRole('button', { name: '清除预期' }));
    expect(onChange).toHaveBeenLastCalledWith(undefined);
  });

  it("expects a reply step's verdict and codes (no keyword group field)", () => {
    const onChange = vi.fn();
    render(<EditorHarness kind="reply" report={reports[1]!} onChange={onChange} />);
    fireEvent.click(screen.getByTestId('expect-actual'));
    expect(onChange).toHaveBeenLastCalledWith({ verdict: 'warn', codes: ['WINDOW_CLOSING'] });
    expect(screen.queryByLabelText('命中关键词组')).toBeNull();
  });
});

describe('PublishDialog with failing scenarios', () => {
  it('lists the failures and publishes anyway only with a note', () => {
    const onPublish = vi.fn();
    render(
      <PublishDialog
        name="电商常见问题"
        failures={[
          { path: '/scenarios/sc-1/steps/0', message: '退钱场景: 应命中关键词组“退款”，实际：无' },
          { path: '/scenarios/sc-2/steps/3', message: '晚间场景: 结论应为 warn，实际为 allow' },
        ]}
        onPublish={onPublish}
        onClose={() => {}}
      />,
    );
    const gate = screen.getByTestId('publish-gate');
    expect(gate.textContent).toContain('有 2 个测试场景没有通过');
    expect(gate.textContent).toContain('第 1 步');
    expect(gate.textContent).toContain('第 4 步');
    expect(screen.queryByTestId('publish-confirm')).toBeNull();
    const override = screen.getByTestId('publish-override') as HTMLButtonElement;
    expect(override.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('强制发布的原因（必填）'), { target: { value: '活动今晚上线' } });
    fireEvent.click(override);
    expect(onPublish).toHaveBeenCalledWith('活动今晚上线', { overrideScenarios: true });
  });
});

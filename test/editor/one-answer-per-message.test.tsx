// @vitest-environment jsdom
/**
 * One answer per message in the editor: the sandbox says which groups matched and which one
 * answered, the flow settings choose one answer or every group, a keyword-group node has a priority.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { useState } from 'react';
import { act, fireEvent, render, screen } from '@testing-library/react';
import i18n from 'i18next';
import './setup-editor-test.js';
import type { GroupMatchView, SandboxStep } from '../../rules-schema/index.js';
import type { StepReport } from '../../editor/src/api/sandbox-api.js';
import { StepList } from '../../editor/src/sandbox/StepList.js';
import { FlowSettings } from '../../editor/src/panels/FlowSettings.js';
import { nodeViews } from '../../editor/src/nodes/node-views.js';
import type { NodeDataOf } from '../../editor/src/model/flow-types.js';
import { useEditorStore } from '../../editor/src/store/editor-store.js';

const steps: SandboxStep[] = [{ inbound: { from: 'u1', type: 'text', content: '我要退款，快递还没到' } }];
const match = (groupId: string, group: string, keyword: string, won: boolean): GroupMatchView => ({
  flowId: 'ecommerce-faq',
  nodeId: `kg-${groupId}`,
  groupId,
  group,
  keyword,
  won,
});

function reportWith(groupMatches: GroupMatchView[]): StepReport {
  const walked = groupMatches.filter((m) => m.won).map(({ won: _won, ...m }) => m);
  return {
    index: 0,
    at: '2026-01-05T01:00:00.000Z',
    kind: 'inbound',
    expect: { passed: true, failures: [] },
    result: {
      duplicate: false,
      opensWindow: true,
      window: {
        state: 'open',
        openedAt: null,
        expiresAt: '2026-01-07T01:00:00.000Z',
        remainingSeconds: 172_800,
        quota: { left: 4, expiresAt: '2026-01-07T01:00:00.000Z' },
      },
      matches: walked,
      groupMatches,
      replies: [],
      handoff: null,
      trace: [],
      path: [],
    },
  };
}

const showStep = (groupMatches: GroupMatchView[]) =>
  render(
    <StepList
      steps={steps}
      reports={[reportWith(groupMatches)]}
      users={{ u1: { nickname: '小明' } }}
      litIndex={null}
      onLight={() => {}}
      onRemove={() => {}}
      onExpect={() => {}}
    />,
  );

afterEach(async () => {
  await act(() => i18n.changeLanguage('zh-CN'));
});

describe('sandbox: which groups matched and which answered', () => {
  it('lists every matched group once, marking the one used: 匹配到：退款（采用）、物流', () => {
    showStep([match('refund', '退款', '退款', true), match('logistics', '物流', '快递', false)]);
    expect(screen.getByTestId('group-matches').textContent).toBe('匹配到：退款（采用）、物流');
  });

  it('says it in English through the same keys', async () => {
    await act(() => i18n.changeLanguage('en'));
    showStep([match('refund', '退款', '退款', false), match('logistics', '物流', '快递还没到', true)]);
    expect(screen.getByTestId('group-matches').textContent).toBe('Matched: 退款, 物流 (used)');
  });

  it('marks a group used when it answered in any flow, and every group in a flow that answers them all', () => {
    showStep([
      match('refund', '退款', '退款', false),
      match('logistics', '物流', '快递', true),
      { ...match('refund', '退款', '退款', true), flowId: 'other' },
    ]);
    expect(screen.getByTestId('group-matches').textContent).toBe('匹配到：退款（采用）、物流（采用）');
  });

  it('adds nothing when only one group matched: the match line already says it', () => {
    showStep([match('refund', '退款', '退钱', true)]);
    expect(screen.queryByTestId('group-matches')).toBeNull();
    expect(screen.getByTestId('step-card').textContent).toContain('命中关键词组「退款」（关键词“退钱”）');
  });
});

describe('flow settings: how keyword branches answer', () => {
  it('defaults to one answer per message and switches to every matching group', () => {
    useEditorStore.getState().loadFlow({ id: 'faq', name: '常见问题', nodes: [], edges: [] }, true);
    render(<FlowSettings />);
    expect(screen.getByLabelText('一条消息只回答一个问题（推荐）')).toHaveProperty('checked', true);
    fireEvent.click(screen.getByLabelText('每个匹配的关键词组都回答'));
    expect(useEditorStore.getState().meta?.keywordAnswers).toBe('all');
    fireEvent.click(screen.getByLabelText('一条消息只回答一个问题（推荐）'));
    expect(useEditorStore.getState().meta?.keywordAnswers).toBe('one');
  });
});

describe('keyword-group node: priority', () => {
  it('writes a whole-number priority and drops the field again at the default 0', () => {
    const latest: { data: NodeDataOf<'keywordGroup'> } = { data: { groupId: '' } };
    function Harness() {
      const [data, setData] = useState<NodeDataOf<'keywordGroup'>>(latest.data);
      const { Panel } = nodeViews.keywordGroup;
      return (
        <Panel
          nodeId="n1"
          data={data}
          onChange={(d) => {
            latest.data = d;
            setData(d);
          }}
        />
      );
    }
    render(<Harness />);
    fireEvent.change(screen.getByLabelText('优先级'), { target: { value: '2' } });
    expect(latest.data).toEqual({ groupId: '', priority: 2 });
    fireEvent.change(screen.getByLabelText('优先级'), { target: { value: '0' } });
    expect(latest.data).toEqual({ groupId: '' });
  });
});

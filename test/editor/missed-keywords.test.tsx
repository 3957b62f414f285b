// @vitest-environment jsdom
/**
 * 「未命中的问题」 in the editor: a cluster card preselects the suggested group and adds its word to
 * that group's draft in the store (unsaved until the operator saves), once; viewers change nothing;
 * the period picker's periods.
 */
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import './setup-editor-test.js';
import type { KeywordGroup, MissedKeywordCluster } from '../../rules-schema/index.js';
import { MissedClusterCard } from '../../editor/src/insights/MissedClusterCard.js';
import { missedPeriod } from '../../editor/src/insights/missed-period.js';
import { MissedKeywordsView } from '../../editor/src/insights/MissedKeywordsView.js';
import { useEditorStore } from '../../editor/src/store/editor-store.js';

const group = (id: string, name: string, keywords: string[]): KeywordGroup => ({
  schemaVersion: 1,
  id,
  name,
  keywords,
});
const cluster: MissedKeywordCluster = {
  label: '退钱',
  words: ['退钱', '钱'],
  count: 3,
  examples: ['退钱', '钱退回来', '退钱吗'],
  suggestedGroup: { id: 'refund', name: '退款', score: 0.9 },
};

function withGroups() {
  useEditorStore.getState().setGroups([
    { doc: group('logistics', '物流', ['快递']), persisted: true, dirty: false, publishedVersion: 1 },
    { doc: group('refund', '退款', ['退款']), persisted: true, dirty: false, publishedVersion: 1 },
  ]);
}

describe('MissedClusterCard', () => {
  it('preselects the suggested group and adds the word to its draft, unsaved, once', () => {
    withGroups();
    render(<MissedClusterCard cluster={cluster} canEdit />);
    expect(screen.getByText('3 条')).toBeTruthy();
    expect(screen.getByText('钱退回来')).toBeTruthy();
    const select = screen.getByTestId('missed-group') as HTMLSelectElement;
    expect(select.value).toBe('refund');
    expect(select.selectedOptions[0]?.textContent).toBe('退款（推荐）');

    fireEvent.click(screen.getByTestId('missed-add'));
    const refund = useEditorStore.getState().groups['refund'];
    expect(refund?.doc.keywords).toEqual(['退款', '退钱']);
    expect(refund?.dirty).toBe(true);
    expect(useEditorStore.getState().groups['logistics']?.doc.keywords).toEqual(['快递']);
    expect(screen.getByTestId('missed-added').textContent).toContain('已加入草稿，发布后生效');
    expect(screen.getByTestId('missed-save')).toBeTruthy();

    fireEvent.click(screen.getByTestId('missed-add'));
    expect(useEditorStore.getState().groups['refund']?.doc.keywords).toEqual(['退款', '退钱']);
    expect(screen.getByTestId('missed-present').textContent).toBe('这个组已经有“退钱”了。');
  });

  it('adds to the group the operator picks instead', () => {
    withGroups();
    render(<MissedClusterCard cluster={{ ...cluster, suggestedGroup: null }} canEdit />);
    const add = screen.getByTestId('missed-add') as HTMLButtonElement;
    expect(add.disabled).toBe(true);
    fireEvent.change(screen.getByTestId('missed-group'), { target: { value: 'logistics' } });
    fireEvent.click(add);
    expect(useEditorStore.getState().groups['logistics']?.doc.keywords).toEqual(['快递', '退钱']);
  });

  it('lets a viewer look but not add', () => {
    withGroups();
    render(<MissedClusterCard cluster={cluster} canEdit={false} />);
    expect((screen.getByTestId('missed-add') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('missed-group') as HTMLSelectElement).disabled).toBe(true);
  });
});

describe('missedPeriod', () => {
  const now = Date.parse('2026-11-24T10:00:00Z');
  it('gives the last 7 or 30 days up to now, and custom local days with the end day included', () => {
    expect(missedPeriod({ kind: 'last7' }, now)).toEqual({ from: new Date('2026-11-17T10:00:00Z'), to: new Date(now) });
    expect(missedPeriod({ kind: 'last30' }, now)?.from).toEqual(new Date('2026-10-25T10:00:00Z'));
    expect(missedPeriod({ kind: 'custom', fromDay: '2026-11-01', toDay: '2026-11-03' }, now)).toEqual({
      from: new Date(2026, 10, 1),
      to: new Date(2026, 10, 4),
    });
  });

  it('refuses a custom period that is incomplete or backwards', () => {
    expect(missedPeriod({ kind: 'custom', fromDay: '', toDay: '2026-11-03' }, now)).toBeNull();
    expect(missedPeriod({ kind: 'custom', fromDay: '2026-11-05', toDay: '2026-11-03' }, now)).toBeNull();
  });
});

describe('MissedKeywordsView', () => {
  it('刷新 asks for the last seven days up to the refresh, not up to the first load', async () => {
    const asked: URL[] = [];
    globalThis.fetch = (async (input: string | URL | Request) => {
      asked.push(new URL(String(input), 'http://editor.test'));
      return new Response(JSON.stringify({ messages: 0, clusters: [] }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    }) as typeof fetch;
    let clock = Date.parse('2026-11-24T10:00:00+08:00');
    render(<MissedKeywordsView now={() => clock} />);
    await waitFor(() => expect(asked).toHaveLength(1));
    // 刷新 is disabled until the first answer is shown: a click before then (a slow machine) does nothing.
    await waitFor(() => expect((screen.getByTestId('missed-refresh') as HTMLButtonElement).disabled).toBe(false));
    clock += 3 * 3_600_000;
    fireEvent.click(screen.getByTestId('missed-refresh'));
    await waitFor(() => expect(asked).toHaveLength(2));
    const to = asked.map((u) => Date.parse(u.searchParams.get('to') ?? ''));
    expect(to[1]! - to[0]!).toBe(3 * 3_600_000);
  });
});

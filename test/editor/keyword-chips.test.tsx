// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { useState } from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import './setup-editor-test.js';
import { splitKeywords, mergeKeywords, findDuplicateKeywords } from '../../editor/src/model/keywords.js';
import { ChipsInput } from '../../editor/src/keywords/ChipsInput.js';
import { KeywordChips } from '../../editor/src/keywords/KeywordChips.js';
import { useEditorStore } from '../../editor/src/store/editor-store.js';
import { csvToGroups, groupsToCsv } from '../../editor/src/keywords/groups-csv.js';

describe('splitKeywords / mergeKeywords', () => {
  it('splits on new lines, commas (both widths), 、 and spaces, dropping blanks and repeats', () => {
    expect(splitKeywords('退款\n退货，退钱、 怎么退,退款  ＲＥＦＵＮＤ refund')).toEqual([
      '退款',
      '退货',
      '退钱',
      '怎么退',
      'ＲＥＦＵＮＤ',
    ]);
  });
  it('reports what was already in the group', () => {
    expect(mergeKeywords(['退款'], ['退款', '退钱'])).toEqual({ keywords: ['退款', '退钱'], skipped: ['退款'] });
  });
  it('finds keywords held by two groups', () => {
    const dup = findDuplicateKeywords([
      { id: 'a', name: '退款', keywords: ['退钱', '退款'] },
      { id: 'b', name: '售后', keywords: ['退钱'] },
    ]);
    expect([...dup.keys()]).toEqual(['退钱']);
  });
});

function Harness({ start = [] as string[] }) {
  const [values, setValues] = useState(start);
  return <ChipsInput values={values} onChange={setValues} label="关键词" />;
}

describe('ChipsInput', () => {
  it('adds a chip on Enter and many at once on paste, telling which repeats were skipped', () => {
    render(<Harness start={['退款']} />);
    const input = screen.getByRole('textbox', { name: '关键词' });
    fireEvent.change(input, { target: { value: '退货' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    fireEvent.paste(input, { clipboardData: { getData: () => '退钱\n退款、怎么退, 能退吗' } });
    const chips = within(screen.getByRole('list', { name: '关键词' })).getAllByRole('listitem');
    expect(chips.map((c) => c.textContent?.replace('×', ''))).toEqual(['退款', '退货', '退钱', '怎么退', '能退吗']);
    expect(screen.getByRole('status').textContent).toContain('已跳过重复：退款');
  });

  it('removes a chip with its × button', () => {
    render(<Harness start={['退款', '退货']} />);
    fireEvent.click(screen.getByRole('button', { name: '移除 退款' }));
    expect(screen.getAllByRole('listitem').map((c) => c.textContent?.replace('×', ''))).toEqual(['退货']);
  });
});

describe('KeywordChips', () => {
  it('flags a keyword another group also holds, naming that group', () => {
    useEditorStore.getState().setGroups([
      {
        doc: { id: 'refund', name: '退款', keywords: ['退款', '退钱'] },
        persisted: true,
        dirty: false,
        publishedVersion: 1,
      },
      {
        doc: { id: 'after', name: '售后', keywords: ['退钱', '保修'] },
        persisted: true,
        dirty: false,
        publishedVersion: null,
      },
    ]);
    render(<KeywordChips groupId="refund" keywords={['退款', '退钱']} onChange={() => undefined} />);
    const flagged = screen.getAllByRole('listitem').filter((li) => li.className.includes('chip-flagged'));
    expect(flagged).toHaveLength(1);
    expect(flagged[0]!.getAttribute('title')).toBe('也在关键词组「售后」中');
    expect(screen.getByTestId('keyword-duplicates').textContent).toContain('有 1 个关键词');
  });
});

describe('keyword groups CSV', () => {
  it('exports and re-imports groups, matching by id then by name', () => {
    const existing = [{ id: 'refund', name: '退款', mode: 'fuzzy' as const, keywords: ['退款'] }];
    const csv = groupsToCsv(existing);
    expect(csv.split('\r\n')[0]).toBe('id,name,mode,keywords,exclusions,enabled');
    const result = csvToGroups(`${csv}\r\n,物流,,快递、发货\r\n,,,x\r\n`, existing);
    expect(result.updated).toBe(1);
    expect(result.created).toBe(1);
    expect(result.skipped).toEqual([{ row: 3, reason: 'noName' }]);
    expect(result.groups[1]).toMatchObject({ name: '物流', mode: 'contains', keywords: ['快递', '发货'] });
  });
});

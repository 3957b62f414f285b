// @vitest-environment jsdom
/** 「建议添加」 in the group editor: nothing is added until + is pressed; + appends one word, × hides one. */
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import './setup-editor-test.js';
import type { KeywordGroup, KeywordSynonyms } from '../../rules-schema/index.js';
import synonymsJson from '../../rules-schema/defaults/keyword-synonyms.json' with { type: 'json' };
import { GroupEditor } from '../../editor/src/keywords/GroupEditor.js';
import { useEditorStore } from '../../editor/src/store/editor-store.js';
import { suggestKeywords } from '../../server/src/core/suggestions/suggest-keywords.js';
import { buildSynonymIndex } from '../../server/src/core/suggestions/build-synonym-index.js';

const saved: KeywordGroup = {
  id: 'refund',
  name: '退款',
  mode: 'contains',
  keywords: ['退款', '退货'],
  exclusions: ['已经退款'],
  revision: 1,
};
// Built as the server builds it at start (jsdom has no file URLs for the server's own loader).
const SYNONYMS = buildSynonymIndex(synonymsJson as KeywordSynonyms);
const doc = () => useEditorStore.getState().groups['refund']!.doc;

/** Answers the suggestions route the way the server does: the real function over the shipped synonym source. */
function serveSuggestions() {
  const urls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      urls.push(url);
      if (!url.startsWith('/api/v1/keyword-groups/refund/suggestions'))
        return new Response('{"error":{"code":"NOT_FOUND","message":"x"}}', { status: 404 });
      return new Response(JSON.stringify({ suggestions: suggestKeywords(saved, SYNONYMS) }), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      });
    }),
  );
  return urls;
}

async function openSavedGroup() {
  const urls = serveSuggestions();
  useEditorStore
    .getState()
    .setGroups([{ doc: structuredClone(saved), persisted: true, dirty: false, publishedVersion: null }]);
  render(<GroupEditor groupId="refund" />);
  const list = await screen.findByRole('list', { name: '建议添加' });
  return { urls, list };
}

const words = (list: HTMLElement) =>
  within(list)
    .queryAllByRole('listitem')
    .map((li) => li.textContent);

describe('keyword suggestions in the group editor', () => {
  it('shows the saved group’s suggestions with the reason as a tooltip, and adds none by itself', async () => {
    const { urls, list } = await openSavedGroup();
    expect(urls).toEqual(['/api/v1/keyword-groups/refund/suggestions?account=default']);
    expect(words(list)).toEqual(expect.arrayContaining(['退钱', '退回', '原路返回']));
    expect(within(list).getByText('退回').getAttribute('title')).toMatch(/^与“退款”同义\n同义词组“退款”：/);
    expect(doc().keywords).toEqual(['退款', '退货']);
    expect(useEditorStore.getState().groups['refund']!.dirty).toBe(false);
  });

  it('+ appends that one word to the draft’s keywords, and it leaves the suggestions', async () => {
    const { list } = await openSavedGroup();
    fireEvent.click(within(list).getByRole('button', { name: '添加“原路返回”' }));
    expect(doc().keywords).toEqual(['退款', '退货', '原路返回']);
    expect(useEditorStore.getState().groups['refund']!.dirty).toBe(true);
    expect(words(list)).not.toContain('原路返回');
    expect(within(screen.getByTestId('keyword-chips')).getByText('原路返回')).toBeTruthy();
    fireEvent.click(within(list).getByRole('button', { name: '添加“退钱”' }));
    expect(doc().keywords).toEqual(['退款', '退货', '原路返回', '退钱']);
  });

  it('× hides the word for this session without touching the draft', async () => {
    const { list } = await openSavedGroup();
    const before = words(list).length;
    fireEvent.click(within(list).getByRole('button', { name: '忽略“退回”' }));
    expect(words(list)).not.toContain('退回');
    expect(words(list)).toHaveLength(before - 1);
    expect(doc().keywords).toEqual(['退款', '退货']);
  });

  it('an unsaved group asks the server for nothing', () => {
    const urls = serveSuggestions();
    useEditorStore
      .getState()
      .setGroups([{ doc: { ...saved, id: 'fresh' }, persisted: false, dirty: true, publishedVersion: null }]);
    render(<GroupEditor groupId="fresh" />);
    expect(urls).toEqual([]);
    expect(screen.queryByTestId('keyword-suggestions')).toBeNull();
  });
});

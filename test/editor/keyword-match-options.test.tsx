// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import './setup-editor-test.js';
import { GroupEditor } from '../../editor/src/keywords/GroupEditor.js';
import { newGroup } from '../../editor/src/documents/doc-actions.js';
import { useEditorStore } from '../../editor/src/store/editor-store.js';

const doc = (id: string) => useEditorStore.getState().groups[id]!.doc;

describe('keyword group match options', () => {
  it('a new group matches whole words; the checkboxes set wholeWords and pinyin', () => {
    const { id } = newGroup('改密码', ['改密码']);
    render(<GroupEditor groupId={id} />);
    const whole = screen.getByLabelText('整词匹配（不匹配词语内部）');
    expect(whole).toHaveProperty('checked', true);
    expect(doc(id).wholeWords).toBe(true);
    fireEvent.click(whole);
    fireEvent.click(screen.getByLabelText('拼音/首字母'));
    expect(doc(id)).toMatchObject({ wholeWords: false, pinyin: true });
  });

  it('a new group skips talk that closes the matter; unticking answers it again', () => {
    const { id } = newGroup('退款', ['退款']);
    render(<GroupEditor groupId={id} />);
    const settled = screen.getByLabelText('不回复了结的话');
    expect(settled).toHaveProperty('checked', true);
    expect(doc(id).skipSettled).toBe(true);
    fireEvent.click(settled);
    expect(doc(id).skipSettled).toBe(false);
  });

  it('a stored group without the options shows them unticked and leaves them absent', () => {
    useEditorStore
      .getState()
      .setGroups([
        { doc: { id: 'old', name: '物流', keywords: ['到货'] }, persisted: true, dirty: false, publishedVersion: null },
      ]);
    render(<GroupEditor groupId="old" />);
    expect(screen.getByLabelText('整词匹配（不匹配词语内部）')).toHaveProperty('checked', false);
    expect(screen.getByLabelText('拼音/首字母')).toHaveProperty('checked', false);
    expect(screen.getByLabelText('不回复了结的话')).toHaveProperty('checked', false);
    expect(doc('old')).not.toHaveProperty('wholeWords');
    expect(doc('old')).not.toHaveProperty('skipSettled');
  });

  it('「同一句里同时出现」 builds a combo of slots of chips, with its scope', () => {
    const { id } = newGroup('改密码', ['改密码']);
    render(<GroupEditor groupId={id} />);
    fireEvent.click(screen.getByRole('button', { name: '添加“同一句里同时出现”' }));
    const combo = screen.getByRole('group', { name: '组合 1' });
    const first = within(combo).getByRole('textbox', { name: '第 1 栏' });
    fireEvent.change(first, { target: { value: '密码' } });
    fireEvent.keyDown(first, { key: 'Enter' });
    fireEvent.paste(within(combo).getByRole('textbox', { name: '第 2 栏' }), {
      clipboardData: { getData: () => '忘、改、找回、重置' },
    });
    fireEvent.change(within(combo).getByLabelText('范围'), { target: { value: 'message' } });
    expect(doc(id).combos).toEqual([{ all: [['密码'], ['忘', '改', '找回', '重置']], within: 'message' }]);

    fireEvent.click(within(combo).getByRole('button', { name: '删除这个组合' }));
    expect(doc(id).combos).toEqual([]);
  });
});

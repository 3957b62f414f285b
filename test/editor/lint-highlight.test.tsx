// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { useState } from 'react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { stubLintFetch } from './setup-editor-test.js';
import { highlightSegments } from '../../editor/src/lint/highlight-segments.js';
import { LintedText } from '../../editor/src/lint/LintedText.js';
import type { LintReason } from '../../editor/src/api/documents-api.js';

const link = (start: number, end: number, field = 'content'): LintReason => ({
  code: 'EXTERNAL_LINK',
  severity: 'block',
  message: '回复中含有外部链接',
  ruleId: 'check:EXTERNAL_LINK',
  evidence: { field, text: '', start, end },
});

describe('highlightSegments', () => {
  it('cuts the text at evidence offsets, keeping plain pieces whole', () => {
    const text = '请看 taobao.com 哦';
    const segs = highlightSegments(text, [link(3, 13)], 'content');
    expect(segs.map((s) => [s.text, s.severity])).toEqual([
      ['请看 ', null],
      ['taobao.com', 'block'],
      [' 哦', null],
    ]);
  });
  it('splits overlaps, takes the stronger severity, ignores other fields and clamps offsets', () => {
    const warn: LintReason = {
      code: 'PROMOTION',
      severity: 'warn',
      message: '促销',
      ruleId: 'check:PROMOTION',
      evidence: { field: 'content', text: '', start: 0, end: 4 },
    };
    const segs = highlightSegments('限时秒杀链接', [warn, link(2, 99), link(0, 2, 'title')], 'content');
    expect(segs.map((s) => [s.text, s.severity, s.reasons.length])).toEqual([
      ['限时', 'warn', 1],
      ['秒杀', 'block', 2],
      ['链接', 'block', 1],
    ]);
  });
  it('marks a passed hit as a note, never as a warning', () => {
    // An `info` note says why a hit passed (a refusal, a warning quoting a claim): not a finding.
    const note: LintReason = {
      code: 'MEDICAL_CLAIM',
      severity: 'info',
      message: '否定语境，不计为医疗宣称',
      ruleId: 'check:MEDICAL_CLAIM',
      evidence: { field: 'content', text: '保证治愈', start: 4, end: 8 },
    };
    const segs = highlightSegments('我们不能保证治愈', [note], 'content');
    expect(segs.map((s) => [s.text, s.severity])).toEqual([
      ['我们不能', null],
      ['保证治愈', 'info'],
    ]);
  });
});

function Harness() {
  const [value, setValue] = useState('');
  return <LintedText label="回复内容" value={value} onChange={setValue} />;
}

describe('LintedText', () => {
  it('checks the text as the operator types (debounced) and highlights the evidence', async () => {
    const calls = stubLintFetch(({ reply }) => {
      const content = reply.content ?? '';
      const at = content.indexOf('https://');
      return at < 0
        ? { verdict: 'allow', reasons: [] }
        : {
            verdict: 'block',
            reasons: [
              {
                code: 'EXTERNAL_LINK',
                severity: 'block',
                message: '回复中含有外部链接（item.taobao.com）',
                ruleId: 'check:EXTERNAL_LINK',
                evidence: { field: 'content', text: content.slice(at), start: at, end: content.length },
              },
            ],
          };
    });
    render(<Harness />);
    const box = screen.getByLabelText('回复内容');
    fireEvent.change(box, { target: { value: '退款请点 ' } });
    fireEvent.change(box, { target: { value: '退款请点 https://item.taobao.com/1' } });
    await waitFor(() => expect(screen.getByTestId('lint-result').getAttribute('data-verdict')).toBe('block'));
    expect(calls).toHaveLength(1);
    expect(calls[0]!.body).toEqual({
      account: 'default',
      reply: { type: 'text', content: '退款请点 https://item.taobao.com/1' },
    });
    const mark = screen.getByTestId('lint-preview').querySelector('mark');
    expect(mark?.textContent).toBe('https://item.taobao.com/1');
    expect(mark?.className).toBe('mark-block');
    expect(screen.getByText(/回复中含有外部链接/).textContent).toContain('item.taobao.com');

    fireEvent.change(box, { target: { value: '退款请点订单页' } });
    await waitFor(() => expect(screen.getByTestId('lint-result').getAttribute('data-verdict')).toBe('allow'));
    expect(screen.queryByTestId('lint-preview')).toBeNull();
  });

  it('inserts {{nickname}} at the cursor', () => {
    stubLintFetch(() => ({ verdict: 'allow', reasons: [] }));
    render(<Harness />);
    const box = screen.getByLabelText<HTMLTextAreaElement>('回复内容');
    fireEvent.change(box, { target: { value: '，您好' } });
    box.setSelectionRange(0, 0);
    fireEvent.click(screen.getByRole('button', { name: '插入昵称' }));
    expect(box.value).toBe('{{nickname}}，您好');
  });

  it('says so when the check cannot be reached', async () => {
    stubLintFetch(() => ({}));
    const failing = async () => new Response('{"error":{"code":"STORE_UNAVAILABLE","message":"x"}}', { status: 503 });
    (globalThis as { fetch: typeof fetch }).fetch = failing as typeof fetch;
    render(<Harness />);
    fireEvent.change(screen.getByLabelText('回复内容'), { target: { value: '你好' } });
    await waitFor(() => expect(screen.getByText(/合规检查暂时不可用/)).toBeTruthy());
  });
});

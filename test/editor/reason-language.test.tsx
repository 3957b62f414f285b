// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import './setup-editor-test.js';
import { CHECK_CODES } from '../../rules-schema/index.js';
import { setupI18n } from '../../editor/src/i18n/setup-i18n.js';
import { REASON_TEXT } from '../../editor/src/i18n/reason-text.js';
import { describeReason } from '../../editor/src/lint/describe-reason.js';
import { LintReasons } from '../../editor/src/lint/LintReasons.js';
import type { LintReason } from '../../editor/src/api/documents-api.js';

const link: LintReason = {
  code: 'EXTERNAL_LINK',
  severity: 'block',
  message: '回复中含有外部链接 taobao.com，用户无法打开',
  ruleId: 'check:EXTERNAL_LINK',
  evidence: { field: 'content', text: 'taobao.com', start: 3, end: 13 },
};
const pack: LintReason = {
  code: 'pack:beauty/WHITENING_CLAIM',
  severity: 'block',
  message: '化妆品不得宣称美白祛斑功效',
  ruleId: 'pack:beauty/WHITENING_CLAIM',
  evidence: { field: 'content', text: '美白祛斑', start: 2, end: 6 },
};
const rule: LintReason = {
  code: 'rule:vip-only',
  severity: 'warn',
  message: '仅限 VIP 的说法请确认',
  ruleId: 'vip-only',
};
const lint = (reasons: LintReason[]) => ({
  result: { verdict: 'block' as const, reasons },
  pending: false,
  failed: false,
});

afterEach(() => {
  setupI18n('zh-CN');
});

describe('reasons in the UI language', () => {
  it('words every CONTRACT §7 code in English', () => {
    for (const code of CHECK_CODES) {
      const text = describeReason({ code, message: '中文原文' }, 'en');
      expect(text, code).toBe(REASON_TEXT.en[code]);
      expect(text, code).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('shows the server text in Chinese, and English by code in the English UI', () => {
    render(<LintReasons lint={lint([link])} />);
    expect(screen.getByTestId('lint-result').textContent).toContain('回复中含有外部链接 taobao.com，用户无法打开');
    setupI18n('en');
    render(<LintReasons lint={lint([link])} />);
    const english = screen.getAllByTestId('lint-result')[1]!.textContent ?? '';
    expect(english).toContain('The reply links to a site outside WeChat that is not on the allowed list.');
    expect(english).toContain('This message would be blocked');
    expect(english).not.toContain('回复中含有外部链接');
  });

  it('names a note as a note (说明), in both languages', () => {
    const note: LintReason = {
      code: 'MEDICAL_CLAIM',
      severity: 'info',
      message: '否定语境，不计为医疗宣称',
      ruleId: 'check:MEDICAL_CLAIM',
    };
    render(<LintReasons lint={{ result: { verdict: 'allow', reasons: [note] }, pending: false, failed: false }} />);
    expect(screen.getByRole('listitem').textContent).toMatch(/^说明/);
    setupI18n('en');
    render(<LintReasons lint={{ result: { verdict: 'allow', reasons: [note] }, pending: false, failed: false }} />);
    expect(screen.getAllByRole('listitem')[1]!.textContent).toMatch(/^Note Not reported/);
  });

  it("keeps the server's words for pack and custom-rule codes, which only their author can word", () => {
    setupI18n('en');
    render(<LintReasons lint={lint([pack, rule])} />);
    const items = screen.getAllByRole('listitem');
    expect(items[0]!.textContent).toContain('化妆品不得宣称美白祛斑功效');
    expect(items[1]!.textContent).toContain('仅限 VIP 的说法请确认');
  });
});

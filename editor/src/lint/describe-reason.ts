import type { LintReason } from '../api/documents-api.js';
import { NOTE_TEXT, REASON_TEXT } from '../i18n/reason-text.js';

/**
 * A check reason in the UI's language. The server words every reason in Chinese (CONTRACT §7),
 * which the Chinese UI shows as sent; other languages word the contract's codes themselves and
 * keep the server's text for pack and custom-rule codes (`pack:<id>/<CODE>`, `rule:<id>`),
 * whose wording only their author knows.
 * @example describeReason({ code: 'EXTERNAL_LINK', message: '回复中含有外部链接' }, 'en') // 'The reply links to a site outside WeChat…'
 */
export function describeReason(
  reason: Pick<LintReason, 'code' | 'message'> & Partial<Pick<LintReason, 'severity' | 'evidence'>>,
  language: string,
): string {
  if (language.startsWith('zh') || !language.startsWith('en')) return reason.message;
  // A note carries a finding's code but says the opposite: the words passed, read in their context.
  if (reason.severity === 'info') return NOTE_TEXT.en(reason.evidence?.text ?? '', reason.code);
  const table: Record<string, string> = REASON_TEXT.en;
  return table[reason.code] ?? reason.message;
}

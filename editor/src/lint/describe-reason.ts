import type { LintReason } from '../api/documents-api.js';
import { REASON_TEXT } from '../i18n/reason-text.js';

/**
 * A check reason in the UI's language. The server words every reason in Chinese (CONTRACT §7),
 * which the Chinese UI shows as sent; other languages word the contract's codes themselves and
 * keep the server's text for pack and custom-rule codes (`pack:<id>/<CODE>`, `rule:<id>`),
 * whose wording only their author knows.
 * @example describeReason({ code: 'EXTERNAL_LINK', message: '回复中含有外部链接' }, 'en') // 'The reply links to a site outside WeChat…'
 */
export function describeReason(reason: Pick<LintReason, 'code' | 'message'>, language: string): string {
  if (language.startsWith('zh')) return reason.message;
  const table: Record<string, string> | undefined = language.startsWith('en') ? REASON_TEXT.en : undefined;
  return table?.[reason.code] ?? reason.message;
}

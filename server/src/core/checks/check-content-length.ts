/**
 * CONTENT_TOO_LONG: text over the platform's byte limit (UTF-8, 2048 by default; the
 * platform answers 45002) or a news reply with more articles than allowed (45008).
 */
import type { Reply } from '../../../../rules-schema/index.js';
import type { ResolvedPolicy } from '../policy/resolve-policy.js';
import type { Reason, Severity } from '../reason.js';

/**
 * The evidence of a long text is the part past the limit, so operators see where to cut.
 */
export function checkContentLength(reply: Reply, limits: ResolvedPolicy['content'], severity: Severity): Reason[] {
  if (reply.type === 'text') {
    const { bytes, cut } = utf8Length(reply.content, limits.maxTextBytes);
    if (bytes <= limits.maxTextBytes) return [];
    const text = reply.content.slice(cut);
    return [
      {
        code: 'CONTENT_TOO_LONG',
        severity,
        message: `文字内容共 ${bytes} 字节（UTF-8），超过客服消息上限 ${limits.maxTextBytes} 字节，请删减。`,
        ruleId: 'check:CONTENT_TOO_LONG',
        evidence: { field: 'content', text, start: cut, end: reply.content.length },
      },
    ];
  }
  if (reply.type === 'news' && reply.articles.length > limits.maxArticles) {
    const first = reply.articles[limits.maxArticles];
    const title = first?.title ?? '';
    return [
      {
        code: 'CONTENT_TOO_LONG',
        severity,
        message: `图文消息含 ${reply.articles.length} 篇文章，客服消息最多 ${limits.maxArticles} 篇。`,
        ruleId: 'check:CONTENT_TOO_LONG',
        evidence: { field: `articles/${limits.maxArticles}/title`, text: title, start: 0, end: title.length },
      },
    ];
  }
  return [];
}

/** UTF-8 byte length, and the UTF-16 index of the first char that does not fit in `limit` bytes. */
function utf8Length(text: string, limit: number): { bytes: number; cut: number } {
  let bytes = 0;
  let cut = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const isPair = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length;
    const size = c < 0x80 ? 1 : c < 0x800 ? 2 : isPair ? 4 : 3;
    if (bytes + size > limit && cut === text.length) cut = i;
    bytes += size;
    if (isPair) i++;
  }
  return { bytes, cut };
}

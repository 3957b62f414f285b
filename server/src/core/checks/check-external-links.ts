/**
 * EXTERNAL_LINK: any link (bare, `<a href>`, article `url`) whose host is not on the
 * policy's allow list; `weixin://` links and mini-program anchors are platform features.
 */
import { findLinks, isHostAllowed } from '../text/find-links.js';
import type { Reason, Severity } from '../reason.js';
import type { ReplyField } from './reply-fields.js';

/**
 * @param allow hosts allowed with their subdomains (`policy.links.allow`, platform hosts included).
 */
export function checkExternalLinks(field: ReplyField, allow: readonly string[], severity: Severity): Reason[] {
  const links = findLinks(field.text);
  const reasons: Reason[] = [];
  for (const link of links) {
    if (link.platform || isHostAllowed(link.host, allow)) continue;
    const text = field.text.slice(link.start, link.end);
    reasons.push({
      code: 'EXTERNAL_LINK',
      severity,
      message: `回复中含有外部链接（${link.host || link.url}），客服消息只能发送白名单域名的链接。`,
      ruleId: 'check:EXTERNAL_LINK',
      evidence: { field: field.field, text, start: link.start, end: link.end },
    });
  }
  // An article url must be a link; one we cannot read is not sendable either.
  if (field.url && links.length === 0) {
    reasons.push({
      code: 'EXTERNAL_LINK',
      severity,
      message: `图文链接“${field.text}”不是可识别的网址，无法确认其域名在白名单内。`,
      ruleId: 'check:EXTERNAL_LINK',
      evidence: { field: field.field, text: field.text, start: 0, end: field.text.length },
    });
  }
  return reasons;
}

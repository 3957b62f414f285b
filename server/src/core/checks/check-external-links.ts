/**
 * EXTERNAL_LINK: any link (bare, `<a href>`, article `url`) whose host is not on the
 * policy's allow list; `weixin://` links and mini-program anchors are platform features.
 * A short link (t.cn, u.jd.com …) hides where it leads: it is named as one, and only an allow
 * entry for the short-link host itself lets it through, never one for a parent domain.
 */
import { domainToUnicode } from 'node:url';
import { findLinks, isHostAllowed } from '../text/find-links.js';
import { shortLinkHostOf } from '../text/short-link-hosts.js';
import type { Reason, Severity } from '../reason.js';
import type { ReplyField } from './reply-fields.js';

/**
 * @param allow hosts allowed with their subdomains (`policy.links.allow`, platform hosts included).
 */
export function checkExternalLinks(field: ReplyField, allow: readonly string[], severity: Severity): Reason[] {
  const links = findLinks(field.text);
  const reasons: Reason[] = [];
  for (const link of links) {
    if (link.platform) continue;
    const shortHost = shortLinkHostOf(link.host);
    if (shortHost === null ? isHostAllowed(link.host, allow) : isShortLinkAllowed(link.host, shortHost, allow))
      continue;
    const name = displayHost(link.host) || link.url;
    reasons.push({
      code: 'EXTERNAL_LINK',
      severity,
      message:
        shortHost === null
          ? `回复中含有外部链接（${name}），客服消息只能发送白名单域名的链接。`
          : `回复中含有短链接（${name}），短链接隐藏了真实地址，客服消息只能发送白名单域名的链接。`,
      ruleId: 'check:EXTERNAL_LINK',
      evidence: { field: field.field, text: field.text.slice(link.start, link.end), start: link.start, end: link.end },
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

/** Only allow entries at or under the short-link host count (`t.cn`, not `cn`; `u.jd.com`, not `jd.com`). */
function isShortLinkAllowed(host: string, shortHost: string, allow: readonly string[]): boolean {
  return isHostAllowed(
    host,
    allow.filter((entry) => isHostAllowed(entry, [shortHost])),
  );
}

/** A punycode host with its Unicode spelling, so an operator reads `购物.中国`. */
function displayHost(host: string): string {
  if (!host.includes('xn--')) return host;
  const unicode = domainToUnicode(host);
  return unicode !== '' && unicode !== host ? `${host}（${unicode}）` : host;
}

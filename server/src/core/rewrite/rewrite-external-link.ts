/**
 * EXTERNAL_LINK: customer-service text may not send users off-platform, so the link becomes a
 * menu entry, as the platform's own guidance shows ("今天的优惠活动在菜单栏'今日特惠'里").
 * We cannot know the account's menu, so the entry name is a placeholder the operator fills.
 */
import type { RewritePlan } from './rewrite-suggestion.js';
import type { RewriteInput } from './rewrite-input.js';

/** What replaces a link in text. */
export const MENU_ENTRY = '菜单栏「对应栏目」';

export function rewriteExternalLink({ evidence, text }: RewriteInput): RewritePlan {
  if (!evidence || text === undefined || /(^|\/)url$/.test(evidence.field)) {
    return {
      message:
        '图文消息的链接只能是公众号文章（mp.weixin.qq.com）的地址；站外页面请改发小程序卡片，或请用户从公众号菜单进入。',
    };
  }
  const message = `已把链接换成“${MENU_ENTRY}”：请把「对应栏目」改成公众号菜单里的实际名称（例如菜单栏“今日特惠”），或改发小程序卡片。`;
  const anchor = enclosingAnchor(text, evidence.start, evidence.end);
  if (anchor) {
    const label = text
      .slice(anchor.labelStart, anchor.labelEnd)
      .replace(/<[^>]*>/g, '')
      .trim();
    return {
      message,
      edit: { start: anchor.start, end: anchor.end, replacement: label ? `${label}（见${MENU_ENTRY}）` : MENU_ENTRY },
    };
  }
  return { message, edit: { start: evidence.start, end: evidence.end, replacement: MENU_ENTRY } };
}

/** An `<a …href="link"…>label</a>` around `[start, end)`: the whole anchor goes, its label stays. */
function enclosingAnchor(
  text: string,
  start: number,
  end: number,
): { start: number; end: number; labelStart: number; labelEnd: number } | null {
  const open = text.slice(0, start).search(/<a\s[^<>]*$/i);
  if (open < 0) return null;
  const tagEnd = text.indexOf('>', end);
  if (tagEnd < 0) return null;
  const close = text.toLowerCase().indexOf('</a>', tagEnd);
  if (close < 0) return { start: open, end: tagEnd + 1, labelStart: tagEnd + 1, labelEnd: tagEnd + 1 };
  return { start: open, end: close + 4, labelStart: tagEnd + 1, labelEnd: close };
}

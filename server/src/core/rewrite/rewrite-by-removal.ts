/**
 * Rewrites that can only take words out: nothing equivalent is compliant. Each says so in its
 * message, since the operator may need to reread the sentence after the cut.
 */
import type { RewritePlan } from './rewrite-suggestion.js';
import type { RewriteInput } from './rewrite-input.js';
import { codeParts } from './rewrite-input.js';
import { removeClause } from './clause-span.js';

/** INDUCED_SHARING: the reward offer is the violation; the clause that makes it goes, the rest stays. */
export function removeInducedSharing({ evidence, text }: RewriteInput): RewritePlan {
  const why = '以奖励换分享、转发或关注属于诱导分享';
  if (!evidence || text === undefined)
    return { message: `${why}，请删除奖励条件；可以欢迎用户分享，但不能为此给奖励。` };
  return {
    message: `已删除“${evidence.text}”所在的奖励分句：${why}。可以欢迎用户分享，但不能为此给奖励。`,
    edit: removeClause(text, evidence.start, evidence.end),
  };
}

/** MARKETPLACE_CODE: the code or the copy-and-open instruction goes; the menu or a mini-program carries the user instead. */
export function removeMarketplaceCode({ evidence }: RewriteInput): RewritePlan {
  const instead = '客服消息不能把用户引到站外电商平台，请引导用户从公众号菜单或小程序下单';
  if (!evidence) return { message: `请删除电商口令：${instead}。` };
  return {
    message: `已删除“${evidence.text}”：${instead}。`,
    edit: { start: evidence.start, end: evidence.end, replacement: '' },
  };
}

/** BANNED_TERM: illegal content has no compliant rewrite; it can only be removed. */
export function removeBannedTerm({ evidence }: RewriteInput): RewritePlan {
  if (!evidence) return { message: '违法违规内容无法改写，只能删除。' };
  return {
    message: `“${evidence.text}”属于违法违规内容，无法改写成合规说法，只能删除；删除后请通读一遍，必要时整句删掉。`,
    edit: { start: evidence.start, end: evidence.end, replacement: '' },
  };
}

/** A pack's own code: the industry wording it forbids is removed; the pack's message says why. */
export function removePackTerm({ code, evidence }: RewriteInput): RewritePlan {
  const pack = codeParts(code).id;
  if (!evidence) return { message: `这条由“${pack}”行业包的规则拦截，请按上面的说明修改回复。` };
  return {
    message: `已删除“${evidence.text}”：这是“${pack}”行业包禁止的说法，没有等义的合规说法。需要说明效果时，请用“效果因人而异”这类客观说法。`,
    edit: { start: evidence.start, end: evidence.end, replacement: '' },
  };
}

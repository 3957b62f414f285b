/**
 * The §7 checks that depend on the conversation rather than the text: window, quota,
 * unsubscribe, etiquette frequency, duplicates and over-marketing.
 */
import type { Reason, Severity } from '../reason.js';
import type { ResolvedPolicy } from '../policy/resolve-policy.js';
import type { ConversationState } from '../window/conversation-state.js';
import { spendGrant, windowStart, type WindowView } from '../window/window-policy.js';

interface ConversationFacts {
  state: ConversationState;
  window: WindowView;
  fingerprint: string;
  promotional: boolean;
  now: number;
}

const MESSAGES: Record<string, string> = {
  USER_UNSUBSCRIBED: '用户已取消关注，客服消息无法送达，请勿再发送。',
  WINDOW_NONE: '该用户还没有与公众号互动过（发消息、点菜单、关注或扫码），不能主动发送客服消息。',
  WINDOW_EXPIRED: '互动窗口已过期（用户发消息后 48 小时，或点击菜单/关注/扫码后 1 分钟），只能等用户再次互动。',
  QUOTA_EXHAUSTED: '本次互动可发送的客服消息条数已用完，平台会拒绝发送（45047）。',
  WINDOW_CLOSING: '互动窗口即将关闭，平台可能有延迟，此时发送有送达失败的风险，请尽快回复或引导用户再发一条消息。',
  FREQUENCY_LIMIT: '用户发一条消息，回复 2–3 条为宜；再发就是刷屏，容易触发平台预警。',
  DUPLICATE_REPLY: '短时间内给同一用户发了相同内容，会被判定为骚扰用户。',
  OVER_MARKETING: '本次互动窗口内已经发过促销内容，连续推送优惠会被判定为过度营销。',
};

function reason(code: string, severity: Severity, policy: ResolvedPolicy, extra = ''): Reason[] {
  const setting = policy.checks[code];
  if (setting?.enabled === false) return [];
  return [
    {
      code,
      severity: setting?.severity ?? severity,
      message: (MESSAGES[code] ?? code) + extra,
      ruleId: `builtin:${code}`,
    },
  ];
}

export function checkConversation(facts: ConversationFacts, policy: ResolvedPolicy): Reason[] {
  const { state, window, now } = facts;
  const reasons: Reason[] = [];
  switch (window.state) {
    case 'unsubscribed':
      reasons.push(...reason('USER_UNSUBSCRIBED', 'block', policy));
      break;
    case 'none':
      reasons.push(...reason('WINDOW_NONE', 'block', policy));
      break;
    case 'expired':
      reasons.push(...reason('WINDOW_EXPIRED', 'block', policy));
      break;
    case 'closing':
      reasons.push(
        ...reason('WINDOW_CLOSING', 'warn', policy, `（剩余 ${Math.ceil(window.remainingSeconds / 60)} 分钟）`),
      );
      break;
    case 'open':
      break;
  }
  if ((window.state === 'open' || window.state === 'closing') && window.quota.left <= 0) {
    reasons.push(...reason('QUOTA_EXHAUSTED', 'block', policy));
  }
  const max = policy.frequency.maxRepliesPerInteraction;
  if (state.lastInteractionAt !== null && state.repliesSinceInteraction >= max) {
    reasons.push(
      ...reason(
        'FREQUENCY_LIMIT',
        'block',
        policy,
        `（本次互动已回复 ${state.repliesSinceInteraction} 条，上限 ${max} 条）`,
      ),
    );
  }
  const since = now - policy.duplicates.withinMinutes * 60_000;
  if (state.recentReplies.some((r) => r.fp === facts.fingerprint && r.at > since)) {
    reasons.push(
      ...reason('DUPLICATE_REPLY', 'block', policy, `（${policy.duplicates.withinMinutes} 分钟内已发过相同内容）`),
    );
  }
  if (facts.promotional) {
    const start = windowStart(state, now) ?? Number.NEGATIVE_INFINITY;
    const sent = state.promotions.filter((at) => at >= start).length;
    if (sent >= policy.marketing.maxPromotionsPerWindow) reasons.push(...reason('OVER_MARKETING', 'block', policy));
  }
  return reasons;
}

/** Records a committed (not blocked) reply: spends the grant and feeds the etiquette counters. */
export function recordCommit(
  state: ConversationState,
  fingerprint: string,
  promotional: boolean,
  policy: ResolvedPolicy,
  now: number,
): ConversationState {
  const since = now - policy.duplicates.withinMinutes * 60_000;
  const start = windowStart(state, now) ?? now;
  return spendGrant(
    {
      ...state,
      repliesSinceInteraction: state.repliesSinceInteraction + 1,
      recentReplies: [...state.recentReplies.filter((r) => r.at > since), { fp: fingerprint, at: now }].slice(-50),
      promotions: promotional
        ? [...state.promotions.filter((at) => at >= start), now]
        : state.promotions.filter((at) => at >= start),
    },
    now,
  );
}

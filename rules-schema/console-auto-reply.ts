/**
 * The WeChat console's auto-reply vocabulary (DOMAIN §4) against ReplyFlow documents, in both
 * directions: the console import (server) builds drafts with it, and the editor's 「简单模式」 reads
 * and writes the same documents as console rules with it. One mapping, so an imported rule and a
 * rule added in the simple view mean the same thing.
 */
import type { FlowNode, KeywordGroup } from './index.js';

type TriggerData = Extract<FlowNode, { type: 'trigger' }>['data'];
type ReplyMode = NonNullable<Extract<FlowNode, { type: 'reply' }>['data']['mode']>;

/** Console match modes: 半匹配 (`contain`) and 全匹配 (`equal`). */
export type ConsoleMatchMode = 'contain' | 'equal';

/** The console's limits ([3P] copies of the 公众平台 help text, DOMAIN §4.1). */
export const CONSOLE_LIMITS = {
  rules: 200,
  ruleName: 60,
  keywords: 10,
  keywordLength: 30,
  replies: 5,
  replyLength: 300,
} as const;

/** 被关注回复: a trigger on the subscribe event. */
export const SUBSCRIBE_TRIGGER: TriggerData = { events: ['subscribe'] };

/** 收到消息回复 answers any user message no keyword rule caught. */
export const FALLBACK_TRIGGER: TriggerData = {
  messageTypes: ['text', 'image', 'voice', 'video', 'shortvideo', 'location', 'link'],
  onlyIfUnmatched: true,
};

/** `match_mode` of a console keyword → the group mode that keeps its meaning (anything but `equal` is 半匹配). */
export function groupModeOf(matchMode: unknown): 'contains' | 'exact' {
  return matchMode === 'equal' ? 'exact' : 'contains';
}

/**
 * A group as the console would say it: 半匹配 or 全匹配, or null when the group uses what the
 * console has no words for (fuzzy, regex, combos, exclusions, whole words, pinyin, skipping settled talk).
 * @example consoleMatchModeOf({ id: 'a', name: 'a', keywords: ['退款'], mode: 'exact' }) // 'equal'
 */
export function consoleMatchModeOf(group: KeywordGroup): ConsoleMatchMode | null {
  const advanced =
    group.wholeWords === true ||
    group.pinyin === true ||
    group.skipSettled === true ||
    (group.combos?.length ?? 0) > 0 ||
    (group.exclusions?.length ?? 0) > 0;
  if (advanced) return null;
  const mode = group.mode ?? 'contains';
  return mode === 'contains' ? 'contain' : mode === 'exact' ? 'equal' : null;
}

/** `reply_mode` of a console rule → the reply node's mode (回复全部 unless 随机回复一条). */
export function replyModeOf(consoleReplyMode: unknown): ReplyMode {
  return consoleReplyMode === 'random_one' ? 'random' : 'all';
}

/**
 * A keyword group that matches as the console does. No wholeWords, combos or pinyin: 半匹配 is
 * a plain substring match in the console, and a console rule keeps that meaning.
 * @example consoleKeywordGroup('wx-faq', '常见问题', ['退款'], groupModeOf('contain'))
 */
export function consoleKeywordGroup(
  id: string,
  name: string,
  keywords: string[],
  mode: 'contains' | 'exact',
  description?: string,
): KeywordGroup {
  const group: KeywordGroup = { schemaVersion: 1, id, name: name.slice(0, CONSOLE_LIMITS.ruleName), mode, keywords };
  if (description) group.description = description;
  return group;
}

/** Whether a trigger starts a 被关注回复 flow. */
export function isSubscribeTrigger(data: TriggerData): boolean {
  return data.events?.includes('subscribe') === true;
}

/** Whether a trigger starts a 收到消息回复 flow: it answers only what nothing else caught. */
export function isFallbackTrigger(data: TriggerData): boolean {
  return data.onlyIfUnmatched === true;
}

/** Whether keyword rules may hang off a trigger: it takes text messages and is neither of the above. */
export function isKeywordTrigger(data: TriggerData): boolean {
  return !isSubscribeTrigger(data) && !isFallbackTrigger(data) && data.messageTypes?.includes('text') === true;
}

/**
 * Judges one proposed reply (variables already filled) for one user at one instant:
 * content checks, conversation checks and custom rules, all reasons reported (CONTRACT §7).
 */
import type { Reason, Verdict } from '../reason.js';
import { findingsOf, verdictOf } from '../reason.js';
import type { ConversationState } from '../window/conversation-state.js';
import { windowOf, type WindowView } from '../window/window-policy.js';
import { checkConversation, recordCommit } from '../checks/conversation-checks.js';
import type { CompiledWorkspace } from './compile-workspace.js';
import { termScanner } from './scan-message.js';
import { withinBusinessHours } from './business-hours.js';
import { attachSuggestions } from '../rewrite/attach-suggestions.js';

export interface ReplyJudgement {
  verdict: Verdict;
  reasons: Reason[];
  window: WindowView;
  counters: { repliesSinceInteraction: number; maxRepliesPerInteraction: number };
  fingerprint: string;
  promotional: boolean;
}

export interface ReplyContext {
  userTags: readonly string[];
  now: number;
  /** The flow proposing the reply, when a flow does (flow-scoped allowances apply to it). */
  flowId?: string;
}

export async function judgeReply(
  compiled: CompiledWorkspace,
  state: ConversationState,
  reply: unknown,
  ctx: ReplyContext,
): Promise<ReplyJudgement> {
  const { policy } = compiled;
  const window = windowOf(state, policy, ctx.now);
  const content = compiled.content.check(
    reply,
    termScanner(compiled),
    ctx.flowId === undefined ? {} : { flowId: ctx.flowId },
  );
  const reasons = [
    ...content.reasons,
    ...checkConversation(
      { state, window, fingerprint: content.fingerprint, promotional: content.promotional, now: ctx.now },
      policy,
    ),
  ];
  if (compiled.replyRules.length > 0)
    reasons.push(...(await customRuleReasons(compiled, state, reply, window, content.promotional, reasons, ctx)));
  return {
    verdict: verdictOf(reasons),
    reasons: attachSuggestions(reply, reasons),
    window,
    counters: countersOf(state, compiled),
    fingerprint: content.fingerprint,
    promotional: content.promotional,
  };
}

export function countersOf(state: ConversationState, compiled: CompiledWorkspace) {
  return {
    repliesSinceInteraction: state.repliesSinceInteraction,
    maxRepliesPerInteraction: compiled.policy.frequency.maxRepliesPerInteraction,
  };
}

/** Applies a judged reply to the state when it may be sent (anything but block). */
export function commitJudged(
  compiled: CompiledWorkspace,
  state: ConversationState,
  judgement: ReplyJudgement,
  now: number,
): ConversationState {
  return recordCommit(state, judgement.fingerprint, judgement.promotional, compiled.policy, now);
}

/** Facts the custom rules (policy `rule:<id>` and pack rules) may test. */
async function customRuleReasons(
  compiled: CompiledWorkspace,
  state: ConversationState,
  reply: unknown,
  window: WindowView,
  promotional: boolean,
  found: Reason[],
  ctx: ReplyContext,
): Promise<Reason[]> {
  const r = reply as { type?: unknown; content?: unknown };
  const text = typeof r.content === 'string' ? r.content : '';
  const facts = {
    replyType: typeof r.type === 'string' ? r.type : '',
    text,
    textLength: text.length,
    codes: findingsOf(found).map((x) => x.code),
    windowState: window.state,
    quotaLeft: window.quota.left,
    repliesSinceInteraction: state.repliesSinceInteraction,
    userTags: [...ctx.userTags],
    withinBusinessHours: withinBusinessHours(compiled.policy.businessHours, compiled.policy.timezone, ctx.now),
    promotional,
  };
  const guardFacts = { promotional, codes: new Set(facts.codes) };
  const reasons: Reason[] = [];
  for (const rule of compiled.replyRules) {
    if (!rule.guard(guardFacts)) continue;
    for (const e of (await rule.engine.run(facts)).events) {
      const p = e.params as { code: string; severity: 'block' | 'warn'; message: string; ruleId: string };
      reasons.push({ code: p.code, severity: p.severity, message: p.message, ruleId: p.ruleId });
    }
  }
  return reasons;
}

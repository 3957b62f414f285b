/**
 * One inbound message, start to end, as a pure state transition: record the interaction,
 * run the flows, fill variables, judge each proposed reply and commit those not blocked,
 * in order (CONTRACT §8). The caller stores `next` with compare-and-set.
 */
import type { InboundMessage, Reply, UserProfile } from '../../../../rules-schema/index.js';
import type { Reason, Verdict } from '../reason.js';
import type { ConversationState } from '../window/conversation-state.js';
import { applyInteraction, grantKindOf, windowOf, type WindowView } from '../window/window-policy.js';
import type { CompiledWorkspace } from './compile-workspace.js';
import { evaluateFlows, seedOf, type GroupMatchOutcome, type Handoff, type Match } from './evaluate-flows.js';
import type { SettledGroup } from './keyword-matcher.js';
import { fillVariables } from './fill-variables.js';
import { commitJudged, judgeReply } from './check-reply.js';
import { withinBusinessHours } from './business-hours.js';

export type JudgedReply = {
  reply: Reply;
  verdict: Verdict;
  reasons: Reason[];
  committed: boolean;
  flowId: string;
  nodeId: string;
};

export type InboundResult = {
  duplicate: boolean;
  opensWindow: boolean;
  window: WindowView;
  matches: Match[];
  /** Every group node reached that matched, and whether its branch answered (one answer per flow). */
  groupMatches: GroupMatchOutcome[];
  replies: JudgedReply[];
  handoff: Handoff | null;
  trace: string[];
  path: Array<{ flowId: string; nodeId: string }>;
  tags: string[];
  /** Groups not answered because the message closed their matter (`skipSettled`); absent when none. */
  settledGroups?: SettledGroup[];
};

export interface InboundInput {
  message: InboundMessage;
  user: UserProfile | undefined;
  now: number;
  /** Seeds random-one reply nodes; the message key keeps retries and sandboxes deterministic. */
  seedKey: string;
}

export async function processInbound(
  compiled: CompiledWorkspace,
  state: ConversationState,
  input: InboundInput,
): Promise<{ next: ConversationState; result: InboundResult }> {
  const { message, now } = input;
  const { policy } = compiled;
  let next = applyInteraction(state, message, policy, now);
  const userTags = [...new Set([...(input.user?.tags ?? []), ...next.tags])];
  const window = windowOf(next, policy, now);
  const outcome = await evaluateFlows(
    compiled,
    message,
    {
      windowState: window.state,
      repliesSinceInteraction: next.repliesSinceInteraction,
      quotaLeft: window.quota.left,
      userTags,
      withinBusinessHours: withinBusinessHours(policy.businessHours, policy.timezone, now),
      messageType: message.type === 'event' ? `event:${message.event ?? ''}` : message.type,
      topics: next.topics,
      preferences: next.preferences,
    },
    seedOf(input.seedKey),
  );
  if (outcome.topics.length > 0 || outcome.tags.length > 0 || Object.keys(outcome.preferences).length > 0) {
    const topics = { ...next.topics };
    for (const g of outcome.topics) topics[g] = (topics[g] ?? 0) + 1;
    next = {
      ...next,
      topics,
      tags: [...new Set([...next.tags, ...outcome.tags])],
      preferences: { ...next.preferences, ...outcome.preferences },
    };
  }
  const vars = { nickname: input.user?.nickname, openid: message.from };
  const replies: JudgedReply[] = [];
  for (const proposed of outcome.replies) {
    const reply = fillVariables(proposed.reply, vars);
    const judgement = await judgeReply(compiled, next, reply, { userTags, now, flowId: proposed.flowId });
    const committed = judgement.verdict !== 'block';
    if (committed) next = commitJudged(compiled, next, judgement, now);
    replies.push({
      reply,
      verdict: judgement.verdict,
      reasons: judgement.reasons,
      committed,
      flowId: proposed.flowId,
      nodeId: proposed.nodeId,
    });
  }
  return {
    next,
    result: {
      duplicate: false,
      opensWindow: grantKindOf(message, policy) !== null,
      window: windowOf(next, policy, now),
      matches: outcome.matches,
      groupMatches: outcome.groupMatches,
      replies,
      handoff: outcome.handoff,
      trace: outcome.trace,
      path: outcome.path,
      tags: outcome.tags,
      ...(outcome.settledGroups.length > 0 ? { settledGroups: outcome.settledGroups } : {}),
    },
  };
}

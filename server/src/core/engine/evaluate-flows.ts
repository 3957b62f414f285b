/**
 * Runs the published flows for one inbound message: the trigger index picks the flows
 * that listen, then each is walked from its trigger along the edges the nodes choose.
 */
import type { FlowNode, InboundMessage, Reply } from '../../../../rules-schema/index.js';
import type { CompiledFlow, CompiledWorkspace, TriggerRef } from './compile-workspace.js';
import type { GroupMatch } from './keyword-matcher.js';
import { keywordMatches } from './scan-message.js';

export interface FlowFacts {
  windowState: string;
  repliesSinceInteraction: number;
  quotaLeft: number;
  userTags: string[];
  withinBusinessHours: boolean;
  messageType: string;
  topics: Record<string, number>;
}

export interface Match {
  flowId: string;
  nodeId: string;
  group: string;
  groupId: string;
  keyword: string;
}

export interface ProposedReply {
  reply: Reply;
  flowId: string;
  nodeId: string;
}

export interface Handoff {
  flowId: string;
  nodeId: string;
  queue: string | null;
  reason: string | null;
}

export interface FlowOutcome {
  matches: Match[];
  replies: ProposedReply[];
  handoff: Handoff | null;
  trace: string[];
  /** The same walk with the flow of each node: node ids are unique only within a flow. */
  path: Array<{ flowId: string; nodeId: string }>;
  tags: string[];
  /** Every keyword group the message matched, whether or not a flow reached it: the topics asked about. */
  topics: string[];
}

export function lookupKeys(message: InboundMessage): string[] {
  if (message.type !== 'event') return [`msg:${message.type}`];
  const event = message.event ?? '';
  return message.eventKey ? [`event:${event}`, `event:${event}:${message.eventKey}`] : [`event:${event}`];
}

/** FNV-1a: a stable seed so `random` reply nodes answer a retried message the same way. */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

export async function evaluateFlows(
  compiled: CompiledWorkspace,
  message: InboundMessage,
  facts: FlowFacts,
  seed: number,
): Promise<FlowOutcome> {
  const outcome: FlowOutcome = { matches: [], replies: [], handoff: null, trace: [], path: [], tags: [], topics: [] };
  const candidates: TriggerRef[] = [];
  for (const key of lookupKeys(message)) candidates.push(...(compiled.triggers.get(key) ?? []));
  if (candidates.length === 0) return outcome;
  const groupMatches = message.type === 'text' && message.content ? keywordMatches(compiled, message.content) : new Map<string, GroupMatch>();
  const refs = candidates.filter((r) => r.gate === null || [...r.gate].some((g) => groupMatches.has(g)));
  // Topic counters include this message, so "the third time the user asks" reads 3.
  outcome.topics = [...groupMatches.keys()];
  const topics = { ...facts.topics };
  for (const g of outcome.topics) topics[g] = (topics[g] ?? 0) + 1;
  facts = { ...facts, topics };
  const seen = new Set<string>();
  const walkAll = async (list: TriggerRef[]) => {
    for (const ref of list) {
      const key = `${ref.flow.id}/${ref.nodeId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      await walk(ref.flow, ref.nodeId, { compiled, facts, groupMatches, outcome, seed });
    }
  };
  await walkAll(refs.filter((r) => !r.onlyIfUnmatched));
  // Fallback triggers ("收到消息回复") answer only what no keyword group caught.
  if (outcome.matches.length === 0) await walkAll(refs.filter((r) => r.onlyIfUnmatched));
  return outcome;
}

interface WalkContext {
  compiled: CompiledWorkspace;
  facts: FlowFacts;
  groupMatches: Map<string, GroupMatch>;
  outcome: FlowOutcome;
  seed: number;
}

async function walk(flow: CompiledFlow, start: string, ctx: WalkContext): Promise<void> {
  const visited = new Set<string>();
  const stack = [start];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (visited.has(id)) continue;
    visited.add(id);
    const node = flow.nodes.get(id);
    if (!node) continue;
    ctx.outcome.trace.push(id);
    ctx.outcome.path.push({ flowId: flow.id, nodeId: id });
    const handle = node.type === 'condition' ? await conditionHandle(flow, node.id, ctx) : visit(flow, node, ctx);
    const next = (flow.out.get(id) ?? []).filter((e) => follows(e.sourceHandle ?? null, handle));
    // Depth-first in document order: push in reverse so the first edge is walked first.
    for (let i = next.length - 1; i >= 0; i--) stack.push((next[i] as { target: string }).target);
  }
}

/** An unnamed edge is the default way out: taken on a match or a true condition. */
function follows(edgeHandle: string | null, handle: string | null): boolean {
  return handle === null || edgeHandle === handle || (edgeHandle === null && (handle === 'match' || handle === 'true'));
}

async function conditionHandle(flow: CompiledFlow, nodeId: string, ctx: WalkContext): Promise<string> {
  const engine = flow.conditions.get(nodeId);
  const result = engine ? await engine.run({ ...ctx.facts }) : { events: [] };
  return result.events.length > 0 ? 'true' : 'false';
}

/** Does the node's work and names the handle to leave by (null: the single way out). */
function visit(flow: CompiledFlow, node: Exclude<FlowNode, { type: 'condition' }>, ctx: WalkContext): string | null {
  const { outcome } = ctx;
  switch (node.type) {
    case 'trigger':
      return null;
    case 'keywordGroup': {
      const match = ctx.groupMatches.get(node.data.groupId);
      if (!match) return 'else';
      outcome.matches.push({ flowId: flow.id, nodeId: node.id, group: match.group, groupId: match.groupId, keyword: match.keyword });
      return 'match';
    }
    case 'reply': {
      const replies = node.data.replies as Reply[];
      const chosen = node.data.mode === 'random' ? [replies[ctx.seed % replies.length] as Reply] : replies;
      for (const reply of chosen) outcome.replies.push({ reply, flowId: flow.id, nodeId: node.id });
      return null;
    }
    case 'followUp':
      outcome.replies.push({ reply: { type: 'text', content: node.data.question }, flowId: flow.id, nodeId: node.id });
      return null;
    case 'handoff':
      outcome.handoff ??= { flowId: flow.id, nodeId: node.id, queue: node.data.queue ?? null, reason: node.data.reason ?? null };
      return null;
    case 'recordTag':
      outcome.tags.push(...node.data.tags);
      return null;
  }
}

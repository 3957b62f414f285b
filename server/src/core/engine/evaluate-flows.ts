/**
 * Runs the published flows for one inbound message: the trigger index picks the flows
 * that listen, then each is walked from its trigger along the edges the nodes choose.
 *
 * A flow that answers one group per message (`keywordAnswers: "one"`, the default) walks in
 * rounds: a keyword-group node whose group matched stops the walk there; once nothing else
 * can be reached, the winner among the stopped nodes goes on by `match` and the others by
 * neither branch. Only reachable nodes contend, so a group behind a false condition or behind
 * another group's `else` never silences one that can answer.
 */
import type { FlowNode, InboundMessage, Reply } from '../../../../rules-schema/index.js';
import type { CompiledFlow, CompiledWorkspace, TriggerRef } from './compile-workspace.js';
import type { GroupMatch, SettledGroup } from './keyword-matcher.js';
import { pickWinningGroup, type Contender } from './pick-winning-group.js';
import { keywordScan } from './scan-message.js';

export interface FlowFacts {
  windowState: string;
  repliesSinceInteraction: number;
  quotaLeft: number;
  userTags: string[];
  withinBusinessHours: boolean;
  messageType: string;
  topics: Record<string, number>;
  preferences: Record<string, string>;
}

export type Match = {
  flowId: string;
  nodeId: string;
  group: string;
  groupId: string;
  keyword: string;
};

/** A keyword-group node reached whose group matched; `won: false` when another group of its flow answered. */
export type GroupMatchOutcome = Match & {
  won: boolean;
};

export interface ProposedReply {
  reply: Reply;
  flowId: string;
  nodeId: string;
}

/** A type, not an interface: it is a JSON value of the `/inbound` answer (checked against its schema's open object). */
export type Handoff = {
  flowId: string;
  nodeId: string;
  queue: string | null;
  reason: string | null;
};

export interface FlowOutcome {
  matches: Match[];
  groupMatches: GroupMatchOutcome[];
  replies: ProposedReply[];
  handoff: Handoff | null;
  trace: string[];
  /** The same walk with the flow of each node: node ids are unique only within a flow. */
  path: Array<{ flowId: string; nodeId: string }>;
  tags: string[];
  /** Every keyword group the message matched, whether or not a flow reached it: the topics asked about. */
  topics: string[];
  /** What `recordPreference` nodes set, in walk order (a later node of the same key wins). */
  preferences: Record<string, string>;
  /** Groups not answered because the message closed their matter (`skipSettled`): shown, never silent. */
  settledGroups: SettledGroup[];
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
  const outcome: FlowOutcome = {
    matches: [],
    groupMatches: [],
    replies: [],
    handoff: null,
    trace: [],
    path: [],
    tags: [],
    topics: [],
    preferences: {},
    settledGroups: [],
  };
  const candidates: TriggerRef[] = [];
  for (const key of lookupKeys(message)) candidates.push(...(compiled.triggers.get(key) ?? []));
  if (candidates.length === 0) return outcome;
  const scan =
    message.type === 'text' && message.content
      ? keywordScan(compiled, message.content)
      : { matches: new Map<string, GroupMatch>(), settled: [] };
  const groupMatches = scan.matches;
  outcome.settledGroups = scan.settled;
  const refs = candidates.filter((r) => r.gate === null || [...r.gate].some((g) => groupMatches.has(g)));
  // Topic counters include this message, so "the third time the user asks" reads 3.
  outcome.topics = [...groupMatches.keys()];
  const topics = { ...facts.topics };
  for (const g of outcome.topics) topics[g] = (topics[g] ?? 0) + 1;
  facts = { ...facts, topics };
  const seen = new Set<string>();
  const ctx: WalkContext = { compiled, facts, groupMatches, outcome, seed };
  const walkAll = async (list: TriggerRef[]) => {
    // Triggers grouped by flow: one answer per message is per flow, whichever trigger reached the groups.
    const starts = new Map<CompiledFlow, string[]>();
    for (const ref of list) {
      const key = `${ref.flow.id}/${ref.nodeId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      starts.set(ref.flow, [...(starts.get(ref.flow) ?? []), ref.nodeId]);
    }
    for (const [flow, triggerIds] of starts) await walkFlow(flow, triggerIds, ctx);
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

/** A matched group node waiting for its flow's contest; its walk resumes from it if it wins. */
interface Stopped extends Contender {
  visited: Set<string>;
}

/** One flow's walk: the contest is null when every matching group answers (`keywordAnswers: "all"`). */
interface FlowWalk {
  flow: CompiledFlow;
  contest: Stopped[] | null;
  visited: Set<string>;
}

/** A handle no edge follows: the node is a dead end for this message. */
const STOP = 'stop';

async function walkFlow(flow: CompiledFlow, triggerIds: readonly string[], ctx: WalkContext): Promise<void> {
  const contest: Stopped[] | null = flow.keywordAnswers === 'one' ? [] : null;
  for (const id of triggerIds) await walk({ flow, contest, visited: new Set() }, [id], ctx);
  // A round per level: the winner's own branch may hold groups that refine it, and they contend in turn.
  while (contest && contest.length > 0) {
    const round = contest.splice(0);
    const winner = pickWinningGroup(round as [Stopped, ...Stopped[]]);
    for (const c of round) recordGroupMatch(flow, c.nodeId, c.match, c === winner, ctx.outcome);
    const next = (flow.out.get(winner.nodeId) ?? []).filter((e) => follows(e.sourceHandle ?? null, 'match'));
    await walk(
      { flow, contest, visited: winner.visited },
      next.map((e) => e.target),
      ctx,
    );
  }
}

/** Walks depth-first from `starts`, in order, along the edges each node chooses. */
async function walk(state: FlowWalk, starts: readonly string[], ctx: WalkContext): Promise<void> {
  const { flow, visited } = state;
  // Depth-first in document order: push in reverse so the first edge is walked first.
  const stack = [...starts].reverse();
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (visited.has(id)) continue;
    visited.add(id);
    const node = flow.nodes.get(id);
    if (!node) continue;
    ctx.outcome.trace.push(id);
    ctx.outcome.path.push({ flowId: flow.id, nodeId: id });
    const handle = node.type === 'condition' ? await conditionHandle(flow, node.id, ctx) : visit(state, node, ctx);
    const next = (flow.out.get(id) ?? []).filter((e) => follows(e.sourceHandle ?? null, handle));
    for (let i = next.length - 1; i >= 0; i--) stack.push((next[i] as { target: string }).target);
  }
}

/** An unnamed edge is the default way out: taken on a match or a true condition. */
function follows(edgeHandle: string | null, handle: string | null): boolean {
  if (handle === STOP) return false;
  return handle === null || edgeHandle === handle || (edgeHandle === null && (handle === 'match' || handle === 'true'));
}

/** A matched group node in the answer: in `groupMatches` always, in `matches` when its branch is walked. */
function recordGroupMatch(
  flow: CompiledFlow,
  nodeId: string,
  match: GroupMatch,
  won: boolean,
  outcome: FlowOutcome,
): void {
  const entry = { flowId: flow.id, nodeId, group: match.group, groupId: match.groupId, keyword: match.keyword };
  outcome.groupMatches.push({ ...entry, won });
  if (won) outcome.matches.push(entry);
}

async function conditionHandle(flow: CompiledFlow, nodeId: string, ctx: WalkContext): Promise<string> {
  const engine = flow.conditions.get(nodeId);
  const result = engine ? await engine.run({ ...ctx.facts }) : { events: [] };
  return result.events.length > 0 ? 'true' : 'false';
}

/** Does the node's work and names the handle to leave by (null: the single way out). */
function visit(state: FlowWalk, node: Exclude<FlowNode, { type: 'condition' }>, ctx: WalkContext): string | null {
  const { flow } = state;
  const { outcome } = ctx;
  switch (node.type) {
    case 'trigger':
      return null;
    case 'keywordGroup': {
      const match = ctx.groupMatches.get(node.data.groupId);
      if (!match) return 'else';
      if (state.contest) {
        const rank = flow.groupRanks.get(node.id) ?? { priority: 0, order: Number.MAX_SAFE_INTEGER };
        state.contest.push({ nodeId: node.id, match, rank, visited: state.visited });
        return STOP;
      }
      recordGroupMatch(flow, node.id, match, true, outcome);
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
      outcome.handoff ??= {
        flowId: flow.id,
        nodeId: node.id,
        queue: node.data.queue ?? null,
        reason: node.data.reason ?? null,
      };
      return null;
    case 'recordTag':
      outcome.tags.push(...node.data.tags);
      return null;
    case 'recordPreference':
      outcome.preferences[node.data.key] = node.data.value;
      return null;
  }
}

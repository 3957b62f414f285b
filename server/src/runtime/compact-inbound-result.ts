/**
 * What an inbound record keeps of a message's result (staged for a crash retry, then the answer
 * to duplicates): the same result, without what it repeats. Empty lists, a null hand-off and
 * `duplicate` are left out (a message that produced nothing keeps its window and path alone), the
 * path is kept once per flow, and `trace` and `matches` — in today's engine the path's node ids
 * and the groups that won — are kept only where they differ from that, so the expansion is exact
 * whatever the engine returns. A record written before this form (a full result) reads as it is.
 */
import type { InboundResult } from '../core/engine/process-inbound.js';
import type { GroupMatchOutcome, Match } from '../core/engine/evaluate-flows.js';

/** `p`: the path as runs of one flow, `[flowId, nodeId, …]`. */
export interface CompactInboundResult {
  compact: 1;
  opensWindow: boolean;
  window: InboundResult['window'];
  p?: string[][];
  trace?: string[];
  groupMatches?: GroupMatchOutcome[];
  matches?: Match[];
  replies?: InboundResult['replies'];
  handoff?: NonNullable<InboundResult['handoff']>;
  tags?: string[];
  settledGroups?: NonNullable<InboundResult['settledGroups']>;
}

export function compactInboundResult(r: InboundResult): CompactInboundResult {
  const p: string[][] = [];
  for (const step of r.path) {
    const run = p[p.length - 1];
    if (run && run[0] === step.flowId) run.push(step.nodeId);
    else p.push([step.flowId, step.nodeId]);
  }
  const out: CompactInboundResult = { compact: 1, opensWindow: r.opensWindow, window: r.window };
  if (p.length > 0) out.p = p;
  if (!sameJson(r.trace, traceOf(r.path))) out.trace = r.trace;
  if (r.groupMatches.length > 0) out.groupMatches = r.groupMatches;
  if (!sameJson(r.matches, matchesOf(r.groupMatches))) out.matches = r.matches;
  if (r.replies.length > 0) out.replies = r.replies;
  if (r.handoff !== null) out.handoff = r.handoff;
  if (r.tags.length > 0) out.tags = r.tags;
  if (r.settledGroups) out.settledGroups = r.settledGroups;
  return out;
}

/** The result as first returned (`duplicate: false`), from either stored form. */
export function expandInboundResult(stored: unknown): InboundResult {
  // Written by this module or, before it, as the full result (parse boundary).
  const c = stored as CompactInboundResult | InboundResult;
  if (!('compact' in c)) return c;
  const path = (c.p ?? []).flatMap(([flowId = '', ...nodes]) => nodes.map((nodeId) => ({ flowId, nodeId })));
  const groupMatches = c.groupMatches ?? [];
  return {
    duplicate: false,
    opensWindow: c.opensWindow,
    window: c.window,
    matches: c.matches ?? matchesOf(groupMatches),
    groupMatches,
    replies: c.replies ?? [],
    handoff: c.handoff ?? null,
    trace: c.trace ?? traceOf(path),
    path,
    tags: c.tags ?? [],
    ...(c.settledGroups ? { settledGroups: c.settledGroups } : {}),
  };
}

function traceOf(path: InboundResult['path']): string[] {
  return path.map((s) => s.nodeId);
}

function matchesOf(groupMatches: readonly GroupMatchOutcome[]): Match[] {
  return groupMatches.filter((g) => g.won).map(({ won: _won, ...match }) => match);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

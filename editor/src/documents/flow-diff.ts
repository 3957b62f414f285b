import type { TFunction } from 'i18next';
import type { Flow, FlowCondition, FlowEdge, FlowNode } from '../../../rules-schema/index.js';
import { nodeLabel } from '../canvas/node-label.js';
import { describeCondition } from '../panels/condition-choices.js';
import { summarizeReply } from '../panels/reply-defaults.js';
import { nodeSpecs } from '../nodes/node-specs.js';
import type { ChangeLine } from './change-line.js';
import { settingChange } from './setting-change.js';

export interface DiffContext {
  t: TFunction;
  /** A keyword group's name by id, for node labels. */
  groupName: (id: string) => string | undefined;
}

/**
 * What changed from one version of a flow to another, as the operator would say it: nodes
 * added or removed, reply texts, keyword-group targets, conditions, connections by node labels
 * and exit names, and the flow's settings. Positions are ignored: moving a node changes nothing
 * a user receives.
 * @example flowDiff(v1, draft, ctx) // [{ tone: 'change', text: '回复消息「您好」的第 1 条回复', before: '您好', after: '您好，在的' }]
 */
export function flowDiff(before: Flow, after: Flow, ctx: DiffContext): ChangeLine[] {
  const { t } = ctx;
  const lines: ChangeLine[] = [
    ...settingChange(t('flow.name'), before.name, after.name),
    ...settingChange(t('flow.description'), before.description ?? '', after.description ?? ''),
    ...settingChange(t('flow.enabled'), onOff(before.enabled !== false, t), onOff(after.enabled !== false, t)),
    ...settingChange(
      t('flow.keywordAnswers.label'),
      t(`flow.keywordAnswers.${before.keywordAnswers ?? 'one'}`),
      t(`flow.keywordAnswers.${after.keywordAnswers ?? 'one'}`),
    ),
  ];
  const old = new Map(before.nodes.map((n) => [n.id, n]));
  const now = new Map(after.nodes.map((n) => [n.id, n]));
  const label = (node: FlowNode) => nodeLabel(node, t, ctx.groupName);
  for (const n of before.nodes)
    if (!now.has(n.id)) lines.push({ tone: 'remove', text: t('diff.nodeRemoved', { node: label(n) }) });
  for (const n of after.nodes) {
    const was = old.get(n.id);
    if (!was) lines.push({ tone: 'add', text: t('diff.nodeAdded', { node: label(n) }) });
    else lines.push(...nodeChanges(was, n, ctx));
  }
  // Edges are named by what they join, not by id: re-drawing the same connection is no change.
  const nodeOf = (id: string) => now.get(id) ?? old.get(id);
  const edgeKey = (e: FlowEdge) => `${e.source}\u0000${e.sourceHandle ?? ''}\u0000${e.target}`;
  const oldEdges = new Set(before.edges.map(edgeKey));
  const newEdges = new Set(after.edges.map(edgeKey));
  const describeEdge = (e: FlowEdge) => {
    const from = nodeOf(e.source);
    const to = nodeOf(e.target);
    return t('diff.edge', {
      from: from ? label(from) : e.source,
      exit: e.sourceHandle ? t('diff.exit', { exit: t(`handle.${e.sourceHandle}`) }) : '',
      to: to ? label(to) : e.target,
    });
  };
  for (const e of before.edges)
    if (!newEdges.has(edgeKey(e)))
      lines.push({ tone: 'remove', text: t('diff.edgeRemoved', { edge: describeEdge(e) }) });
  for (const e of after.edges)
    if (!oldEdges.has(edgeKey(e))) lines.push({ tone: 'add', text: t('diff.edgeAdded', { edge: describeEdge(e) }) });
  return lines;
}

/** The changes inside one node kept in both versions; its position does not count. */
function nodeChanges(was: FlowNode, now: FlowNode, ctx: DiffContext): ChangeLine[] {
  const { t } = ctx;
  if (sameJson({ ...was, position: null }, { ...now, position: null })) return [];
  const node = nodeLabel(now, t, ctx.groupName);
  const lines: ChangeLine[] = [];
  if (was.type === 'reply' && now.type === 'reply') {
    lines.push(
      ...settingChange(
        t('diff.in', { node, setting: t('reply.mode.label') }),
        t(`reply.mode.${was.data.mode ?? 'all'}`),
        t(`reply.mode.${now.data.mode ?? 'all'}`),
      ),
    );
    const count = Math.max(was.data.replies.length, now.data.replies.length);
    for (let i = 0; i < count; i++) {
      const a = was.data.replies[i];
      const b = now.data.replies[i];
      const n = i + 1;
      if (a && !b)
        lines.push({ tone: 'remove', text: t('diff.replyRemoved', { node, n }), before: summarizeReply(a, t) });
      else if (!a && b)
        lines.push({ tone: 'add', text: t('diff.replyAdded', { node, n }), after: summarizeReply(b, t) });
      else if (a && b && !sameJson(a, b)) {
        const [x, y] = [a, b].map((r) => (r.type === 'text' ? r.content : summarizeReply(r, t)));
        lines.push({ tone: 'change', text: t('diff.replyChanged', { node, n }), before: x, after: y });
      }
    }
  } else if (was.type === 'keywordGroup' && now.type === 'keywordGroup') {
    const name = (id: string) => ctx.groupName(id) ?? id;
    if (was.data.groupId !== now.data.groupId)
      lines.push({
        tone: 'change',
        text: t('diff.groupTarget', { before: name(was.data.groupId), after: name(now.data.groupId) }),
      });
    lines.push(
      ...settingChange(
        t('diff.in', { node, setting: t('keywordGroup.priority') }),
        String(was.data.priority ?? 0),
        String(now.data.priority ?? 0),
      ),
    );
  } else if (was.type === 'condition' && now.type === 'condition') {
    lines.push(
      ...settingChange(
        t('diff.in', { node, setting: t('condition.match.label') }),
        t(`condition.match.${was.data.match ?? 'all'}`),
        t(`condition.match.${now.data.match ?? 'all'}`),
      ),
    );
    const say = (c: FlowCondition) =>
      c.topic ? `${describeCondition(c, t)}（${ctx.groupName(c.topic) ?? c.topic}）` : describeCondition(c, t);
    const keys = (cs: FlowCondition[]) => new Set(cs.map((c) => JSON.stringify(c)));
    const [had, has] = [keys(was.data.conditions), keys(now.data.conditions)];
    for (const c of was.data.conditions)
      if (!has.has(JSON.stringify(c)))
        lines.push({ tone: 'remove', text: t('diff.conditionRemoved', { node, condition: say(c) }) });
    for (const c of now.data.conditions)
      if (!had.has(JSON.stringify(c)))
        lines.push({ tone: 'add', text: t('diff.conditionAdded', { node, condition: say(c) }) });
  }
  // Anything else that changed (a trigger's messages, a tag, a handoff queue, a node's kind or
  // name) is shown as the node's summary before and after: a change is never silently dropped.
  if (lines.length === 0)
    lines.push({
      tone: 'change',
      text: t('diff.nodeChanged', { node }),
      before: summary(was, ctx),
      after: summary(now, ctx),
    });
  return lines;
}

function summary(node: FlowNode, ctx: DiffContext): string {
  const spec = nodeSpecs[node.type];
  // The registry is indexed by the node's own type, so its summary takes this node's data.
  const summarize = spec.summary as (data: unknown, c: DiffContext) => string;
  return [node.label, ctx.t(spec.label), summarize(node.data, ctx)].filter(Boolean).join(' · ');
}

const onOff = (on: boolean, tr: TFunction) => tr(on ? 'diff.on' : 'diff.off');
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

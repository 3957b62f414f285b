import { consoleKeywordGroup, isKeywordTrigger } from '../../../rules-schema/console-auto-reply.js';
import { dataOf, type EditorEdge, type EditorNode } from '../model/flow-types.js';
import { newId } from '../model/new-id.js';
import { placeNode } from '../model/place-node.js';
import { useEditorStore } from '../store/editor-store.js';

export interface NewKeywordRule {
  name: string;
  keywords: string[];
  reply: string;
}

/** Room left between a node and the next step of the flow (a node is about 220 wide). */
const STEP = 300;
/** A node's height before React Flow has measured it, and the room kept below it. */
const HEIGHT = 110;
const GAP = 24;

/**
 * 「添加规则」 in the open flow: a new keyword group that matches as the console does (半匹配),
 * a keyword-group node and a reply node, wired trigger → group → (匹配) → reply, in one undo
 * step. Both nodes go below the rules already there, where there is free room (see {@link placeNode}). The group is a draft,
 * saved and published with the flow.
 * @example addKeywordRule({ name: '发票', keywords: ['发票'], reply: '开票请在订单页申请' })
 */
export function addKeywordRule(
  rule: NewKeywordRule,
): { groupId: string; groupNodeId: string; replyNodeId: string } | null {
  const s = useEditorStore.getState();
  if (!s.meta) return null;
  const group = consoleKeywordGroup(newId('kg'), rule.name, rule.keywords, 'contains');
  s.putGroup(group, { persisted: false, dirty: true, publishedVersion: null });

  const nodes: EditorNode[] = [...s.nodes];
  const edges: EditorEdge[] = [...s.edges];
  let trigger = nodes.find((n) => n.type === 'trigger' && isKeywordTrigger(dataOf(n, 'trigger')));
  if (!trigger) {
    trigger = {
      id: newId('trigger'),
      type: 'trigger',
      position: placeNode(nodes, { x: 0, y: 0 }),
      data: { messageTypes: ['text'] },
    };
    nodes.push(trigger);
  }
  const column = columnsAfter(trigger, nodes, edges);
  const groupNode: EditorNode = {
    id: newId('keywordGroup'),
    type: 'keywordGroup',
    position: placeNode(nodes, column.group),
    data: { groupId: group.id },
  };
  nodes.push(groupNode);
  const replyNode: EditorNode = {
    id: newId('reply'),
    type: 'reply',
    position: placeNode(nodes, { x: column.replyX ?? groupNode.position.x + STEP, y: groupNode.position.y }),
    data: { mode: 'all', replies: [{ type: 'text', content: rule.reply }] },
  };
  nodes.push(replyNode);
  edges.push(
    { id: newId('e'), source: trigger.id, target: groupNode.id, sourceHandle: null },
    { id: newId('e'), source: groupNode.id, target: replyNode.id, sourceHandle: 'match' },
  );
  s.record();
  useEditorStore.setState({ nodes, edges, dirty: true });
  return { groupId: group.id, groupNodeId: groupNode.id, replyNodeId: replyNode.id };
}

/**
 * Where a new rule reads best: its group below the trigger's other branches, in their column,
 * and its reply in the column of their replies; right of the trigger when it has no branches.
 */
function columnsAfter(
  trigger: EditorNode,
  nodes: readonly EditorNode[],
  edges: readonly EditorEdge[],
): { group: { x: number; y: number }; replyX: number | null } {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const branches = edges.filter((e) => e.source === trigger.id).flatMap((e) => byId.get(e.target) ?? []);
  if (branches.length === 0) return { group: { x: trigger.position.x + STEP, y: trigger.position.y }, replyX: null };
  const ids = new Set(branches.map((n) => n.id));
  const replies = edges
    .filter((e) => ids.has(e.source) && e.sourceHandle === 'match')
    .flatMap((e) => byId.get(e.target) ?? []);
  // Below both columns, so the new group and its reply sit on one line.
  const bottom = Math.max(...[...branches, ...replies].map((n) => n.position.y + (n.measured?.height ?? HEIGHT)));
  return {
    group: { x: Math.min(...branches.map((n) => n.position.x)), y: bottom + GAP },
    replyX: replies.length > 0 ? Math.min(...replies.map((n) => n.position.x)) : null,
  };
}

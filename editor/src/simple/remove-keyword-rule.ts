import { useEditorStore } from '../store/editor-store.js';
import type { KeywordRule } from './read-console-rules.js';

/**
 * 「删除规则」 in the open flow: removes the keyword-group node and its reply node (the reply only
 * when nothing else leads to it) with their connections, in one undo step. The keyword group
 * document stays: other flows may use it, and the 关键词组 view deletes it.
 */
export function removeKeywordRule(rule: Pick<KeywordRule, 'groupNodeId' | 'replyNodeId'>): void {
  const s = useEditorStore.getState();
  const sharedReply = s.edges.some((e) => e.target === rule.replyNodeId && e.source !== rule.groupNodeId);
  const gone = new Set(sharedReply ? [rule.groupNodeId] : [rule.groupNodeId, rule.replyNodeId]);
  s.record();
  useEditorStore.setState({
    nodes: s.nodes.filter((n) => !gone.has(n.id)),
    edges: s.edges.filter((e) => !gone.has(e.source) && !gone.has(e.target)),
    dirty: true,
  });
}

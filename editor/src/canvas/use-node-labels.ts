import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditorStore } from '../store/editor-store.js';
import { useGraphShape } from '../store/use-graph-shape.js';
import { nodeLabel } from './node-label.js';

/**
 * Every node of the open flow by id → its label (see {@link nodeLabel}); unchanged by drags.
 * Nodes that would read the same are numbered in canvas order: 回复消息「您好」 (2).
 */
export function useNodeLabels(): Map<string, string> {
  const { t } = useTranslation();
  const nodes = useGraphShape();
  const groups = useEditorStore((s) => s.groups);
  return useMemo(() => {
    const groupName = (id: string) => groups[id]?.doc.name;
    const seen = new Map<string, number>();
    return new Map(
      nodes.map((n) => {
        const label = nodeLabel(n, t, groupName);
        const n2 = (seen.get(label) ?? 0) + 1;
        seen.set(label, n2);
        return [n.id, n2 > 1 ? `${label} (${n2})` : label];
      }),
    );
  }, [nodes, groups, t]);
}

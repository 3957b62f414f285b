import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { EditorNode } from '../model/flow-types.js';
import { useEditorStore } from './editor-store.js';

/** A node as checks, costs and labels see it: no position, no selection. */
export type ShapeNode = Pick<EditorNode, 'id' | 'type' | 'data'> & { position: { x: number; y: number } };

const ORIGIN = { x: 0, y: 0 };

/**
 * The open flow's nodes without their positions or selection, stable while nodes are dragged
 * or selected: subscribe to this, not to `s.nodes`, unless the component draws positions.
 * React Flow's changes keep each node's `data` object, so comparing ids, kinds and data by
 * reference (zustand's shallow equality over one flat list) tells a move from an edit.
 * @example const nodes = useGraphShape(); // re-renders on edits, not on drag frames
 */
export function useGraphShape(): ShapeNode[] {
  const flat = useEditorStore(useShallow((s) => s.nodes.flatMap((n) => [n.id, n.type, n.data])));
  return useMemo(() => {
    const nodes: ShapeNode[] = [];
    for (let i = 0; i < flat.length; i += 3) {
      // The flat list is [id, type, data] triples built just above.
      nodes.push({
        id: flat[i] as string,
        type: flat[i + 1] as EditorNode['type'],
        data: flat[i + 2] as EditorNode['data'],
        position: ORIGIN,
      });
    }
    return nodes;
  }, [flat]);
}

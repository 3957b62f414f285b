import { useReactFlow, useStoreApi } from '@xyflow/react';
import type { NodeKind } from '../model/flow-types.js';
import { placeNode, placementAnchor } from '../model/place-node.js';
import { useEditorStore } from '../store/editor-store.js';

/** The kinds an exit may lead to: anything but a trigger, which only starts a flow. */
export const TARGET_KINDS: readonly NodeKind[] = [
  'keywordGroup',
  'condition',
  'reply',
  'handoff',
  'recordTag',
  'recordPreference',
  'followUp',
];

/** Half a node's height: a node made from a dragged edge has its entry at the pointer. */
const HALF_HEIGHT = 55;

/**
 * Adds nodes where there is room: from the palette (beside the selection or in the middle of
 * the view), where one was dropped, and at the end of an edge dragged onto empty canvas.
 * Never on top of another node (see {@link placeNode}).
 */
export function useAddNode() {
  const { getViewport, screenToFlowPosition } = useReactFlow();
  const flowStore = useStoreApi();
  return {
    addInView(kind: NodeKind): string {
      const { width, height } = flowStore.getState();
      const { x, y, zoom } = getViewport();
      const centre = { x: (width / 2 - x) / zoom, y: (height / 2 - y) / zoom };
      const { nodes, addNode } = useEditorStore.getState();
      return addNode(kind, placeNode(nodes, placementAnchor(nodes, centre)));
    },
    addAt(kind: NodeKind, client: { x: number; y: number }): string {
      const { nodes, addNode } = useEditorStore.getState();
      return addNode(kind, placeNode(nodes, screenToFlowPosition(client)));
    },
    addConnected(
      kind: NodeKind,
      client: { x: number; y: number },
      from: { source: string; sourceHandle: string | null },
    ): string | null {
      const { nodes, addConnectedNode } = useEditorStore.getState();
      const at = screenToFlowPosition(client);
      return addConnectedNode(kind, placeNode(nodes, { x: at.x, y: at.y - HALF_HEIGHT }), from);
    },
  };
}

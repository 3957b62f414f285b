import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useEditorStore } from '../store/editor-store.js';

/**
 * Selects and centres the node a dialog outside the canvas asked for (the publish gate's
 * list): those dialogs live outside React Flow's provider, so they ask through the store.
 */
export function NodeFocus() {
  const request = useEditorStore((s) => s.focusRequest);
  const { fitView } = useReactFlow();
  useEffect(() => {
    if (!request) return;
    const { nodes, selectNode } = useEditorStore.getState();
    // Handled once: coming back to the flows view later does not jump to it again.
    useEditorStore.setState({ focusRequest: null });
    if (!nodes.some((n) => n.id === request.nodeId)) return;
    selectNode(request.nodeId);
    void fitView({ nodes: [{ id: request.nodeId }], duration: 300, maxZoom: 1.2 });
  }, [request, fitView]);
  return null;
}

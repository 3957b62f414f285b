import { useCallback, useMemo, type DragEvent } from 'react';
import { Background, Controls, MiniMap, ReactFlow, useReactFlow, type Connection, type Edge, type IsValidConnection } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { checkConnection } from '../model/connection-rules.js';
import type { EditorNode, NodeKind } from '../model/flow-types.js';
import { nodeSpecs } from '../nodes/node-specs.js';
import { useEditorStore } from '../store/editor-store.js';
import { NodeShell } from './NodeShell.js';
import { PALETTE_MIME } from './Palette.js';

const nodeTypes = Object.fromEntries(Object.keys(nodeSpecs).map((k) => [k, NodeShell]));

/** The React Flow canvas over the store's nodes and edges. */
export function FlowCanvas() {
  const { t } = useTranslation();
  const nodes = useEditorStore((s) => s.nodes);
  const storeEdges = useEditorStore((s) => s.edges);
  const lit = useEditorStore((s) => s.lit);
  // The sandbox's lit path is drawn on copies: React Flow's edge objects never reach the document.
  const edges = useMemo(
    () =>
      lit.edges.length + lit.triedEdges.length === 0
        ? storeEdges
        : storeEdges.map((e) =>
            lit.edges.includes(e.id) ? { ...e, className: 'lit', animated: true, zIndex: 1 } : lit.triedEdges.includes(e.id) ? { ...e, className: 'lit-tried' } : e,
          ),
    [storeEdges, lit],
  );
  const onNodesChange = useEditorStore((s) => s.onNodesChange);
  const onEdgesChange = useEditorStore((s) => s.onEdgesChange);
  const connect = useEditorStore((s) => s.connect);
  const addNode = useEditorStore((s) => s.addNode);
  const record = useEditorStore((s) => s.record);
  const notify = useEditorStore((s) => s.notify);
  const { screenToFlowPosition } = useReactFlow();

  const isValidConnection: IsValidConnection = useCallback((c: Connection | Edge) => {
    const { nodes: n, edges: e } = useEditorStore.getState();
    return checkConnection(c, { nodes: n, edges: e }) === null;
  }, []);

  const onConnect = useCallback(
    (c: Connection) => {
      const { nodes: n, edges: e } = useEditorStore.getState();
      const refusal = checkConnection(c, { nodes: n, edges: e });
      if (refusal) notify('error', t(`connect.${refusal}`));
      else connect(c);
    },
    [connect, notify, t],
  );

  const onDrop = (e: DragEvent) => {
    const kind = e.dataTransfer.getData(PALETTE_MIME) as NodeKind;
    if (!kind || !(kind in nodeSpecs)) return;
    e.preventDefault();
    addNode(kind, screenToFlowPosition({ x: e.clientX, y: e.clientY }));
  };

  return (
    <div className="canvas" onDrop={onDrop} onDragOver={(e) => {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
    }} data-testid="canvas">
      <ReactFlow<EditorNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onNodeDragStart={() => record()}
        isValidConnection={isValidConnection}
        deleteKeyCode={null}
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        selectionKeyCode="Shift"
        fitView
        fitViewOptions={{ maxZoom: 1.2 }}
        defaultEdgeOptions={{ type: 'smoothstep' }}
        proOptions={{ hideAttribution: true }}
        onlyRenderVisibleElements={nodes.length > 100}
      >
        <Background gap={16} />
        <MiniMap pannable zoomable />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}

import { useCallback, useMemo, useState, type DragEvent } from 'react';
import {
  Background,
  ReactFlow,
  type Connection,
  type Edge,
  type IsValidConnection,
  type OnConnectEnd,
} from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { checkConnection } from '../model/connection-rules.js';
import type { EditorNode, NodeKind } from '../model/flow-types.js';
import { nodeSpecs } from '../nodes/node-specs.js';
import { useEditorStore } from '../store/editor-store.js';
import { ConnectMenu } from './ConnectMenu.js';
import { FIT_OPTIONS } from './fit-padding.js';
import { NodeShell } from './NodeShell.js';
import { PALETTE_MIME } from './Palette.js';
import { useAddNode } from './use-add-node.js';
import { useNodeLabels } from './use-node-labels.js';

/** An edge dragged from an exit and dropped on empty canvas, waiting for the kind to create. */
interface PendingConnect {
  client: { x: number; y: number };
  at: { x: number; y: number };
  source: string;
  sourceHandle: string | null;
}

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
            lit.edges.includes(e.id)
              ? { ...e, className: 'lit', animated: true, zIndex: 1 }
              : lit.triedEdges.includes(e.id)
                ? { ...e, className: 'lit-tried' }
                : e,
          ),
    [storeEdges, lit],
  );
  const onNodesChange = useEditorStore((s) => s.onNodesChange);
  const onEdgesChange = useEditorStore((s) => s.onEdgesChange);
  const connect = useEditorStore((s) => s.connect);
  const record = useEditorStore((s) => s.record);
  const notify = useEditorStore((s) => s.notify);
  const { addAt, addConnected } = useAddNode();
  const labels = useNodeLabels();
  const [pending, setPending] = useState<PendingConnect | null>(null);

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

  // Dropped on empty canvas (not on a node or handle): offer the kinds this exit may lead to.
  const onConnectEnd: OnConnectEnd = useCallback((event, state) => {
    const target = event.target instanceof Element ? event.target : null;
    if (
      state.isValid ||
      !state.fromNode ||
      state.fromHandle?.type !== 'source' ||
      !target?.classList.contains('react-flow__pane')
    )
      return;
    const point = 'changedTouches' in event ? event.changedTouches[0] : event;
    const box = target.closest('.canvas')?.getBoundingClientRect();
    if (!point || !box) return;
    setPending({
      client: { x: point.clientX, y: point.clientY },
      at: { x: point.clientX - box.left, y: point.clientY - box.top },
      source: state.fromNode.id,
      sourceHandle: state.fromHandle.id ?? null,
    });
  }, []);

  const onDrop = (e: DragEvent) => {
    const kind = e.dataTransfer.getData(PALETTE_MIME) as NodeKind;
    if (!kind || !(kind in nodeSpecs)) return;
    e.preventDefault();
    addAt(kind, { x: e.clientX, y: e.clientY });
  };
  const fromLabel = pending
    ? [labels.get(pending.source), pending.sourceHandle ? t(`handle.${pending.sourceHandle}`) : null]
        .filter(Boolean)
        .join(' · ')
    : '';

  return (
    <div
      className="canvas"
      onDrop={onDrop}
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
      }}
      data-testid="canvas"
    >
      <ReactFlow<EditorNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        onPaneClick={() => setPending(null)}
        onNodeDragStart={() => record()}
        isValidConnection={isValidConnection}
        deleteKeyCode={null}
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        selectionKeyCode="Shift"
        fitView
        fitViewOptions={FIT_OPTIONS}
        defaultEdgeOptions={{ type: 'smoothstep' }}
        proOptions={{ hideAttribution: true }}
        onlyRenderVisibleElements={nodes.length > 100}
      >
        <Background gap={16} />
      </ReactFlow>
      {pending ? (
        <ConnectMenu
          at={pending.at}
          fromLabel={fromLabel}
          onClose={() => setPending(null)}
          onPick={(kind) => {
            const made = addConnected(kind, pending.client, {
              source: pending.source,
              sourceHandle: pending.sourceHandle,
            });
            if (!made) notify('error', t('connect.unknown'));
            setPending(null);
          }}
        />
      ) : null}
    </div>
  );
}

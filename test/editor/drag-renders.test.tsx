// @vitest-environment jsdom
/**
 * Dragging a node must not re-render the panels around the canvas: each frame changes only a
 * position, which no panel shows. Every component of the flows view is wrapped in a render
 * counter (the wrapper calls the component itself, so the component's own store subscriptions
 * count too), then a 20-frame drag is played through the store the way React Flow sends it.
 */
import { describe, expect, it, vi } from 'vitest';
import { act } from '@testing-library/react';
import './setup-editor-test.js';
import { useEditorStore } from '../../editor/src/store/editor-store.js';
import { renderFlowEditor } from './render-flow-editor.js';

const counter = vi.hoisted(() => {
  const renders = new Map<string, number>();
  const counted =
    <P extends object>(name: string | ((props: P) => string), component: (props: P) => unknown) =>
    (props: P) => {
      const key = typeof name === 'string' ? name : name(props);
      renders.set(key, (renders.get(key) ?? 0) + 1);
      return component(props);
    };
  return { renders, counted };
});

vi.mock('../../editor/src/canvas/ProblemsList.js', async (load) => {
  const m = await load<typeof import('../../editor/src/canvas/ProblemsList.js')>();
  return { ...m, ProblemsList: counter.counted('ProblemsList', m.ProblemsList) };
});
vi.mock('../../editor/src/canvas/CanvasToolbar.js', async (load) => {
  const m = await load<typeof import('../../editor/src/canvas/CanvasToolbar.js')>();
  return { ...m, CanvasToolbar: counter.counted('CanvasToolbar', m.CanvasToolbar) };
});
vi.mock('../../editor/src/canvas/Palette.js', async (load) => {
  const m = await load<typeof import('../../editor/src/canvas/Palette.js')>();
  return { ...m, Palette: counter.counted('Palette', m.Palette) };
});
vi.mock('../../editor/src/canvas/CanvasNav.js', async (load) => {
  const m = await load<typeof import('../../editor/src/canvas/CanvasNav.js')>();
  return { ...m, CanvasNav: counter.counted('CanvasNav', m.CanvasNav) };
});
vi.mock('../../editor/src/panels/PropertyPanel.js', async (load) => {
  const m = await load<typeof import('../../editor/src/panels/PropertyPanel.js')>();
  return { ...m, PropertyPanel: counter.counted('PropertyPanel', m.PropertyPanel) };
});
vi.mock('../../editor/src/documents/FlowList.js', async (load) => {
  const m = await load<typeof import('../../editor/src/documents/FlowList.js')>();
  return { ...m, FlowList: counter.counted('FlowList', m.FlowList) };
});
vi.mock('../../editor/src/canvas/NodeShell.js', async (load) => {
  const m = await load<typeof import('../../editor/src/canvas/NodeShell.js')>();
  return { ...m, NodeShell: counter.counted((p: { id: string }) => `NodeShell:${p.id}`, m.NodeShell) };
});

const PANELS = ['ProblemsList', 'CanvasToolbar', 'Palette', 'CanvasNav', 'PropertyPanel', 'FlowList'];
const FRAMES = 20;

function drag(id: string, from: { x: number; y: number }, frames: number, start = 0) {
  for (let i = start; i < start + frames; i++) {
    act(() =>
      useEditorStore
        .getState()
        .onNodesChange([
          { type: 'position', id, position: { x: from.x + 5 * (i + 1), y: from.y + 3 * (i + 1) }, dragging: true },
        ]),
    );
  }
}

describe('dragging a node', () => {
  it('re-renders the dragged node, not the panels or the other nodes', () => {
    renderFlowEditor();
    // The selected node's panel is open during the drag, as when an operator drags what they just clicked.
    act(() => useEditorStore.getState().selectNode('reply-873tl4yv3t'));
    for (const name of PANELS) expect(counter.renders.get(name), `${name} rendered`).toBeGreaterThan(0);

    // The first frame marks the flow unsaved, which the toolbar and flow list show: once.
    drag('reply-873tl4yv3t', { x: 600, y: 60 }, 1);
    const before = new Map(counter.renders);
    drag('reply-873tl4yv3t', { x: 600, y: 60 }, FRAMES, 1);

    const moved = useEditorStore.getState().nodes.find((n) => n.id === 'reply-873tl4yv3t')!;
    expect(moved.position).toEqual({ x: 600 + 5 * (FRAMES + 1), y: 60 + 3 * (FRAMES + 1) });
    const delta = (key: string) => (counter.renders.get(key) ?? 0) - (before.get(key) ?? 0);
    // The dragged node does follow the pointer: the frames did reach the canvas.
    expect(delta('NodeShell:reply-873tl4yv3t')).toBeGreaterThanOrEqual(FRAMES);
    const still = Object.fromEntries(
      [...PANELS, 'NodeShell:trigger-a1', 'NodeShell:kg-x7', 'NodeShell:reply-orphan9'].map((k) => [k, delta(k)]),
    );
    expect(still).toEqual(Object.fromEntries(Object.keys(still).map((k) => [k, 0])));
  });

  it('still re-renders the panels when the graph itself changes', () => {
    renderFlowEditor();
    const before = counter.renders.get('ProblemsList') ?? 0;
    act(() =>
      useEditorStore
        .getState()
        .updateNodeData('reply-orphan9', { mode: 'all', replies: [{ type: 'text', content: '已为您转接' }] }),
    );
    expect((counter.renders.get('ProblemsList') ?? 0) - before).toBeGreaterThan(0);
  });
});

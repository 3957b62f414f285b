/**
 * Renders the whole flows view (React Flow included) in jsdom. jsdom has no layout, so the
 * browser APIs React Flow measures with are stood in for, as React Flow's testing guide does.
 */
import { render } from '@testing-library/react';
import { vi } from 'vitest';
import type { Flow, KeywordGroup } from '../../rules-schema/index.js';
import { FlowEditor } from '../../editor/src/canvas/FlowEditor.js';
import { useEditorStore } from '../../editor/src/store/editor-store.js';

class ResizeObserverStandIn {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element) {
    this.callback([{ target } as ResizeObserverEntry], this as unknown as ResizeObserver);
  }
  unobserve() {}
  disconnect() {}
}

class DOMMatrixReadOnlyStandIn {
  m22: number;
  constructor(transform?: string) {
    const scale = transform?.match(/scale\(([1-9.])\)/)?.[1];
    this.m22 = scale !== undefined ? Number(scale) : 1;
  }
}

export function standInLayout(): void {
  vi.stubGlobal('ResizeObserver', ResizeObserverStandIn);
  vi.stubGlobal('DOMMatrixReadOnly', DOMMatrixReadOnlyStandIn);
  Object.defineProperties(HTMLElement.prototype, {
    offsetHeight: { configurable: true, get: () => 100 },
    offsetWidth: { configurable: true, get: () => 220 },
  });
  (SVGElement.prototype as unknown as { getBBox: () => DOMRect }).getBBox = () =>
    ({ x: 0, y: 0, width: 0, height: 0 }) as DOMRect;
}

export const refundGroup: KeywordGroup = {
  schemaVersion: 1,
  id: 'kg-refund',
  name: '退款',
  mode: 'contains',
  keywords: ['退款', '退钱'],
  enabled: true,
};

/** trigger → 退款 group → reply, plus a reply nothing leads to (problem E002). */
export const refundFlow: Flow = {
  schemaVersion: 1,
  id: 'flow-refund',
  name: '退款流程',
  enabled: true,
  revision: 1,
  nodes: [
    { id: 'trigger-a1', type: 'trigger', position: { x: 40, y: 120 }, data: { messageTypes: ['text'] } },
    { id: 'kg-x7', type: 'keywordGroup', position: { x: 320, y: 120 }, data: { groupId: 'kg-refund' } },
    {
      id: 'reply-873tl4yv3t',
      type: 'reply',
      position: { x: 600, y: 60 },
      data: { mode: 'all', replies: [{ type: 'text', content: '退款请在订单页申请' }] },
    },
    {
      id: 'reply-orphan9',
      type: 'reply',
      position: { x: 600, y: 300 },
      data: { mode: 'all', replies: [{ type: 'text', content: '感谢您的耐心等待' }] },
    },
  ],
  edges: [
    { id: 'e1', source: 'trigger-a1', target: 'kg-x7' },
    { id: 'e2', source: 'kg-x7', target: 'reply-873tl4yv3t', sourceHandle: 'match' },
  ],
};

/** Loads the flow and its group into the store and renders the flows view. */
export function renderFlowEditor(flow: Flow = refundFlow) {
  standInLayout();
  const s = useEditorStore.getState();
  s.setGroups([{ doc: refundGroup, persisted: true, dirty: false, publishedVersion: null }]);
  s.setFlowSummaries([{ id: flow.id, name: flow.name, revision: 1, publishedVersion: null }]);
  s.loadFlow(flow, true);
  return render(<FlowEditor />);
}

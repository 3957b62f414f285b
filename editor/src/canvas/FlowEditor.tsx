import { useMemo } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { editorToFlow } from '../model/flow-mapping.js';
import { useEditorStore } from '../store/editor-store.js';
import { useGraphShape } from '../store/use-graph-shape.js';
import { FlowList } from '../documents/FlowList.js';
import { PropertyPanel } from '../panels/PropertyPanel.js';
import { CanvasNav } from './CanvasNav.js';
import { CanvasToolbar } from './CanvasToolbar.js';
import { FlowCanvas } from './FlowCanvas.js';
import { FlowInsightsContext, useComputedInsights, withBlockedReplies } from './flow-insights.js';
import { Palette } from './Palette.js';
import { ProblemsList } from './ProblemsList.js';
import { NodeFocus } from './NodeFocus.js';
import { useBlockedReplies } from './use-blocked-replies.js';
import { useKeyboardShortcuts } from './use-keyboard-shortcuts.js';
import { SandboxPanel } from '../sandbox/SandboxPanel.js';

/** The flows view: list and palette, canvas with toolbar and problems, property panel. */
export function FlowEditor() {
  const { t } = useTranslation();
  const meta = useEditorStore((s) => s.meta);
  // Positions do not matter to the checks: a drag recomputes nothing and re-renders no panel.
  const nodes = useGraphShape();
  const edges = useEditorStore((s) => s.edges);
  const groupDrafts = useEditorStore((s) => s.groups);
  const policy = useEditorStore((s) => s.policy?.doc);
  const flow = useMemo(() => (meta ? editorToFlow(meta, nodes, edges) : null), [meta, nodes, edges]);
  const groups = useMemo(() => Object.values(groupDrafts).map((g) => g.doc), [groupDrafts]);
  const checked = useComputedInsights(flow, groups, policy);
  const blocked = useBlockedReplies(flow, !checked.issues.some((i) => i.source === 'schema'));
  const insights = useMemo(() => withBlockedReplies(checked, blocked), [checked, blocked]);
  const sandboxOpen = useEditorStore((s) => s.sandboxOpen && s.meta !== null);
  useKeyboardShortcuts();
  return (
    <ReactFlowProvider>
      <FlowInsightsContext.Provider value={insights}>
        <div className={sandboxOpen ? 'flow-editor with-sandbox' : 'flow-editor'}>
          <div className="left">
            <FlowList />
            <Palette />
          </div>
          <div className="center">
            {meta ? (
              <>
                <CanvasToolbar />
                <FlowCanvas key={meta.id} />
                <NodeFocus />
                <div className="canvas-footer">
                  <ProblemsList />
                  <CanvasNav />
                </div>
              </>
            ) : (
              <div className="empty">{t('flows.empty')}</div>
            )}
          </div>
          {sandboxOpen ? <SandboxPanel /> : null}
          <PropertyPanel />
        </div>
      </FlowInsightsContext.Provider>
    </ReactFlowProvider>
  );
}

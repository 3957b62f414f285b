import { ArrowRight } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { SOURCE_HANDLES, checkConnection } from '../model/connection-rules.js';
import { nodeSpecs } from '../nodes/node-specs.js';
import { nodeViews, NodePanel } from '../nodes/node-views.js';
import { useEditorStore } from '../store/editor-store.js';
import { useFlowInsights } from '../canvas/flow-insights.js';
import { describeIssue } from '../canvas/describe-issue.js';
import { useNodeLabels } from '../canvas/use-node-labels.js';
import { useGraphShape } from '../store/use-graph-shape.js';
import { FlowSettings } from './FlowSettings.js';

/** The right-hand panel: the selected node's settings, or the flow's when none is selected. */
export function PropertyPanel() {
  const { t } = useTranslation();
  // Ids, kind and data only: dragging the selected node changes none of them.
  const selected = useEditorStore(useShallow((s) => s.nodes.filter((n) => n.selected).map((n) => n.id)));
  const kind = useEditorStore((s) =>
    selected.length === 1 ? s.nodes.find((n) => n.id === selected[0])?.type : undefined,
  );
  const data = useEditorStore((s) =>
    selected.length === 1 ? s.nodes.find((n) => n.id === selected[0])?.data : undefined,
  );
  const updateNodeData = useEditorStore((s) => s.updateNodeData);
  const askConfirm = useEditorStore((s) => s.askConfirm);
  const deleteSelected = useEditorStore((s) => s.deleteSelected);
  const { byNode } = useFlowInsights();
  if (selected.length > 1) {
    return (
      <aside className="properties" data-testid="properties">
        <h3>{t('properties.many', { count: selected.length })}</h3>
        <button
          type="button"
          className="danger"
          onClick={() =>
            askConfirm({ message: t('confirm.deleteNodes', { count: selected.length }), onConfirm: deleteSelected })
          }
        >
          {t('common.delete')}
        </button>
        <p className="hint">{t('properties.manyHint')}</p>
      </aside>
    );
  }
  const id = selected[0];
  if (!id || !kind || !data) return <FlowSettings />;
  const spec = nodeSpecs[kind];
  const Icon = nodeViews[kind].icon;
  const issues = byNode.get(id) ?? [];
  return (
    <aside className="properties" data-testid="properties" aria-label={t('properties.title')}>
      <h3>
        <Icon size={16} className="icon" /> {t(spec.label)}
      </h3>
      {issues.length > 0 ? (
        <ul className="node-issues panel-issues">
          {issues.map((i, k) => (
            <li key={k} className={i.severity}>
              {describeIssue(i, t)}
            </li>
          ))}
        </ul>
      ) : null}
      <NodePanel kind={kind} nodeId={id} data={data} onChange={(next) => updateNodeData(id, next)} />
      <NextSteps nodeId={id} />
    </aside>
  );
}

/** Connects this node's ways out by picking from a list: the keyboard-friendly twin of dragging an edge. */
function NextSteps({ nodeId }: { nodeId: string }) {
  const { t } = useTranslation();
  const nodes = useGraphShape();
  const labels = useNodeLabels();
  const edges = useEditorStore((s) => s.edges);
  const connect = useEditorStore((s) => s.connect);
  const onEdgesChange = useEditorStore((s) => s.onEdgesChange);
  const node = nodes.find((n) => n.id === nodeId);
  if (!node?.type) return null;
  const label = (id: string) => labels.get(id) ?? t('properties.missingNode');
  const handles = SOURCE_HANDLES[node.type];
  if (handles.length === 0) return <p className="hint">{t('properties.endOfPath')}</p>;
  return (
    <section className="next-steps">
      <h4>{t('properties.next')}</h4>
      {handles.map((h) => {
        const out = edges.filter((e) => e.source === nodeId && (e.sourceHandle ?? null) === h);
        const candidates = nodes.filter(
          (n) => checkConnection({ source: nodeId, target: n.id, sourceHandle: h }, { nodes, edges }) === null,
        );
        return (
          <div key={h ?? 'out'} className="field">
            {h ? <span>{t(`handle.${h}`)}</span> : null}
            {out.map((e) => (
              <div key={e.id} className="row">
                <span>
                  <ArrowRight size={13} className="icon" /> {label(e.target)}
                </span>
                <button
                  type="button"
                  className="small danger"
                  onClick={() => onEdgesChange([{ type: 'remove', id: e.id }])}
                >
                  {t('common.remove')}
                </button>
              </div>
            ))}
            {candidates.length > 0 ? (
              <select
                aria-label={t('properties.connectTo', { handle: h ? t(`handle.${h}`) : '' })}
                value=""
                onChange={(e) =>
                  e.target.value &&
                  connect({ source: nodeId, target: e.target.value, sourceHandle: h, targetHandle: null })
                }
              >
                <option value="">{t('properties.pickNext')}</option>
                {candidates.map((n) => (
                  <option key={n.id} value={n.id}>
                    {label(n.id)}
                  </option>
                ))}
              </select>
            ) : null}
          </div>
        );
      })}
    </section>
  );
}

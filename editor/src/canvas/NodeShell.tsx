import { OctagonX } from 'lucide-react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { SOURCE_HANDLES } from '../model/connection-rules.js';
import type { EditorNode } from '../model/flow-types.js';
import { nodeSpecs } from '../nodes/node-specs.js';
import { nodeViews, NodeBody } from '../nodes/node-views.js';
import { useEditorStore } from '../store/editor-store.js';
import { useFlowInsights } from './flow-insights.js';
import { describeIssue } from './describe-issue.js';

/** Draws every kind: header, the kind's summary, its problems and cost, its handles. */
export function NodeShell({ id, type, data, selected }: NodeProps<EditorNode>) {
  const { t } = useTranslation();
  const spec = nodeSpecs[type];
  const view = nodeViews[type];
  const { byNode, costs, limits } = useFlowInsights();
  const issues = byNode.get(id) ?? [];
  const hasError = issues.some((i) => i.severity === 'error');
  const blocked = issues.find((i) => i.source === 'content');
  const cost = costs.get(id);
  const handles = SOURCE_HANDLES[type];
  // Lit by the sandbox: the step shown in the panel went through this node.
  const lit = useEditorStore((s) => (s.lit.nodes.includes(id) ? ' lit' : s.lit.tried.includes(id) ? ' lit-tried' : ''));
  return (
    <div
      className={`rf-node${selected ? ' is-selected' : ''}${lit}${hasError ? ' has-error' : issues.length ? ' has-warning' : ''}${blocked ? ' is-blocked' : ''}`}
      style={{ borderTopColor: spec.color }}
      data-testid={`node-${type}`}
      data-node-id={id}
    >
      {type !== 'trigger' ? <Handle type="target" position={Position.Left} /> : null}
      <div className="rf-node-head">
        <view.icon size={14} className="icon" /> {t(spec.label)}
        {blocked ? (
          // Text and icon, not colour alone: the reasons are in the line below and the problems list.
          <span className="blocked-badge" data-testid="blocked-badge" title={describeIssue(blocked, t)}>
            <OctagonX size={12} className="icon" /> {t('problems.blockedBadge')}
          </span>
        ) : null}
      </div>
      <div className="rf-node-body">
        <NodeBody kind={type} data={data} />
      </div>
      {cost && cost.sends > 0 ? (
        <div
          className={`cost-badge${cost.overGrant ? ' over-grant' : cost.overLimit ? ' over-limit' : ''}`}
          data-testid="cost-badge"
          title={t('cost.title', { total: cost.total, limit: limits.maxReplies, grant: limits.grant })}
        >
          {t('cost.badge', { total: cost.total, limit: limits.maxReplies, grant: limits.grant })}
        </div>
      ) : null}
      {issues.length > 0 ? (
        <ul className="node-issues">
          {issues.slice(0, 3).map((issue, i) => (
            <li key={i} className={issue.severity}>
              {describeIssue(issue, t)}
            </li>
          ))}
        </ul>
      ) : null}
      {handles.map((h, i) =>
        h === null ? (
          <Handle key="out" type="source" position={Position.Right} />
        ) : (
          <Handle
            key={h}
            id={h}
            type="source"
            position={Position.Right}
            className={`handle-${h}`}
            style={{ top: `${((i + 1) * 100) / (handles.length + 1)}%` }}
          >
            <span className="handle-label">{t(`handle.${h}`)}</span>
          </Handle>
        ),
      )}
    </div>
  );
}

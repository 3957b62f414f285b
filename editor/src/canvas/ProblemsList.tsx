import { OctagonX, TriangleAlert } from 'lucide-react';
import { useReactFlow } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { useEditorStore } from '../store/editor-store.js';
import { useFlowInsights } from './flow-insights.js';
import { describeIssue } from './describe-issue.js';
import { useNodeLabels } from './use-node-labels.js';

/** Every schema and graph problem of the flow and every reply a publish would refuse; clicking one selects and shows its node. */
export function ProblemsList() {
  const { t } = useTranslation();
  const { issues, blockedCount } = useFlowInsights();
  const labels = useNodeLabels();
  const selectNode = useEditorStore((s) => s.selectNode);
  const { fitView } = useReactFlow();
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.filter((i) => i.severity === 'warning').length;
  return (
    <section className="problems" data-testid="problems" aria-label={t('problems.title')}>
      <h4>
        {t('problems.title')} · {t('problems.count', { errors, warnings })}
        {blockedCount > 0 ? (
          <span className="blocked-count">{` · ${t('problems.countBlocked', { count: blockedCount })}`}</span>
        ) : null}
      </h4>
      {issues.length === 0 ? <p className="muted">{t('problems.none')}</p> : null}
      <ul>
        {issues.map((issue, i) => (
          <li key={i} className={issue.severity}>
            <button
              type="button"
              className="link"
              disabled={!issue.nodeId}
              onClick={() => {
                if (!issue.nodeId) return;
                selectNode(issue.nodeId);
                void fitView({ nodes: [{ id: issue.nodeId }], duration: 300, maxZoom: 1.2 });
              }}
            >
              {issue.severity === 'warning' ? (
                <TriangleAlert size={14} className="icon" />
              ) : (
                <OctagonX size={14} className="icon" />
              )}{' '}
              {issue.nodeId && labels.has(issue.nodeId) ? (
                <strong className="problem-node">{t('problems.at', { node: labels.get(issue.nodeId) })}</strong>
              ) : null}
              {describeIssue(issue, t)}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

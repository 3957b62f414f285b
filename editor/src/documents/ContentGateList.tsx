import { OctagonX } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorDetail } from '../api/api-error.js';
import { useNodeLabels } from '../canvas/use-node-labels.js';
import { useGraphShape } from '../store/use-graph-shape.js';
import { nodeIndexOf } from './publish-gate-details.js';

export interface ContentGateListProps {
  /** The content gate's details: a pointer into the flow and the server's reason. */
  details: ApiErrorDetail[];
  /** Selects and centres a node of the open flow; absent when the refused flow is not open. */
  onShowNode?: (nodeId: string) => void;
}

/** Replies that would be blocked, one entry per field, each a button to its node on the canvas. */
export function ContentGateList({ details, onShowNode }: ContentGateListProps) {
  const { t } = useTranslation();
  const nodes = useGraphShape();
  const labels = useNodeLabels();
  return (
    <div className="gate" data-testid="content-gate">
      <p className="error">{t('publish.content.intro', { count: details.length })}</p>
      <ul className="gate-failures">
        {details.map((d) => {
          const index = nodeIndexOf(d.path);
          const node = onShowNode && index !== null ? nodes[index] : undefined;
          return (
            <li key={d.path}>
              <button
                type="button"
                className="link"
                disabled={!node}
                onClick={() => node && onShowNode?.(node.id)}
                title={t('publish.content.show')}
              >
                <OctagonX size={14} className="icon" /> <strong>{node ? labels.get(node.id) : d.path}</strong>{' '}
                {d.message}
              </button>
            </li>
          );
        })}
      </ul>
      <p className="hint">{t('publish.content.hint')}</p>
    </div>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditorStore } from '../store/editor-store.js';
import { editFlow } from './edit-flow.js';

export interface CardFlowActionsProps {
  flowId: string;
  flowName: string;
  /** The node the card stands for, shown on the canvas by 「在画布中查看」. */
  nodeId: string;
  canEdit: boolean;
}

/**
 * Where a card's rule lives: its flow, 「在画布中查看」 when that flow is open, else 「编辑」, which
 * opens it (saving the draft of the flow open before; nothing goes live).
 */
export function CardFlowActions({ flowId, flowName, nodeId, canEdit }: CardFlowActionsProps) {
  const { t } = useTranslation();
  const open = useEditorStore((s) => s.meta?.id === flowId);
  const [opening, setOpening] = useState(false);
  const edit = () => {
    setOpening(true);
    void editFlow(flowId).finally(() => setOpening(false));
  };
  return (
    <div className="simple-card-flow">
      <span className="muted">{t('simple.inFlow', { name: flowName })}</span>
      <span className="spacer" />
      {open ? (
        <button type="button" className="small" onClick={() => useEditorStore.getState().requestNodeFocus(nodeId)}>
          {t('simple.showOnCanvas')}
        </button>
      ) : canEdit ? (
        <button type="button" className="small" disabled={opening} onClick={edit} data-testid="simple-edit-flow">
          {t('simple.edit')}
        </button>
      ) : null}
    </div>
  );
}

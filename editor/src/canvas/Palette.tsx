import { useTranslation } from 'react-i18next';
import { nodeSpecs, PALETTE_ORDER } from '../nodes/node-specs.js';
import { nodeViews } from '../nodes/node-views.js';
import { useEditorStore } from '../store/editor-store.js';
import { useAddNode } from './use-add-node.js';

export const PALETTE_MIME = 'application/x-replyflow-kind';

/** Every node kind: drag one onto the canvas, or click to add it beside the selection or in the middle of the view. */
export function Palette() {
  const { t } = useTranslation();
  const hasFlow = useEditorStore((s) => s.meta !== null);
  const { addInView } = useAddNode();
  return (
    <div className="palette" aria-label={t('palette.title')}>
      <h3>{t('palette.title')}</h3>
      {PALETTE_ORDER.map((kind) => {
        const spec = nodeSpecs[kind];
        const Icon = nodeViews[kind].icon;
        return (
          <button
            key={kind}
            type="button"
            className="palette-item"
            draggable={hasFlow}
            disabled={!hasFlow}
            data-testid={`palette-${kind}`}
            title={t(spec.hint)}
            style={{ borderLeftColor: spec.color }}
            onDragStart={(e) => {
              e.dataTransfer.setData(PALETTE_MIME, kind);
              e.dataTransfer.effectAllowed = 'move';
            }}
            onClick={() => addInView(kind)}
          >
            <Icon size={14} className="icon" /> {t(spec.label)}
          </button>
        );
      })}
      <p className="hint">{t('palette.help')}</p>
    </div>
  );
}

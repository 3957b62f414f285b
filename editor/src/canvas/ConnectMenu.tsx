import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeKind } from '../model/flow-types.js';
import { nodeSpecs } from '../nodes/node-specs.js';
import { nodeViews } from '../nodes/node-views.js';
import { TARGET_KINDS } from './use-add-node.js';

export interface ConnectMenuProps {
  /** Where the edge was dropped, relative to the canvas box. */
  at: { x: number; y: number };
  /** The exit the edge came from, in words ("命中", or the node's label). */
  fromLabel: string;
  onPick: (kind: NodeKind) => void;
  onClose: () => void;
}

/**
 * The menu that opens where an edge dragged from an exit is dropped on empty canvas: the node
 * kinds it may lead to; picking one makes that node there, already connected.
 */
export function ConnectMenu({ at, fromLabel, onPick, onClose }: ConnectMenuProps) {
  const { t } = useTranslation();
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <div
      className="connect-menu"
      role="menu"
      aria-label={t('connectMenu.title', { from: fromLabel })}
      style={{ left: at.x, top: at.y }}
      data-testid="connect-menu"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <div className="connect-menu-title muted">{t('connectMenu.title', { from: fromLabel })}</div>
      {TARGET_KINDS.map((kind, i) => {
        const spec = nodeSpecs[kind];
        const Icon = nodeViews[kind].icon;
        return (
          <button
            key={kind}
            ref={i === 0 ? first : undefined}
            type="button"
            role="menuitem"
            onClick={() => onPick(kind)}
            data-testid={`connect-menu-${kind}`}
            title={t(spec.hint)}
          >
            <Icon size={14} className="icon" style={{ color: spec.color }} /> {t(spec.label)}
          </button>
        );
      })}
      <button type="button" role="menuitem" className="link" onClick={onClose}>
        {t('common.cancel')}
      </button>
    </div>
  );
}

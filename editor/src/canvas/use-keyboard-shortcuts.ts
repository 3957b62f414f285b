import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditorStore } from '../store/editor-store.js';
import { saveAll } from '../documents/doc-actions.js';

/** True while the user types into a field, where the canvas shortcuts must stay out of the way. */
function inField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.closest !== 'function') return false;
  return Boolean(el.closest('input, textarea, select, [contenteditable="true"]'));
}

/**
 * Canvas shortcuts: Delete/Backspace (asks first), Ctrl+Z / Ctrl+Y (and Ctrl+Shift+Z),
 * Ctrl+C / Ctrl+V, Ctrl+S (also inside fields).
 */
export function useKeyboardShortcuts(): void {
  const { t } = useTranslation();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const s = useEditorStore.getState();
      if (!s.meta || s.tab !== 'flows') return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 's') {
        e.preventDefault();
        void saveAll();
        return;
      }
      if (inField(e.target) || s.confirm || s.conflict) return;
      if (mod && key === 'z' && !e.shiftKey) {
        e.preventDefault();
        s.undo();
      } else if (mod && (key === 'y' || (key === 'z' && e.shiftKey))) {
        e.preventDefault();
        s.redo();
      } else if (mod && key === 'c') {
        s.copySelection();
      } else if (mod && key === 'v') {
        e.preventDefault();
        s.paste();
      } else if (key === 'delete' || key === 'backspace') {
        const nodes = s.nodes.filter((n) => n.selected).length;
        const edges = s.edges.filter((x) => x.selected).length;
        if (nodes + edges === 0) return;
        e.preventDefault();
        s.askConfirm({ message: t('confirm.deleteSelection', { nodes, edges }), onConfirm: s.deleteSelected });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [t]);
}

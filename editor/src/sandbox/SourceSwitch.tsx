import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditorStore } from '../store/editor-store.js';
import type { SandboxSourceMode } from '../store/sandbox-source-slice.js';
import { workspaceApi } from '../workspace/workspace-api.js';
import { runSession } from './sandbox-actions.js';

const MODES: SandboxSourceMode[] = ['drafts', 'live', 'compare'];

/**
 * 草稿 / 线上版本（vN）/ 对比: says plainly what the sandbox runs, and switches it (running the
 * session again at once). The version is read when the panel opens and from every live run.
 */
export function SourceSwitch() {
  const { t } = useTranslation();
  const mode = useEditorStore((s) => s.sandboxSource);
  const version = useEditorStore((s) => s.liveVersion);
  useEffect(() => {
    let current = true;
    workspaceApi
      .status()
      .then((s) => current && useEditorStore.getState().setLiveVersion(s.workspaceVersion))
      // The label stays 线上版本 without a number; a live run still names its version.
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, []);
  const choose = (next: SandboxSourceMode) => {
    if (next === mode) return;
    useEditorStore.getState().setSandboxSource(next);
    void runSession();
  };
  return (
    <div
      className="row sandbox-source"
      role="radiogroup"
      aria-label={t('sandbox.source.label')}
      data-testid="sandbox-source"
    >
      {MODES.map((m) => (
        <button
          key={m}
          type="button"
          role="radio"
          aria-checked={mode === m}
          className={mode === m ? 'segment active' : 'segment'}
          onClick={() => choose(m)}
          data-testid={`sandbox-source-${m}`}
        >
          {m === 'live'
            ? version === null
              ? t('sandbox.source.liveNoVersion')
              : t('sandbox.source.live', { version })
            : t(`sandbox.source.${m}`)}
        </button>
      ))}
    </div>
  );
}

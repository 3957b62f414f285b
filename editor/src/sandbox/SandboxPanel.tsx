import { StatusIcon } from '../icons/StatusIcon.js';
import { X } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditorStore } from '../store/editor-store.js';
import type { SandboxView } from '../store/sandbox-slice.js';
import { BacktestView } from './BacktestView.js';
import { ClockBar } from './ClockBar.js';
import { CompareStepList } from './CompareStepList.js';
import { Composer } from './Composer.js';
import { PackPicker } from './PackPicker.js';
import { lightStep, runSession } from './sandbox-actions.js';
import { SaveScenarioDialog } from './SaveScenarioDialog.js';
import { SourceSwitch } from './SourceSwitch.js';
import { ScenarioLibrary } from './ScenarioLibrary.js';
import { litIndexOf, StepList } from './StepList.js';
import { UserBar } from './UserBar.js';

const VIEWS: SandboxView[] = ['chat', 'library', 'backtest'];
/** Typing in a field re-runs the script once it pauses. */
const RERUN_MS = 250;

/**
 * The sandbox beside the canvas: a chat simulator on a virtual clock over the drafts, the
 * scenario library and the backtest. Nothing it does reaches real users or the runtime.
 */
export function SandboxPanel() {
  const { t } = useTranslation();
  const view = useEditorStore((s) => s.sandboxView);
  const setView = useEditorStore((s) => s.setSandboxView);
  const setOpen = useEditorStore((s) => s.setSandboxOpen);
  return (
    <aside className="sandbox-panel" data-testid="sandbox-panel" aria-label={t('sandbox.title')}>
      <div className="row sandbox-head">
        <strong>{t('sandbox.title')}</strong>
        <nav className="tabs" role="tablist">
          {VIEWS.map((v) => (
            <button
              key={v}
              type="button"
              role="tab"
              aria-selected={view === v}
              className={view === v ? 'tab active' : 'tab'}
              onClick={() => setView(v)}
              data-testid={`sandbox-tab-${v}`}
            >
              {t(`sandbox.views.${v}`)}
            </button>
          ))}
        </nav>
        <span className="spacer" />
        <button type="button" className="small" onClick={() => setOpen(false)} aria-label={t('common.close')}>
          <X size={14} />
        </button>
      </div>
      {view === 'chat' ? <Simulator /> : view === 'library' ? <ScenarioLibrary /> : <BacktestView />}
    </aside>
  );
}

function Simulator() {
  const { t } = useTranslation();
  const session = useEditorStore((s) => s.session);
  const pendingMs = useEditorStore((s) => s.pendingMs);
  const activeUser = useEditorStore((s) => s.activeUser);
  const result = useEditorStore((s) => s.result);
  const running = useEditorStore((s) => s.running);
  const runError = useEditorStore((s) => s.runError);
  const litStep = useEditorStore((s) => s.litStep);
  const source = useEditorStore((s) => s.sandboxSource);
  const liveResult = useEditorStore((s) => s.liveResult);
  const liveError = useEditorStore((s) => s.liveError);
  const liveVersion = useEditorStore((s) => s.liveVersion);
  const docsKey = useEditorStore((s) => `${s.meta?.id}:${s.meta?.revision}:${s.dirty}:${s.policy?.doc.revision}`);
  const edges = useEditorStore((s) => s.edges);
  const unsaved = useEditorStore(
    (s) => s.dirty || !s.persisted || s.policy?.dirty || Object.values(s.groups).some((g) => g.dirty),
  );
  const { addStep, removeStep, setExpect, resetSession } = useEditorStore.getState();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    const timer = setTimeout(() => void runSession(), RERUN_MS);
    return () => clearTimeout(timer);
  }, [session, pendingMs, activeUser, docsKey]);
  // The open flow changed under the lit path: light it again on the new graph.
  useEffect(() => lightStep(useEditorStore.getState().litStep), [edges]);

  const reports = result?.steps ?? [];
  const expected = session.steps.some((s) => s.expect);
  return (
    <div className="simulator" data-testid="simulator">
      <SourceSwitch />
      <UserBar />
      <PackPicker />
      <ClockBar />
      {source === 'live' ? (
        <p className="hint" data-testid="sandbox-live-hint">
          {t('sandbox.source.liveHint')}
        </p>
      ) : unsaved ? (
        <p className="hint warn">{t('sandbox.unsaved')}</p>
      ) : null}
      {source === 'compare' ? (
        <CompareStepList
          steps={session.steps}
          drafts={reports}
          live={liveResult?.steps ?? []}
          liveError={liveError}
          users={session.users}
          liveVersion={liveVersion}
        />
      ) : (
        <StepList
          steps={session.steps}
          reports={reports}
          users={session.users}
          litIndex={litIndexOf(litStep, reports)}
          onLight={(i) => lightStep(i)}
          onRemove={removeStep}
          onExpect={setExpect}
        />
      )}
      {runError ? (
        <p className="error" role="alert">
          {runError}
        </p>
      ) : null}
      <Composer onStep={addStep} />
      <div className="row sandbox-foot">
        <span className="muted" aria-live="polite">
          {running ? (
            t('sandbox.running')
          ) : expected && result ? (
            <>
              <StatusIcon status={result.passed ? 'passed' : 'failed'} />{' '}
              {result.passed ? t('sandbox.allPassed') : t('sandbox.someFailed')}
            </>
          ) : null}
        </span>
        <span className="spacer" />
        <button type="button" onClick={() => void runSession()}>
          {t('sandbox.rerun')}
        </button>
        <button type="button" onClick={resetSession} disabled={session.steps.length === 0 && !session.scenario}>
          {t('sandbox.reset')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={session.steps.length === 0}
          onClick={() => setSaving(true)}
          data-testid="save-scenario"
        >
          {t('sandbox.saveScenario')}
        </button>
      </div>
      {saving ? <SaveScenarioDialog onClose={() => setSaving(false)} /> : null}
    </div>
  );
}

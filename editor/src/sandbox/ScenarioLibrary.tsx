import { StatusIcon } from '../icons/StatusIcon.js';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditorStore } from '../store/editor-store.js';
import type { ScenarioRun } from '../store/sandbox-slice.js';
import { deleteScenario, openScenario, refreshScenarios, runAllScenarios, runScenario } from './sandbox-actions.js';

/** The account's saved scenarios: run them all (or one), see pass/fail, open one in the simulator. */
export function ScenarioLibrary() {
  const { t } = useTranslation();
  const scenarios = useEditorStore((s) => s.scenarios);
  const runs = useEditorStore((s) => s.scenarioRuns);
  const askConfirm = useEditorStore((s) => s.askConfirm);
  const [busy, setBusy] = useState(false);
  useEffect(() => void refreshScenarios(), []);
  const withBusy = (work: () => Promise<void>) => {
    setBusy(true);
    void work().finally(() => setBusy(false));
  };
  const failed = scenarios.filter((s) => runs[s.id]?.passed === false).length;
  const ran = scenarios.filter((s) => runs[s.id]).length;
  return (
    <section className="scenario-library" data-testid="scenario-library">
      <div className="row">
        <strong>{t('sandbox.library.title', { count: scenarios.length })}</strong>
        <span className="spacer" />
        <button
          type="button"
          className="primary"
          disabled={busy || scenarios.length === 0}
          onClick={() => withBusy(runAllScenarios)}
          data-testid="run-all"
        >
          {t('sandbox.library.runAll')}
        </button>
      </div>
      {ran > 0 ? <p className={failed ? 'error' : 'hint'}>{t('sandbox.library.summary', { ran, failed })}</p> : null}
      {scenarios.length === 0 ? <p className="hint">{t('sandbox.library.empty')}</p> : null}
      <ul className="scenario-list">
        {scenarios.map((s) => (
          <li key={s.id} data-testid="scenario-item" data-scenario-id={s.id}>
            <div className="row">
              <span className="scenario-name">{s.name}</span>
              <RunBadge run={runs[s.id]} />
              <span className="spacer" />
              <button type="button" className="small" onClick={() => void openScenario(s.id)}>
                {t('sandbox.library.open')}
              </button>
              <button
                type="button"
                className="small"
                disabled={busy}
                onClick={() => withBusy(() => runScenario(s.id))}
                data-testid="run-one"
              >
                {t('sandbox.library.run')}
              </button>
              <button
                type="button"
                className="small danger"
                onClick={() =>
                  askConfirm({
                    message: t('sandbox.library.confirmDelete', { name: s.name }),
                    onConfirm: () => void deleteScenario(s.id, s.revision),
                  })
                }
              >
                {t('common.delete')}
              </button>
            </div>
            <RunFailures run={runs[s.id]} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function RunFailures({ run }: { run: ScenarioRun | undefined }) {
  const { t } = useTranslation();
  if (!run || run.passed) return null;
  return (
    <ul className="expect-failures">
      {run.failures.flatMap((f) =>
        f.failures.map((msg, i) => (
          <li key={`${f.step}-${i}`}>{t('sandbox.library.stepFailure', { n: f.step + 1, message: msg })}</li>
        )),
      )}
    </ul>
  );
}

function RunBadge({ run }: { run: ScenarioRun | undefined }) {
  const { t } = useTranslation();
  if (!run) return <span className="badge-none">{t('sandbox.library.notRun')}</span>;
  return (
    <span className={run.passed ? 'badge-pass' : 'badge-fail'} data-testid="scenario-badge" data-passed={run.passed}>
      <StatusIcon status={run.passed ? 'passed' : 'failed'} size={12} />{' '}
      {run.passed ? t('sandbox.expect.passed') : t('sandbox.expect.failed')}
    </span>
  );
}

import { useTranslation } from 'react-i18next';
import { StatusIcon } from '../icons/StatusIcon.js';
import type { SelfTestFailure } from './self-test-failures.js';

/** Why an install was refused: each failing self-test scenario, its step and what did not hold. */
export function InstallRefusal({ failures }: { failures: readonly SelfTestFailure[] }) {
  const { t } = useTranslation();
  return (
    <div className="pack-refusal" role="alert" data-testid="install-refusal">
      <p>{t('packs.refusedIntro')}</p>
      <ul>
        {failures.map((f, i) => (
          <li key={i} data-scenario={f.scenario} data-step={f.step}>
            <StatusIcon status="failed" /> {t('packs.failedStep', { scenario: f.scenario, step: f.step })}
            <div className="hint">{f.message}</div>
          </li>
        ))}
      </ul>
    </div>
  );
}

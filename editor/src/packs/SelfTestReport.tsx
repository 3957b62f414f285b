import { useTranslation } from 'react-i18next';
import type { PackTestReport } from '../api/packs-api.js';
import { StatusIcon } from '../icons/StatusIcon.js';

/** A pack's self-test run: passed or failed per scenario, and for a failed one each failing step's unmet expectations. */
export function SelfTestReport({ report }: { report: PackTestReport }) {
  const { t } = useTranslation();
  const passed = report.scenarios.filter((s) => s.passed).length;
  return (
    <div className="pack-selftest" data-testid="selftest-report" data-passed={report.passed}>
      <p>
        <StatusIcon status={report.passed ? 'passed' : 'failed'} />{' '}
        {report.passed
          ? t('packs.selfTest.allPassed', { count: report.scenarios.length })
          : t('packs.selfTest.someFailed', { passed, total: report.scenarios.length })}
      </p>
      <ul>
        {report.scenarios.map((s, i) => (
          <li key={i} data-scenario={s.name} data-passed={s.passed}>
            <StatusIcon status={s.passed ? 'passed' : 'failed'} /> {s.name}
            {s.passed ? null : (
              <ul>
                {s.steps
                  .filter((step) => !step.expect.passed)
                  .map((step) => (
                    <li key={step.index} data-step={step.index + 1}>
                      {t('packs.selfTest.step', { step: step.index + 1 })}
                      {step.expect.failures.join('；')}
                    </li>
                  ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

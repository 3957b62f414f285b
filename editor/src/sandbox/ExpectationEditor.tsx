import { StatusIcon } from '../icons/StatusIcon.js';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Expectation, StepReport, Verdict } from '../api/sandbox-api.js';
import { cleanExpectation, expectFromResult } from './expect-from-result.js';

export interface ExpectationEditorProps {
  kind: 'inbound' | 'reply';
  expect: Expectation | undefined;
  /** The step's last result: what 「按实际结果设为预期」 copies, and the pass/fail shown. */
  report: StepReport | undefined;
  onChange: (expect: Expectation | undefined) => void;
}

const VERDICTS: Verdict[] = ['allow', 'warn', 'block'];

/** What a step should do, for a saved scenario: one click takes what happened, then each field can be changed. */
export function ExpectationEditor({ kind, expect, report, onChange }: ExpectationEditorProps) {
  const { t } = useTranslation();
  const [codes, setCodes] = useState((expect?.codes ?? []).join(', '));
  const [group, setGroup] = useState(expect?.group ?? '');
  useEffect(() => setCodes((expect?.codes ?? []).join(', ')), [expect?.codes]);
  useEffect(() => setGroup(expect?.group ?? ''), [expect?.group]);
  const change = (patch: Partial<Expectation>) => onChange(cleanExpectation({ ...(expect ?? {}), ...patch }));
  const outcome = expect && report ? report.expect : null;

  return (
    <div className="expectation" data-testid="expectation">
      <div className="row">
        <strong className="small-title">{t('sandbox.expect.title')}</strong>
        {outcome ? (
          <span
            className={`badge-${outcome.passed ? 'pass' : 'fail'}`}
            data-testid="expect-outcome"
            data-passed={outcome.passed}
          >
            <StatusIcon status={outcome.passed ? 'passed' : 'failed'} size={12} />{' '}
            {outcome.passed ? t('sandbox.expect.passed') : t('sandbox.expect.failed')}
          </span>
        ) : null}
        <span className="spacer" />
        <button
          type="button"
          className="small"
          disabled={!report}
          onClick={() => report && onChange(cleanExpectation(expectFromResult(report)))}
          data-testid="expect-actual"
        >
          {t('sandbox.expect.fromActual')}
        </button>
        {expect ? (
          <button type="button" className="small" onClick={() => onChange(undefined)}>
            {t('sandbox.expect.clear')}
          </button>
        ) : null}
      </div>
      {expect ? (
        <div className="expect-fields">
          <label>
            {t('sandbox.expect.verdict')}
            <select
              value={expect.verdict ?? ''}
              onChange={(e) => change({ verdict: VERDICTS.find((v) => v === e.target.value) })}
              aria-label={t('sandbox.expect.verdict')}
            >
              <option value="">{t('sandbox.expect.any')}</option>
              {VERDICTS.map((v) => (
                <option key={v} value={v}>
                  {t(`sandbox.verdict.${v}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('sandbox.expect.codes')}
            <input
              value={codes}
              placeholder={t('sandbox.expect.codesPlaceholder')}
              onChange={(e) => setCodes(e.target.value)}
              onBlur={() => change({ codes: splitCodes(codes) })}
              aria-label={t('sandbox.expect.codes')}
            />
          </label>
          <label>
            {t('sandbox.expect.replyCount')}
            <input
              type="number"
              min={0}
              value={expect.replyCount ?? ''}
              onChange={(e) => change({ replyCount: e.target.value === '' ? undefined : Number(e.target.value) })}
              aria-label={t('sandbox.expect.replyCount')}
            />
          </label>
          {kind === 'inbound' ? (
            <label>
              {t('sandbox.expect.group')}
              <input
                value={group}
                onChange={(e) => setGroup(e.target.value)}
                onBlur={() => change({ group: group.trim() || undefined })}
                aria-label={t('sandbox.expect.group')}
              />
            </label>
          ) : null}
        </div>
      ) : null}
      {outcome && !outcome.passed ? (
        <ul className="expect-failures">
          {outcome.failures.map((f, i) => (
            <li key={i}>{f}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** `A, B；C` → ['A', 'B', 'C']. */
export function splitCodes(text: string): string[] | undefined {
  const codes = text
    .split(/[\s,，、;；]+/)
    .map((c) => c.trim())
    .filter(Boolean);
  return codes.length ? [...new Set(codes)] : undefined;
}

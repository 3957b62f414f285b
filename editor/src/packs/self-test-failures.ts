import type { TFunction } from 'i18next';
import type { Pack } from '../../../rules-schema/index.js';
import { ApiError, type ApiErrorDetail } from '../api/api-error.js';
import { describeApiError } from '../documents/describe-api-error.js';

/** A failing self-test step of a refused install, located by scenario name and step number. */
export interface SelfTestFailure {
  scenario: string;
  /** 1-based, as an operator counts. */
  step: number;
  message: string;
}

/**
 * The failing scenarios and steps of a refused install (`VALIDATION_FAILED` details pointing at
 * `/tests/<i>/steps/<j>`); empty when the refusal was about something else.
 * @example selfTestFailures([{ path: '/tests/0/steps/1', message: '…' }], pack) // [{ scenario: pack.tests[0].name, step: 2, message: '…' }]
 */
export function selfTestFailures(details: readonly ApiErrorDetail[], pack: Pack | undefined): SelfTestFailure[] {
  const out: SelfTestFailure[] = [];
  for (const d of details) {
    const m = /^\/tests\/(\d+)\/steps\/(\d+)$/.exec(d.path);
    if (!m) continue;
    const i = Number(m[1]);
    out.push({ scenario: pack?.tests?.[i]?.name ?? `#${i + 1}`, step: Number(m[2]) + 1, message: d.message });
  }
  return out;
}

/**
 * What a failed pack change tells the operator: a refused install names its failing self-test
 * steps (shown on the card) with a short notice; anything else is the usual API error line.
 */
export function packRefusal(
  err: unknown,
  pack: Pack | undefined,
  name: string,
  t: TFunction,
): { failures: SelfTestFailure[]; text: string } {
  const failures =
    err instanceof ApiError && err.code === 'VALIDATION_FAILED' ? selfTestFailures(err.details, pack) : [];
  return {
    failures,
    text: failures.length > 0 ? t('packs.refused', { name, count: failures.length }) : describeApiError(err, t),
  };
}

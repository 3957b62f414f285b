import type { TFunction } from 'i18next';
import { ApiError } from '../api/api-error.js';

/** One readable line for an API failure, with the schema details when there are some. */
export function describeApiError(err: unknown, t: TFunction): string {
  if (!(err instanceof ApiError))
    return t('errors.unexpected', { message: err instanceof Error ? err.message : String(err) });
  // CONFLICT covers many refusals (a stale revision, an id taken, nothing live yet, a pack
  // downgrade): the server's own sentence says which, where one generic line would mislead.
  const head =
    err.code === 'CONFLICT' && err.message
      ? t('errors.conflictBecause', { message: err.message })
      : t(`errors.${err.code}`, { defaultValue: err.message || err.code });
  if (err.details.length === 0) return head;
  const lines = err.details.slice(0, 5).map((d) => `${d.path} ${d.message}`);
  return `${head}：${lines.join('；')}${err.details.length > 5 ? ' …' : ''}`;
}

/** The server's current revision from a 409 body, wherever the server put it. */
export function revisionFromConflict(err: ApiError): number | null {
  const candidates: unknown[] = [err.body['currentRevision'], err.body['revision']];
  for (const d of err.details) candidates.push(d['currentRevision'], d['current'], d['revision'], d['actual']);
  for (const c of candidates) if (typeof c === 'number') return c;
  for (const d of err.details) {
    const m = /\d+/.exec(d.message);
    if (d.path === '/revision' && m) return Number(m[0]);
  }
  return null;
}

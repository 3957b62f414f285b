/**
 * Sorts a refused publish's details (400 VALIDATION_FAILED) by the gate that refused it, read
 * off their JSON pointers: failing saved scenarios (`/scenarios/<id>/steps/<n>`), replies the
 * content checks would block (`/nodes/<i>/data/replies/<j>/…`, `/nodes/<i>/data/question`) and
 * keyword groups that are not live (`/nodes/<i>/data/groupId`, `…/conditions/<k>/topic`).
 */
import { ApiError, type ApiErrorDetail } from '../api/api-error.js';

export interface GateDetails {
  failures: ApiErrorDetail[];
  content: ApiErrorDetail[];
  groups: ApiErrorDetail[];
}

const CONTENT = /^\/nodes\/\d+\/data\/(replies\/\d+(\/|$)|question$)/;
const GROUP = /^\/nodes\/\d+\/data\/(groupId|conditions\/\d+\/topic)$/;

/**
 * @returns null when the error is not a gate's refusal (graph problems, a store failure …).
 * @example gateDetails(err)?.content[0]?.path // '/nodes/3/data/replies/0/content'
 */
export function gateDetails(err: unknown): GateDetails | null {
  if (!(err instanceof ApiError) || err.code !== 'VALIDATION_FAILED') return null;
  const failures = err.details.filter((d) => d.path.startsWith('/scenarios/'));
  const content = err.details.filter((d) => CONTENT.test(d.path));
  // A graph problem on the same field (E004: no such group in the drafts) is not the group gate's.
  const groups = err.details.filter((d) => GROUP.test(d.path) && !/^E\d{3}:/.test(d.message));
  return failures.length + content.length + groups.length > 0 ? { failures, content, groups } : null;
}

/** `/nodes/3/data/…` → 3. */
export function nodeIndexOf(path: string): number | null {
  const m = /^\/nodes\/(\d+)\//.exec(path);
  return m ? Number(m[1]) : null;
}

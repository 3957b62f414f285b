import type { DocByKind, DocKind } from '../api/documents-api.js';
import type { ChangeLine } from './change-line.js';
import { flowDiff, type DiffContext } from './flow-diff.js';
import { keywordGroupDiff } from './keyword-group-diff.js';
import { policyDiff } from './policy-diff.js';

/**
 * What an operator changed between two versions of a document, as readable lines for the
 * history panel. Lives in the editor, not rules-schema: every line is worded through the
 * editor's i18n and its node-label registry, which the server does not have.
 * @example documentDiff('keyword-groups', v1, draft, ctx) // [{ tone: 'add', text: '新增关键词：退货' }]
 */
export function documentDiff<K extends DocKind>(
  kind: K,
  before: DocByKind[K],
  after: DocByKind[K],
  ctx: DiffContext,
): ChangeLine[] {
  // K ties both documents to `kind`; TypeScript does not narrow a generic by the switch, so each branch names its type.
  switch (kind) {
    case 'flows':
      return flowDiff(before as DocByKind['flows'], after as DocByKind['flows'], ctx);
    case 'keyword-groups':
      return keywordGroupDiff(before as DocByKind['keyword-groups'], after as DocByKind['keyword-groups'], ctx.t);
    default:
      return policyDiff(before as DocByKind['policies'], after as DocByKind['policies'], ctx.t);
  }
}

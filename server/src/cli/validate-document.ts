/**
 * `replyflow validate`: tells what kind of document a file holds, checks it against its schema
 * and, for flows, the graph checks; every problem with its JSON pointer.
 */
import type { Flow, KeywordGroup, SchemaName } from '../../../rules-schema/index.js';
import { validate } from '../../../rules-schema/validator.js';
import { checkFlowGraph } from '../../../rules-schema/graph-checks.js';
import { describeGraphProblem } from '../../../rules-schema/graph-problem-messages.js';
import { DEFAULT_GRANT, DEFAULT_MAX_REPLIES } from '../../../rules-schema/reply-cost.js';

export interface DocumentProblem {
  path: string;
  message: string;
  severity: 'error' | 'warning';
}

/** Guesses the schema from the fields only that kind of document has. */
export function kindOfDocument(doc: unknown): SchemaName | null {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return null;
  const has = (k: string) => Object.hasOwn(doc, k);
  if (has('nodes') || has('edges')) return 'flow';
  if (has('keywords')) return 'keyword-group';
  if (has('industry')) return 'pack';
  if (has('steps')) return 'scenario';
  if (has('lexicons') || has('window') || has('frequency')) return 'policy';
  return null;
}

export function validateDocument(
  doc: unknown,
  groups: readonly KeywordGroup[],
): { kind: SchemaName | null; problems: DocumentProblem[] } {
  const kind = kindOfDocument(doc);
  if (!kind)
    return {
      kind,
      problems: [
        { path: '/', message: '认不出这是哪种文档（flow、keyword-group、policy、scenario、pack）', severity: 'error' },
      ],
    };
  const result = validate(kind, doc);
  if (!result.ok) return { kind, problems: result.problems.map((p) => ({ ...p, severity: 'error' as const })) };
  if (kind !== 'flow') return { kind, problems: [] };
  const limits = { grant: DEFAULT_GRANT, maxReplies: DEFAULT_MAX_REPLIES };
  return {
    kind,
    problems: checkFlowGraph(doc as Flow, groups, limits).map((p) => ({
      path: p.path,
      message: `${p.code}: ${describeGraphProblem(p)}`,
      severity: p.severity,
    })),
  };
}

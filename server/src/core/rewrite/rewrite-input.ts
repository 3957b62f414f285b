/** What a rewrite strategy reads: the reason's code and its evidence in the field's text. */
import type { Evidence } from '../reason.js';

export interface RewriteInput {
  /** The reason code as reported (`EXTERNAL_LINK`, `pack:beauty/SAFETY_CLAIM`, `rule:vip`). */
  code: string;
  /** Evidence whose offsets were checked against `text`; absent when the reason has none or they disagree. */
  evidence?: Evidence;
  /** The evidence field's whole text, present with `evidence`. */
  text?: string;
}

/** The parts of a code a strategy cares about. */
export interface CodeParts {
  /** `pack:<id>/<CODE>` → the pack id; `rule:<id>` → the rule id. */
  owner: 'core' | 'pack' | 'rule';
  id: string;
  /** The code without its namespace (`SAFETY_CLAIM`). */
  base: string;
}

/**
 * @example codeParts('pack:beauty/SAFETY_CLAIM') // { owner: 'pack', id: 'beauty', base: 'SAFETY_CLAIM' }
 */
export function codeParts(code: string): CodeParts {
  if (code.startsWith('pack:')) {
    const slash = code.indexOf('/');
    return slash < 0
      ? { owner: 'pack', id: code.slice(5), base: '' }
      : { owner: 'pack', id: code.slice(5, slash), base: code.slice(slash + 1) };
  }
  if (code.startsWith('rule:')) return { owner: 'rule', id: code.slice(5), base: '' };
  return { owner: 'core', id: '', base: code };
}

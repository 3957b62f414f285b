/** Picks the rewrite strategy for a reason code: the registry of §7 codes, then pack and custom codes. */
import type { RewritePlan } from './rewrite-suggestion.js';
import { codeParts, type RewriteInput } from './rewrite-input.js';
import { rewriteExternalLink } from './rewrite-external-link.js';
import { rewriteAbsoluteTerm } from './rewrite-absolute-term.js';
import { rewriteMedicalClaim } from './rewrite-medical-claim.js';
import { removeBannedTerm, removeInducedSharing, removeMarketplaceCode, removePackTerm } from './rewrite-by-removal.js';
import { GENERIC_HINT, REASON_HINTS } from './reason-hints.js';

type Strategy = (input: RewriteInput) => RewritePlan;

const STRATEGIES: Readonly<Record<string, Strategy>> = {
  EXTERNAL_LINK: rewriteExternalLink,
  ABSOLUTE_TERM: rewriteAbsoluteTerm,
  MEDICAL_CLAIM: rewriteMedicalClaim,
  INDUCED_SHARING: removeInducedSharing,
  MARKETPLACE_CODE: removeMarketplaceCode,
  BANNED_TERM: removeBannedTerm,
};

/**
 * A pack lexicon may report a §7 code under its own namespace (`pack:x/MEDICAL_CLAIM`); it is
 * rewritten like the core code. Other pack codes with evidence lose the evidence.
 * @example planRewrite({ code: 'ABSOLUTE_TERM', evidence, text }).edit?.replacement // '优质' for 最佳
 */
export function planRewrite(input: RewriteInput): RewritePlan {
  const { owner, id, base } = codeParts(input.code);
  const strategy = owner === 'rule' ? undefined : STRATEGIES[base];
  if (strategy) return strategy(input);
  const hint = owner === 'core' ? REASON_HINTS[base] : undefined;
  if (hint) return { message: hint };
  if (owner === 'pack') return removePackTerm(input);
  if (owner === 'rule') return { message: `这条由自定义规则“${id}”拦截，${GENERIC_HINT}` };
  return { message: GENERIC_HINT };
}

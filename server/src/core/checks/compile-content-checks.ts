/**
 * The content checks of CONTRACT §7 (everything but the window, frequency, duplicate and
 * over-marketing checks, which need the store): compiled once per policy version, then
 * run per reply with the lexicon automaton's term hits.
 */
import type { Lexicon } from '../../../../rules-schema/index.js';
import type { ResolvedPolicy } from '../policy/resolve-policy.js';
import type { Reason } from '../reason.js';
import { Automaton } from '../text/automaton.js';
import { normalizeText } from '../text/normalize-text.js';
import { checkContentLength } from './check-content-length.js';
import { checkExternalLinks } from './check-external-links.js';
import { checkLexiconTerms } from './check-lexicon-terms.js';
import { checkMarketplaceCodes } from './check-marketplace-codes.js';
import { checkReplyShape } from './check-reply-shape.js';
import { codeSetting, type CodeSetting } from './code-setting.js';
import { compileTermPatterns, type CompiledTerms, type TermPattern } from './compile-term-patterns.js';
import { liveTermHits } from './live-term-hits.js';
import { judgeTermHits } from './judge-term-hits.js';
import { suppressedNotes } from './suppressed-notes.js';
import { allowedSpans, type AllowedSpan } from './allowed-spans.js';
import { scanRegexTerms } from './regex-terms.js';
import { regexGate, requiredChars } from './regex-prefilter.js';
import { replyFields } from './reply-fields.js';
import { replyFingerprint } from './reply-fingerprint.js';
import type { TermHit, TermPayload, TermScanner } from './term-hit.js';
import type { ReplyClassifier } from './reply-classifier.js';
import { reviewedByClassifier } from './review-by-classifier.js';
import { checkByClassifier } from './check-by-classifier.js';

export type { TermHit, TermPayload, TermScanner } from './term-hit.js';

export interface ContentCheckResult {
  reasons: Reason[];
  /** A promotion lexicon term survived its exclusions (the caller's OVER_MARKETING input). */
  promotional: boolean;
  /** DUPLICATE_REPLY key: see replyFingerprint. */
  fingerprint: string;
}

export interface CompiledContentChecks {
  /** Every normalized pattern this policy scans for, built by the caller into the lexicon automaton (apart from the keyword groups'). */
  termPatterns: TermPattern[];
  /**
   * Checks one reply whose variables are already filled; `scan` returns the `kind: 'term'` hits
   * of a normalized text. `context.flowId` (the flow proposing the reply) enables flow-scoped allowances.
   */
  check(reply: unknown, scan: TermScanner, context?: ContentCheckContext): ContentCheckResult;
}

export interface ContentCheckContext {
  flowId?: string;
}

/**
 * @param extraLexicons lexicons of the enabled packs, checked like the policy's own.
 * @param terms the lexicons' terms already compiled (the workspace compiler does it in slices); else compiled here.
 * @param classifier the second reader for what the lexicons pass (check-by-classifier.ts); none: the lexicons alone.
 * @example
 * const checks = compileContentChecks(resolvePolicy(policy));
 * checks.check({ type: 'text', content: '保证治愈' }, scannerFor(checks.termPatterns)).reasons[0]?.code // 'MEDICAL_CLAIM'
 */
export function compileContentChecks(
  policy: ResolvedPolicy,
  extraLexicons: readonly Lexicon[] = [],
  terms?: CompiledTerms,
  classifier?: ReplyClassifier,
): CompiledContentChecks {
  const {
    patterns: termPatterns,
    regexTerms,
    pinyinSubstituted,
  } = terms ?? compileTermPatterns(policy, [...policy.lexicons, ...extraLexicons]);
  // The regex terms whose required chars all occur in the text (regex-prefilter.ts).
  const runnable = regexGate(regexTerms.map((term) => ({ item: term, needs: requiredChars(term.regex.pattern()) })));
  const allow = policy.links.allow;
  const length = codeSetting(policy, 'CONTENT_TOO_LONG');
  const links = codeSetting(policy, 'EXTERNAL_LINK');
  const marketplace = codeSetting(policy, 'MARKETPLACE_CODE');
  const settings = new Map<string, CodeSetting>();
  const settingOf = (code: string): CodeSetting => {
    let setting = settings.get(code);
    if (setting === undefined) settings.set(code, (setting = codeSetting(policy, code)));
    return setting;
  };
  const isEnabled = (code: string): boolean => settingOf(code).enabled;
  // A policy that switched off every code the classifier reads does not pay for reading.
  const reader = classifier?.codeNames().some(isEnabled) ? classifier : undefined;

  return {
    termPatterns,
    check(reply: unknown, scan: TermScanner, context: ContentCheckContext = {}): ContentCheckResult {
      const fingerprint = replyFingerprint(reply);
      const shape = checkReplyShape(reply);
      if (!shape.ok) return { reasons: [shape.reason], promotional: false, fingerprint };
      const reasons = checkContentLength(shape.reply, policy.content, length.severity);
      let promotional = false;
      for (const field of replyFields(shape.reply)) {
        append(reasons, checkExternalLinks(field, allow, links.severity));
        if (field.url) continue;
        const normalized = normalizeText(field.text);
        const raw = scan(normalized.text);
        if (regexTerms.length > 0)
          for (const h of scanRegexTerms(runnable(normalized.text), normalized.text)) raw.push(h);
        for (const h of pinyinSubstituted(normalized.text)) raw.push(h);
        const allowed: AllowedSpan[] = allowedSpans(raw, field.text, normalized, context.flowId);
        const reading = reader?.read(normalized.text);
        const judged = judgeTermHits(liveTermHits(raw, normalized.text), field.text, normalized, allowed);
        const { hits, suppressed } = reading ? reviewedByClassifier(judged, field.text, normalized, reading) : judged;
        promotional ||= hits.some((h) => h.payload.role === 'hit' && h.payload.promotional);
        const found: Reason[] = [];
        append(found, checkMarketplaceCodes(field, normalized, hits, marketplace));
        append(found, checkLexiconTerms(field, normalized, hits));
        append(found, suppressedNotes(field, normalized, suppressed));
        if (reading) {
          const read = checkByClassifier(field, normalized, found, allowed, reading, settingOf);
          // A promotion only the classifier read counts toward OVER_MARKETING like a lexicon's.
          promotional ||= read.some((r) => r.code === 'PROMOTION' && r.severity !== 'info');
          append(found, read);
        }
        allowedByEvidence(reasons, allowed, field.field); // links found before the term scan
        append(reasons, allowed.length === 0 ? found : found.filter((r) => !isAllowedReason(r, allowed)));
      }
      return {
        reasons: withoutNotesBesideFindings(withoutContained(reasons.filter((r) => isEnabled(r.code)))),
        promotional,
        fingerprint,
      };
    },
  };
}

/**
 * A scanner over `patterns` alone (tests, offline tools); the runtime builds the same lexicon automaton in compile steps.
 */
export function scannerFor(patterns: CompiledContentChecks['termPatterns']): TermScanner {
  const automaton = new Automaton<TermPayload>(patterns);
  return (normalized: string): TermHit[] => automaton.scan(normalized);
}

/**
 * Two findings of one code where one's evidence lies inside the other's (邀请好友助力 as a
 * phrase and as action + reward) are one problem: keep the wider. A sort and one sweep,
 * so a text stuffed with terms cannot make this quadratic.
 */
function withoutContained(reasons: Reason[]): Reason[] {
  const order = reasons
    .map((reason, index) => ({ reason, index, e: reason.evidence }))
    .filter((x) => x.e !== undefined)
    .sort((a, b) => {
      const ka = groupOf(a.reason);
      const kb = groupOf(b.reason);
      return ka < kb
        ? -1
        : ka > kb
          ? 1
          : (a.e?.start ?? 0) - (b.e?.start ?? 0) || (b.e?.end ?? 0) - (a.e?.end ?? 0) || a.index - b.index;
    });
  const dropped = new Set<number>();
  let group = '';
  let furthest = -1;
  for (const { reason, index, e } of order) {
    const key = groupOf(reason);
    if (key !== group) {
      group = key;
      furthest = -1;
    }
    const end = e?.end ?? 0;
    if (end <= furthest) dropped.add(index);
    else furthest = end;
  }
  return dropped.size === 0 ? reasons : reasons.filter((_, index) => !dropped.has(index));
}

/** Findings and `info` notes are contained only within their own kind. */
function groupOf(reason: Reason): string {
  return `${reason.evidence?.field ?? ''}\u0000${reason.code}\u0000${reason.severity === 'info' ? 'info' : ''}`;
}

/** A note is moot where a finding of its code overlaps it (the place is reported anyway). Notes are few (bounded per field). */
function withoutNotesBesideFindings(reasons: Reason[]): Reason[] {
  if (!reasons.some((r) => r.severity === 'info')) return reasons;
  return reasons.filter(
    (note) => note.severity !== 'info' || !reasons.some((r) => r.severity !== 'info' && overlaps(r, note)),
  );
}

function overlaps(a: Reason, b: Reason): boolean {
  const x = a.evidence;
  const y = b.evidence;
  return (
    a.code === b.code && x !== undefined && y !== undefined && x.field === y.field && x.start < y.end && y.start < x.end
  );
}

/** Drops, in place, the reasons of `field` that an allowance covers (EXTERNAL_LINK evidence found before the scan). */
function allowedByEvidence(reasons: Reason[], allowed: readonly AllowedSpan[], field: string): void {
  if (allowed.length === 0) return;
  for (let i = reasons.length - 1; i >= 0; i--) {
    const r = reasons[i];
    if (r && r.evidence?.field === field && isAllowedReason(r, allowed)) reasons.splice(i, 1);
  }
}

function isAllowedReason(reason: Reason, allowed: readonly AllowedSpan[]): boolean {
  const e = reason.evidence;
  return e !== undefined && allowed.some((a) => a.code === reason.code && a.start <= e.start && a.end >= e.end);
}

/** `push(...items)` passes every item as an argument and overflows the stack on huge texts. */
function append(target: Reason[], items: readonly Reason[]): void {
  for (const item of items) target.push(item);
}

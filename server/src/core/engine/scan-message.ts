/** Normalizes a text once and scans it once with the workspace automaton. */
import { normalizeText, type NormalizedText } from '../text/normalize-text.js';
import type { TermHit } from '../checks/compile-content-checks.js';
import type { CompiledWorkspace } from './compile-workspace.js';
import { fuzzySkeleton, matchGroups, regexKeywordHits, type GroupMatch, type Hit, type KeywordPayload } from './keyword-matcher.js';

export function keywordMatches(compiled: CompiledWorkspace, content: string): Map<string, GroupMatch> {
  const text: NormalizedText = normalizeText(content);
  const hits = compiled.automaton.scan(text.text).filter((h): h is Hit<KeywordPayload> => h.payload.kind === 'keyword');
  if (compiled.regexKeywords.length > 0) hits.push(...regexKeywordHits(compiled.regexKeywords, text.text));
  const skeletonHits = compiled.hasFuzzyGroups
    ? compiled.automaton.scan(fuzzySkeleton(text.text)).filter((h): h is Hit<KeywordPayload> => h.payload.kind === 'keyword')
    : [];
  return matchGroups(compiled.groups, text, hits, skeletonHits);
}

/** The term scanner the content checks call for each text field of a reply. */
export function termScanner(compiled: CompiledWorkspace): (normalized: string) => TermHit[] {
  return (normalized) => compiled.automaton.scan(normalized).filter((h): h is TermHit => h.payload.kind === 'term');
}

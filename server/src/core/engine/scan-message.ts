/** Normalizes a text once and scans it once with the workspace automaton. */
import { normalizeText, type NormalizedText } from '../text/normalize-text.js';
import { syllableText } from '../text/pinyin-forms.js';
import type { TermHit } from '../checks/compile-content-checks.js';
import type { CompiledWorkspace, Payload } from './compile-workspace.js';
import { fuzzySkeleton, matchGroups, regexKeywordHits, type GroupMatch, type Hit, type KeywordPayload } from './keyword-matcher.js';

export function keywordMatches(compiled: CompiledWorkspace, content: string): Map<string, GroupMatch> {
  const text: NormalizedText = normalizeText(content);
  const hits = compiled.automaton.scan(text.text).filter(isLiteralKeyword);
  if (compiled.regexKeywords.length > 0) hits.push(...regexKeywordHits(compiled.regexKeywords, text.text));
  if (compiled.hasPinyinGroups) hits.push(...syllableHits(compiled, text.text));
  const skeleton = compiled.hasFuzzyGroups ? fuzzySkeleton(text.text) : '';
  const skeletonHits = compiled.hasFuzzyGroups ? compiled.automaton.scan(skeleton).filter(isLiteralKeyword) : [];
  return matchGroups(compiled.groups, { text, input: content, hits, skeleton: { text: skeleton, hits: skeletonHits } });
}

/** The term scanner the content checks call for each text field of a reply. */
export function termScanner(compiled: CompiledWorkspace): (normalized: string) => TermHit[] {
  return (normalized) => compiled.automaton.scan(normalized).filter((h): h is TermHit => h.payload.kind === 'term');
}

function isLiteralKeyword(h: Hit<Payload>): h is Hit<KeywordPayload> {
  return h.payload.kind === 'keyword' && h.payload.form !== 'syllables';
}

/** Same-sounding keywords (退宽 for 退款): a scan of the message's syllables, hits mapped back to normalized offsets. */
function syllableHits(compiled: CompiledWorkspace, normalized: string): Array<Hit<KeywordPayload>> {
  const syllables = syllableText(normalized);
  if (!syllables) return [];
  const hits: Array<Hit<KeywordPayload>> = [];
  for (const h of compiled.automaton.scan(syllables.text)) {
    if (h.payload.kind !== 'keyword' || h.payload.form !== 'syllables') continue;
    const start = syllables.offsets.get(h.start);
    const end = syllables.offsets.get(h.end);
    if (start !== undefined && end !== undefined) hits.push({ start, end, payload: h.payload });
  }
  return hits;
}

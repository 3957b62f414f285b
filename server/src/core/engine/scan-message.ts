/** Normalizes a message once and scans it once with the keyword automaton (plus its skeleton and syllables when groups ask). */
import { normalizeText, type NormalizedText } from '../text/normalize-text.js';
import type { SyllableAlphabet } from '../text/pinyin-forms.js';
import type { TermHit } from '../checks/compile-content-checks.js';
import type { AutomatonShards } from './automaton-shards.js';
import type { CompiledWorkspace } from './compile-workspace.js';
import {
  fuzzySkeleton,
  matchGroups,
  regexKeywordHits,
  type GroupMatch,
  type GroupMatches,
  type Hit,
  type KeywordPayload,
} from './keyword-matcher.js';

export function keywordMatches(compiled: CompiledWorkspace, content: string): Map<string, GroupMatch> {
  return keywordScan(compiled, content).matches;
}

/** The groups a message matched, and those skipped because it closed their matter (see `skipSettled`). */
export function keywordScan(compiled: CompiledWorkspace, content: string): GroupMatches {
  const text: NormalizedText = normalizeText(content);
  const literal = compiled.keywordAutomaton.scan(text.text);
  const skeleton = compiled.hasFuzzyGroups ? fuzzySkeleton(text.text) : '';
  // Most messages hold no filler: their skeleton is the text itself, already scanned.
  const skeletonHits = !compiled.hasFuzzyGroups
    ? []
    : skeleton === text.text
      ? literal
      : compiled.keywordAutomaton.scan(skeleton);
  const hits = [...literal];
  if (compiled.regexKeywords.length > 0) hits.push(...regexKeywordHits(compiled.regexKeywords, text.text));
  if (compiled.syllables) hits.push(...syllableHits(compiled.syllables, text.text));
  return matchGroups(compiled.groups, { text, input: content, hits, skeleton: { text: skeleton, hits: skeletonHits } });
}

/** The term scanner the content checks call for each text field of a reply. */
export function termScanner(compiled: CompiledWorkspace): (normalized: string) => TermHit[] {
  return (normalized) => compiled.termAutomaton.scan(normalized);
}

/** Same-sounding keywords (退宽 for 退款): a scan of the message's syllables, hits mapped back to normalized offsets. */
function syllableHits(
  syllables: { alphabet: SyllableAlphabet; automaton: AutomatonShards<KeywordPayload> },
  normalized: string,
): Array<Hit<KeywordPayload>> {
  const text = syllables.alphabet.textOf(normalized);
  if (!text) return [];
  const hits: Array<Hit<KeywordPayload>> = [];
  for (const h of syllables.automaton.scan(text.text)) {
    hits.push({ start: text.offsets[h.start] ?? 0, end: text.offsets[h.end] ?? 0, payload: h.payload });
  }
  return hits;
}

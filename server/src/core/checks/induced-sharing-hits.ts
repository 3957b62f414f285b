/**
 * INDUCED_SHARING by proximity: a share/forward/follow action (转发, 分享到朋友圈, 关注)
 * and a reward word (领, 送, 红包, 抽奖) close together in one sentence, in either order
 * (转发给朋友能再领一张, 关注后领取, 领红包需先分享). Self-standing phrases such as 集赞
 * are plain lexicon hits and reported by checkLexiconTerms.
 */
import type { NormalizedText } from '../text/normalize-text.js';
import type { Reason } from '../reason.js';
import { fieldEvidence } from './field-evidence.js';
import type { ReplyField } from './reply-fields.js';
import type { TermHit } from './term-hit.js';

/**
 * @param hits the field's live term hits, ordered by start (as liveTermHits returns them); the `share-*` cues are used here.
 */
export function checkInducedSharing(field: ReplyField, normalized: NormalizedText, hits: readonly TermHit[]): Reason[] {
  const rewards = hits.filter((h) => h.payload.cue === 'share-reward');
  if (rewards.length === 0) return [];
  const reasons: Reason[] = [];
  let lastEnd = -1;
  let lo = 0;
  for (const action of hits) {
    if (action.payload.cue !== 'share-action' || action.start < lastEnd) continue;
    // Hits are sorted by start: only rewards in a window around the action can pair with it,
    // so a text stuffed with cues stays linear.
    while (lo < rewards.length && (rewards[lo]?.end ?? 0) < action.start - MAX_GAP) lo++;
    let reward: TermHit | undefined;
    for (let k = lo; k < rewards.length && !reward; k++) {
      const r = rewards[k];
      if (!r || r.start > action.end + MAX_GAP) break;
      if (gap(action, r) <= MAX_GAP && !crossesSentence(field.text, normalized, action, r)) reward = r;
    }
    if (!reward) continue;
    const start = Math.min(action.start, reward.start);
    const end = Math.max(action.end, reward.end);
    lastEnd = end; // one reason per inducement, not one per cue inside it
    const evidence = fieldEvidence(field.field, field.text, normalized, start, end);
    reasons.push({
      code: action.payload.code,
      severity: action.payload.severity,
      message: `“${evidence.text}”以奖励诱导用户分享、转发或关注，违反平台运营规范（诱导分享）。`,
      ruleId: `lexicon:${action.payload.lexiconId}`,
      evidence,
    });
  }
  return reasons;
}

/** Max normalized chars between the action and the reward. */
const MAX_GAP = 12;
/** Sentence ends in the ORIGINAL text (line breaks are dropped from the normalized one). */
const SENTENCE_END = /[。！？!?；;\n\r]/;

function gap(a: TermHit, b: TermHit): number {
  return Math.max(a.start, b.start) - Math.min(a.end, b.end);
}

function crossesSentence(original: string, normalized: NormalizedText, a: TermHit, b: TermHit): boolean {
  const from = normalized.map[Math.min(a.end, b.end)] ?? 0;
  const to = normalized.map[Math.max(a.start, b.start)] ?? 0;
  return from < to && SENTENCE_END.test(original.slice(from, to));
}

/**
 * INDUCED_SHARING by proximity: a share/forward/follow action (转发, 分享到朋友圈, 关注)
 * and a reward word (领, 送, 红包, 解锁) close together in one sentence, in either order
 * (转发给朋友能再领一张, 关注后领取, 领红包需先分享). A reward that is denied (没有任何奖励)
 * pairs with nothing. Each inducement becomes one `hit`, judged by context (有人冒充我们发
 * “转发领红包”) and reported like the self-standing phrases (集赞) by checkLexiconTerms.
 */
import type { NormalizedText } from '../text/normalize-text.js';
import { crossesSentence } from './clause-bounds.js';
import { isNegated } from './negated-hits.js';
import type { TermHit } from './term-hit.js';

/**
 * @param hits the field's live term hits, ordered by start (as liveTermHits returns them); the `share-*` cues are used here.
 * @example inducedSharingHits(hits of '转发给朋友能再领一张', …)[0]?.payload.code // 'INDUCED_SHARING'
 */
export function inducedSharingHits(hits: readonly TermHit[], original: string, normalized: NormalizedText): TermHit[] {
  const rewards = hits.filter((h) => h.payload.cue === 'share-reward' && !isNegated(normalized.text, h.start));
  if (rewards.length === 0) return [];
  const found: TermHit[] = [];
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
      const [first, second] = r.start < action.start ? [r, action] : [action, r];
      if (gap(action, r) <= MAX_GAP && !crossesSentence(original, normalized, first.end, second.start)) {
        reward = r;
        lo = k + 1; // a reward induces once: the next action pairs with a later one
      }
    }
    if (!reward) continue;
    const start = Math.min(action.start, reward.start);
    const end = Math.max(action.end, reward.end);
    lastEnd = end; // one finding per inducement, not one per cue inside it
    found.push({
      start,
      end,
      payload: { ...action.payload, role: 'hit', term: `${action.payload.term}+${reward.payload.term}` },
    });
  }
  return found;
}

/** Max normalized chars between the action and the reward (转发本消息给5位好友，截图给我就送). */
const MAX_GAP = 16;

function gap(a: TermHit, b: TermHit): number {
  return Math.max(a.start, b.start) - Math.min(a.end, b.end);
}

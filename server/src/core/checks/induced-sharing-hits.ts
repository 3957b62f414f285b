/**
 * INDUCED_SHARING by proximity: a share/forward/follow action (转发, 分享到朋友圈, 关注)
 * and a reward word (领, 送, 红包, 解锁) close together in one sentence, in either order
 * (转发给朋友能再领一张, 关注后领取, 领红包需先分享). A reward that is denied (没有任何奖励),
 * or a reward word inside it (the 奖励 of 没有推荐奖励), pairs with nothing, nor does a share act
 * said to be unneeded (领取优惠券不需要分享). Each inducement becomes one `hit`, judged by context (有人冒充我们发
 * “转发领红包”) and reported like the self-standing phrases (集赞) by checkLexiconTerms.
 */
import { normalizedTerms, type NormalizedText } from '../text/normalize-text.js';
import { crossesSentence } from './clause-bounds.js';
import { isNegated } from './negated-hits.js';
import type { TermHit } from './term-hit.js';

/**
 * @param hits the field's live term hits, ordered by start (as liveTermHits returns them); the `share-*` cues are used here.
 * @example inducedSharingHits(hits of '转发给朋友能再领一张', …)[0]?.payload.code // 'INDUCED_SHARING'
 */
export function inducedSharingHits(hits: readonly TermHit[], original: string, normalized: NormalizedText): TermHit[] {
  const rewards = undeniedRewards(hits, normalized.text);
  if (rewards.length === 0) return [];
  const found: TermHit[] = [];
  let lastEnd = -1;
  let lo = 0;
  for (const action of hits) {
    if (action.payload.cue !== 'share-action' || action.start < lastEnd || unneeded(normalized.text, action.start))
      continue;
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

/** The reward hits not denied, nor inside a denied one (hits are sorted by start, longer first at one start). */
function undeniedRewards(hits: readonly TermHit[], text: string): TermHit[] {
  const out: TermHit[] = [];
  let deniedUntil = -1;
  for (const h of hits) {
    if (h.payload.cue !== 'share-reward') continue;
    if (h.end <= deniedUntil) continue;
    if (isNegated(text, h.start)) deniedUntil = Math.max(deniedUntil, h.end);
    else out.push(h);
  }
  return out;
}

/** A share act said to be unneeded (不需要分享, 无需再转发) asks for nothing; a plain negation does not void it (不分享就领不了 still induces). */
function unneeded(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - UNNEEDED_REACH), start);
  return UNNEEDED.some((n) => before.endsWith(n) || UNNEEDED_FILLERS.some((f) => before.endsWith(n + f)));
}

const UNNEEDED = normalizedTerms('不需要 无需 不用 不必 用不着 不要求');
const UNNEEDED_FILLERS = normalizedTerms('再 额外 去 先');
const UNNEEDED_REACH = 6;

/** Max normalized chars between the action and the reward (转发本消息给5位好友，截图给我就送). */
const MAX_GAP = 16;

function gap(a: TermHit, b: TermHit): number {
  return Math.max(a.start, b.start) - Math.min(a.end, b.end);
}

import type { ReplyCounters, WindowView } from '../../../rules-schema/index.js';

/**
 * How many more replies may go to the user now: the least of what the platform's grant has
 * left and what the account's own etiquette allows since the user's last interaction. One
 * number, because the operator's question is "how many can I still send", not which rule binds.
 * Without counters (an inbound step's answer has none) only the platform's quota is known.
 * @example sendableLeft({ …, quota: { left: 5 } }, { repliesSinceInteraction: 2, maxRepliesPerInteraction: 3 }) // 1
 */
export function sendableLeft(window: Pick<WindowView, 'state' | 'quota'>, counters?: ReplyCounters): number {
  if (window.state !== 'open' && window.state !== 'closing') return 0;
  const platform = Math.max(0, window.quota.left);
  if (!counters) return platform;
  return Math.min(platform, Math.max(0, counters.maxRepliesPerInteraction - counters.repliesSinceInteraction));
}

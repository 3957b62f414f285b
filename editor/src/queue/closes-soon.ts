import { useTickingNow } from './use-ticking-now.js';

/** How close a deadline counts as "about to close": agents should answer these first. */
export const CLOSES_SOON_MS = 60 * 60_000;

/** The seed's follow-up question: a user who answers it opens a fresh 48-hour window. */
export const FOLLOW_UP_PROMPT = '还有其他问题吗？';

/**
 * Whether the user's window closes within the hour, as of now; flips once, while mounted.
 * @example const closing = useClosesSoon(user.deadline);
 */
export function useClosesSoon(deadline: string): boolean {
  const at = Date.parse(deadline);
  return useTickingNow((now) => at - now <= CLOSES_SOON_MS);
}

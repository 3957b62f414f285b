import { useTickingNow } from './use-ticking-now.js';

/** How close a deadline counts as "about to close": agents should answer these first. */
export const CLOSES_SOON_MS = 60 * 60_000;

/**
 * Whether the user's window closes within the hour, as of now; flips once, while mounted.
 * @example const closing = useClosesSoon(user.deadline);
 */
export function useClosesSoon(deadline: string): boolean {
  const at = Date.parse(deadline);
  return useTickingNow((now) => at - now <= CLOSES_SOON_MS);
}

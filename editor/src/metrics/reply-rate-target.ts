/** The seed's bar for the reply rate: over 90 % of turns answered. */
export const REPLY_RATE_TARGET = 0.9;

export function meetsReplyRateTarget(rate: number): boolean {
  return rate >= REPLY_RATE_TARGET;
}

/**
 * The reply shapes the gateway can put on the wire: the CONTRACT §5 replies plus `music`,
 * which passive replies and the customer-service API both accept (DOMAIN §1.5, §2.4).
 */
import type { Reply } from '../../../rules-schema/index.js';

export interface MusicReply {
  type: 'music';
  title?: string;
  description?: string;
  musicUrl?: string;
  hqMusicUrl?: string;
  thumbMediaId: string;
}

export type WireReply = Reply | MusicReply;

/** Narrows an engine reply (validated against the reply schema upstream) for the mappers. */
export function asWireReply(reply: unknown): WireReply | null {
  if (typeof reply !== 'object' || reply === null) return null;
  const type = (reply as { type?: unknown }).type;
  return typeof type === 'string' ? (reply as WireReply) : null; // parse boundary: shape judged by §7 checks
}

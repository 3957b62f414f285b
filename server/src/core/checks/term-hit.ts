/**
 * What the lexicon automaton reports for policy lexicons. It holds these patterns only (keyword
 * groups have automata of their own, so neither scan walks the other's patterns).
 */
import type { Severity } from '../reason.js';

/**
 * - `hit`: the term itself is the finding (最佳, 保证治愈);
 * - `exclusion`: a longer ordinary phrase (第一次) that cancels the hits of term `termKey` inside its span;
 * - `cue`: half of a finding that needs a partner nearby (转发 … 领, 复制 … 打开淘宝).
 */
export type TermRole = 'hit' | 'exclusion' | 'cue';

export type CueKind =
  | 'share-action'
  | 'share-reward'
  | 'copy'
  | 'open-app'
  | 'code-name'
  | 'code-search'
  | 'share-text'
  | 'pair-head'
  | 'pair-partner';

/** A construction's head looks for a partner lexicon's cue (`pairKey`) on `side`, at most `maxGap` chars away. */
export interface PairRule {
  pairKey: number;
  side: 'before' | 'after' | 'either';
  maxGap: number;
  within: 'clause' | 'sentence';
}

export interface TermPayload {
  kind: 'term';
  role: TermRole;
  lexiconId: string;
  lexiconName: string;
  /** The lexicon term as written (for an exclusion: the term it cancels). */
  term: string;
  /** For an exclusion: the phrase as written. */
  exclusion?: string;
  /** For a cue: which half it is. */
  cue?: CueKind;
  code: string;
  severity: Severity;
  /** Identity of one lexicon term, shared by its hit and its exclusions (ids may repeat across packs). */
  termKey: number;
  /** True when hits of this term make the reply promotional (OVER_MARKETING). */
  promotional: boolean;
  /** A negation right before the hit cancels it (不能保证治愈): see negated-hits.ts. */
  negatable?: boolean;
  /** The reply classifier may take the hit back (review-by-classifier.ts). */
  reviewable?: boolean;
  /** For a construction's head (`cue: 'pair-head'`): the partners that complete it. */
  pairs?: readonly PairRule[];
  /** For a construction's partner (`cue: 'pair-partner'`): its lexicon's key. */
  pairKey?: number;
  /** For an allowance (reviewed false positive): the code it silences inside its span. */
  allowance?: string;
  /** For an allowance scoped to one flow: that flow's id. */
  allowanceFlowId?: string;
}

export interface TermHit {
  /** UTF-16 offsets in the NORMALIZED text. */
  start: number;
  end: number;
  payload: TermPayload;
}

export type TermScanner = (normalized: string) => TermHit[];

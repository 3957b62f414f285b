import { newId } from './new-id.js';
import type { Collection, Filter, GroupCount, IndexSpec, StoredDoc } from './collection.js';
import { docFields, toJsonField } from './doc-fields.js';

/**
 * What happened in conversations, one row per fact, append-only: the source of the reply
 * metrics (CONTRACT §12) and of the queue's last messages.
 * - `message`: a user message (§6 user-message kinds), with the message (§5), its type and
 *   whether it matched any keyword group;
 * - `match`: one keyword group a user message matched;
 * - `reply`: a committed reply, `auto` (/inbound, or no agent named) or `human` (with its agent);
 * - `reason`: one reason of a judged reply (committed or not, also checks without commit);
 * - `handoff`: a flow handed the user to a human.
 */
export type InsightEvent =
  | { kind: 'message'; message: unknown; type: string; matched: boolean }
  | { kind: 'match'; group: string }
  | { kind: 'reply'; by: 'auto' | 'human'; agent?: string }
  | { kind: 'reason'; code: string; severity: 'block' | 'warn' }
  | { kind: 'handoff' };

export type InsightKind = InsightEvent['kind'];

/** Where an event sits: whose, when (its own time) and its chart buckets in the account's zone. */
export interface EventPlace {
  account: string;
  openid: string;
  t: Date;
  /** Local calendar day `2026-11-24` and hour `2026-11-24T10` (see `timeBuckets`). */
  day: string;
  hour: string;
}

/** Default retention of events and turns, by server time; `INSIGHTS_RETENTION_DAYS` sets it. */
export const INSIGHTS_RETENTION_DAYS = 180;

/**
 * Range counts and groupings run in the store (`count`, `countBy` over the index on
 * account+kind+t): a report never loads the events themselves. That index also holds every
 * field a report filters or groups by, so each report query reads the index alone.
 */
export class EventRepository {
  /** Stored `at` is the server time of the append (the TTL clock); the event's own time is `t`. */
  static indexes(retentionSeconds: number): IndexSpec[] {
    return [
      { fields: ['account', 'kind', 't', 'day', 'hour', 'by', 'severity', 'code', 'group', 'type', 'matched'] },
      { fields: ['account', 'openid', 'kind', 't'] },
      { fields: ['at'], expireAfterSeconds: retentionSeconds },
    ];
  }

  constructor(
    private readonly c: Collection,
    private readonly serverNow: () => number,
  ) {}

  async append(place: EventPlace, event: InsightEvent): Promise<void> {
    await this.c.insertOne(this.toDoc(place, new Date(this.serverNow()), event));
  }

  /**
   * Several events of one place (one message's facts) in one write. A message's first keyword
   * group and its first auto reply ride on the message's own row (`group`, `by: 'auto'`) instead
   * of rows of their own: a typical answered message writes one row, not three (each row is an
   * entry in every index of the collection; see `rowsOf` for how counts find them).
   */
  async appendAll(place: EventPlace, events: readonly InsightEvent[]): Promise<void> {
    const at = new Date(this.serverNow());
    await this.c.insertMany(folded(events).map((e) => this.toDoc(place, at, e)));
  }

  /** Events of `kind` with `from <= t < to`, narrowed by equality on other fields. */
  count(account: string, kind: InsightKind, range: TimeRange, where: Filter = {}): Promise<number> {
    return this.c.count(rangeFilter(account, kind, range, where));
  }

  /** The same, grouped by one field (`code`, `group`, `day`, `hour` …), most frequent first. */
  countBy(
    account: string,
    kind: InsightKind,
    range: TimeRange,
    field: string,
    where: Filter = {},
    limit = 0,
  ): Promise<GroupCount[]> {
    return this.c.countBy(rangeFilter(account, kind, range, where), field, { limit });
  }

  /**
   * The texts of the `limit` most recent text messages that matched no keyword group, with
   * `from <= t < to`, newest first: one read backwards along the account+kind+t index that stops
   * after `limit` rows, whatever the period holds.
   */
  async recentUnmatchedTexts(account: string, range: TimeRange, limit: number): Promise<string[]> {
    const docs = await this.c.find(rangeFilter(account, 'message', range, { type: 'text', matched: false }), {
      sort: { t: -1 },
      limit,
      projection: { message: 1 },
    });
    return docs.map((d) => textOf(docFields.json(d, 'message')));
  }

  /** A user's last `n` messages (§5 shapes), oldest first. */
  async lastMessages(account: string, openid: string, n: number): Promise<unknown[]> {
    const docs = await this.c.find({ account, openid, kind: 'message' }, { sort: { t: -1 }, limit: n });
    return docs.reverse().map((d) => docFields.json(d, 'message'));
  }

  private toDoc(place: EventPlace, at: Date, event: StoredEvent): StoredDoc & { _id: string } {
    const { message, ...rest } = event.kind === 'message' ? event : { ...event, message: undefined };
    return {
      _id: newId(),
      ...place,
      at,
      ...rest,
      ...(message === undefined ? {} : { message: toJsonField(message) }),
    };
  }
}

export interface TimeRange {
  from: Date;
  to: Date;
}

/** A stored row: an event, or a message carrying its first group and first auto reply (see `appendAll`). */
type StoredEvent = InsightEvent | (Extract<InsightEvent, { kind: 'message' }> & { group?: string; by?: 'auto' });

/** The facts of one message as rows: its first match and first auto reply folded into the message's row. */
function folded(events: readonly InsightEvent[]): StoredEvent[] {
  const message = events.find((e) => e.kind === 'message');
  if (!message) return [...events];
  const match = events.find((e) => e.kind === 'match');
  const reply = events.find((e) => e.kind === 'reply' && e.by === 'auto' && e.agent === undefined);
  return [
    { ...message, ...(match ? { group: match.group } : {}), ...(reply ? { by: 'auto' as const } : {}) },
    ...events.filter((e) => e !== message && e !== match && e !== reply),
  ];
}

/**
 * The rows holding events of `kind`: matches and replies are also found on message rows (see
 * `appendAll`), which hold `group` or `by` only when they carry one. Rows written before folding
 * (one per fact) are found alike.
 */
function rowsOf(kind: InsightKind): Filter {
  if (kind === 'match') return { kind: { $in: ['message', 'match'] }, group: { $ne: null } };
  if (kind === 'reply') return { kind: { $in: ['message', 'reply'] }, by: { $ne: null } };
  return { kind };
}

function rangeFilter(account: string, kind: InsightKind, range: TimeRange, where: Filter): Filter {
  return { account, ...rowsOf(kind), t: { $gte: range.from, $lt: range.to }, ...where };
}

/** A stored text message's content (§5: `content` is required on text messages). */
function textOf(message: unknown): string {
  const content = typeof message === 'object' && message !== null && 'content' in message ? message.content : undefined;
  if (typeof content !== 'string') throw new Error('stored text message has no content');
  return content;
}

import { newId } from './new-id.js';
import type { Collection, Filter, GroupCount, IndexSpec, StoredDoc } from './collection.js';
import { docFields, toJsonField } from './doc-fields.js';
import { DuplicateKeyError, StoreUnavailableError } from './store-errors.js';
import type { TimeRange } from './event-repository.js';

/**
 * One row per turn (CONTRACT §12), kept up to date by compare-and-set as messages and replies
 * arrive, so that every turn figure is a range count, a grouping or one sorted read at an
 * offset (a percentile) over the index on account+startedAt; and the agent queue is one index
 * range read (`queueKey`) of users' latest turns.
 *
 * Why summary rows rather than deriving turns from the events at query time: a turn's
 * boundaries depend on the order of one user's messages and replies (a message extends the
 * waiting turn or starts a new one; expiry depends on the latest message), which is a
 * per-user sequential scan that neither SQL GROUP BY nor a plain pipeline does cheaply over a
 * million events; folded in as each fact arrives it costs two small writes per message.
 */
export interface Turn {
  id: string;
  account: string;
  openid: string;
  /** Sequence per user, 1 for the first: unique, so two racing first messages make one turn. */
  seq: number;
  v: number;
  startedAt: number;
  lastMessageAt: number;
  /** When the grant of the latest message runs out (or ran out: unsubscribe ends it at once). */
  deadline: number;
  firstResponseMs: number | null;
  answeredBy: 'auto' | 'human' | null;
  handoffAt: number | null;
  /** When an auto reply promised a person (policy `queue.humanFollowUpPhrases`): the turn waits for a human from then. */
  promisedAt: number | null;
  humanFirstResponseMs: number | null;
  nickname: string | null;
  tags: string[];
  /** Keyword-group names matched in this turn, with their counts. */
  topics: Record<string, number>;
  /** Chart buckets of `startedAt` in the account's zone. */
  day: string;
  hour: string;
}

/** What a turn becomes; the repository writes it with compare-and-set on `v`. */
export type TurnChange = Partial<Omit<Turn, 'id' | 'account' | 'openid' | 'seq' | 'v'>>;

const MAX_ATTEMPTS = 50;
/** Fields stored only once known (see `fields`). */
const OPTIONAL = [
  'firstResponseMs',
  'answeredBy',
  'handoffAt',
  'promisedAt',
  'humanFirstResponseMs',
  'queueKey',
] as const;

export class TurnRepository {
  static indexes(retentionSeconds: number): IndexSpec[] {
    return [
      { fields: ['account', 'openid', 'seq'], unique: true },
      // With every field a turn count filters or groups by, so each reads this index alone. Every
      // turn write rebuilds every index of the row (all read its document), so there are as few as
      // the queries need: the first-response percentile sorts the period's keys from here rather
      // than walking an index of its own (a sixth index cost a turn UPDATE about half again).
      { fields: ['account', 'startedAt', 'day', 'hour', 'firstResponseMs', 'deadline'] },
      // Human-answered turns are few: their count and percentile walk this one in value order.
      { fields: ['account', 'humanFirstResponseMs', 'startedAt'] },
      { fields: ['account', 'queueKey'] },
      { fields: ['at'], expireAfterSeconds: retentionSeconds },
    ];
  }

  constructor(
    private readonly c: Collection,
    private readonly serverNow: () => number,
  ) {}

  /**
   * Reads the user's latest turn, lets `step` decide, writes by compare-and-set and retries
   * from a fresh read when another writer came first. `step` returns a change to the latest
   * turn, a new turn to start (`start`), or null for nothing. `first`: a `latest` read already
   * under way, used by the first attempt.
   */
  async update(
    account: string,
    openid: string,
    step: (
      latest: Turn | null,
    ) => { change: TurnChange } | { start: Omit<Turn, 'id' | 'account' | 'openid' | 'seq' | 'v'> } | null,
    first?: Promise<Turn | null>,
  ): Promise<void> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const latest = await (attempt === 0 && first ? first : this.latest(account, openid));
      const decided = step(latest);
      if (decided === null) return;
      if ('change' in decided) {
        if (!latest) return;
        // Only what changed: an update that names a field rewrites its index entries.
        const before = fields(latest);
        const after = fields({ ...latest, ...decided.change });
        const set = Object.fromEntries(Object.entries(after).filter(([f, v]) => !sameField(v, before[f])));
        const unset = Object.fromEntries(
          OPTIONAL.filter((f) => f in before && !(f in after)).map((f) => [f, true] as const),
        );
        const r = await this.c.updateOne(
          { _id: latest.id, v: latest.v },
          { $set: { ...set, v: latest.v + 1 }, ...(Object.keys(unset).length > 0 ? { $unset: unset } : {}) },
        );
        if (r.matched === 1) return;
        continue;
      }
      const id = newId();
      const turn: Turn = { ...decided.start, id, account, openid, seq: (latest?.seq ?? 0) + 1, v: 1 };
      try {
        await this.c.insertOne({
          _id: id,
          account,
          openid,
          seq: turn.seq,
          v: 1,
          at: new Date(this.serverNow()),
          ...fields(turn),
        });
      } catch (e) {
        if (e instanceof DuplicateKeyError) continue;
        throw e;
      }
      // The earlier turn keeps its queue key, if any: `queue` lists a user's latest turn only.
      return;
    }
    throw new StoreUnavailableError('too much contention on one conversation');
  }

  /**
   * The user's latest turn. Read early (beside another operation, sharing its commit) and handed
   * to `update` as `first`, it saves the update a round trip; a stale one only fails the
   * compare-and-set (or the unique sequence), and the next attempt reads again.
   */
  async latest(account: string, openid: string): Promise<Turn | null> {
    const [doc] = await this.c.find({ account, openid }, { sort: { seq: -1 }, limit: 1 });
    return doc ? toTurn(doc) : null;
  }

  /** Turns that started in the range, narrowed by a filter on their own fields. */
  count(account: string, range: TimeRange, where: Filter = {}): Promise<number> {
    return this.c.count(startedIn(account, range, where));
  }

  countBy(account: string, range: TimeRange, field: 'day' | 'hour', where: Filter = {}): Promise<GroupCount[]> {
    return this.c.countBy(startedIn(account, range, where), field);
  }

  /**
   * The `rank`-th smallest (0-based) value of `field` among turns that started in the range and
   * hold it, in the store: for `humanFirstResponseMs` one read at an offset along its index; for
   * `firstResponseMs` the period's keys sorted from the account+startedAt index (see `indexes`).
   */
  async nth(
    account: string,
    range: TimeRange,
    field: 'firstResponseMs' | 'humanFirstResponseMs',
    rank: number,
  ): Promise<number | null> {
    const [doc] = await this.c.find(startedIn(account, range, { [field]: { $gte: 0 } }), {
      sort: { [field]: 1 },
      skip: rank,
      limit: 1,
      projection: { [field]: 1 },
    });
    return doc ? docFields.num(doc, field) : null;
  }

  /**
   * Users' latest turns waiting in the queue whose key is after `afterKey`, soonest deadline first.
   * A turn keeps its key when the user's next turn starts (removing it was a second full write of
   * the earlier row, rebuilding its every index, on 0.44 of committed messages in the store bench), so each keyed row is
   * checked to be its user's latest with an index-only count, and passed over when not. Such
   * rows are few: a turn handed off or promised a person and followed by a new one within its
   * grant; the others' keys are at or below "now", before any range read here.
   */
  async queue(account: string, afterKey: string, limit: number): Promise<Array<Turn & { queueKey: string }>> {
    const out: Array<Turn & { queueKey: string }> = [];
    let after = afterKey;
    for (;;) {
      const docs = await this.c.find({ account, queueKey: { $gt: after } }, { sort: { queueKey: 1 }, limit });
      const turns = docs.map((d) => ({ ...toTurn(d), queueKey: docFields.str(d, 'queueKey') }));
      const later = await Promise.all(
        turns.map((t) => this.c.count({ account, openid: t.openid, seq: { $gt: t.seq } })),
      );
      for (const [i, turn] of turns.entries()) {
        if (later[i] === 0) out.push(turn);
        if (out.length === limit) return out;
      }
      const last = turns.at(-1);
      if (docs.length < limit || !last) return out;
      after = last.queueKey;
    }
  }
}

/**
 * A turn waits in the queue while unanswered, or handed off or promised a person with no human
 * reply yet (an auto reply does not end that wait). The key sorts by deadline, then id, so
 * it is also a stable paging cursor; a key at or below "now" means the window has closed.
 */
export function queueKeyOf(
  turn: Pick<Turn, 'id' | 'deadline' | 'firstResponseMs' | 'handoffAt' | 'promisedAt' | 'humanFirstResponseMs'>,
): string | undefined {
  const waiting =
    turn.firstResponseMs === null ||
    ((turn.handoffAt !== null || turn.promisedAt !== null) && turn.humanFirstResponseMs === null);
  return waiting ? `${deadlineKey(turn.deadline)}|${turn.id}` : undefined;
}

/** The key prefix of a deadline: fixed width, so string order is time order. */
export function deadlineKey(ms: number): string {
  return String(Math.max(0, Math.trunc(ms))).padStart(15, '0');
}

function startedIn(account: string, range: TimeRange, where: Filter): Filter {
  return { account, startedAt: { $gte: range.from, $lt: range.to }, ...where };
}

/** The stored fields of a turn: optional figures are absent until known (absent fields do not match range filters). */
function fields(turn: Turn): StoredDoc {
  const out: StoredDoc = {
    startedAt: new Date(turn.startedAt),
    lastMessageAt: new Date(turn.lastMessageAt),
    deadline: new Date(turn.deadline),
    nickname: turn.nickname,
    tags: turn.tags,
    topics: toJsonField(turn.topics),
    day: turn.day,
    hour: turn.hour,
  };
  if (turn.firstResponseMs !== null) out['firstResponseMs'] = turn.firstResponseMs;
  if (turn.answeredBy !== null) out['answeredBy'] = turn.answeredBy;
  if (turn.handoffAt !== null) out['handoffAt'] = new Date(turn.handoffAt);
  if (turn.promisedAt !== null) out['promisedAt'] = new Date(turn.promisedAt);
  if (turn.humanFirstResponseMs !== null) out['humanFirstResponseMs'] = turn.humanFirstResponseMs;
  const key = queueKeyOf(turn);
  if (key !== undefined) out['queueKey'] = key;
  return out;
}

/** Whether a stored field keeps its value (most are numbers, strings and Dates: compared without encoding). */
function sameField(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

function toTurn(d: StoredDoc): Turn & { queueKey?: string } {
  const by = docFields.optStr(d, 'answeredBy');
  if (by !== undefined && by !== 'auto' && by !== 'human') throw new Error(`stored answeredBy "${by}" is unknown`);
  const num = (f: string) => (d[f] === undefined || d[f] === null ? null : docFields.num(d, f));
  const key = docFields.optStr(d, 'queueKey');
  return {
    id: docFields.str(d, '_id'),
    account: docFields.str(d, 'account'),
    openid: docFields.str(d, 'openid'),
    seq: docFields.num(d, 'seq'),
    v: docFields.num(d, 'v'),
    startedAt: docFields.date(d, 'startedAt').getTime(),
    lastMessageAt: docFields.date(d, 'lastMessageAt').getTime(),
    deadline: docFields.date(d, 'deadline').getTime(),
    firstResponseMs: num('firstResponseMs'),
    answeredBy: by ?? null,
    handoffAt: docFields.optDate(d, 'handoffAt')?.getTime() ?? null,
    promisedAt: docFields.optDate(d, 'promisedAt')?.getTime() ?? null,
    humanFirstResponseMs: num('humanFirstResponseMs'),
    nickname: docFields.optStr(d, 'nickname') ?? null,
    tags: docFields.strings(d, 'tags'),
    topics: docFields.json(d, 'topics') as Record<string, number>,
    day: docFields.str(d, 'day'),
    hour: docFields.str(d, 'hour'),
    ...(key === undefined ? {} : { queueKey: key }),
  };
}

import { newId } from './new-id.js';
import type { Collection, IndexSpec, StoredDoc } from './collection.js';
import { docFields, toJsonField } from './doc-fields.js';
import { DuplicateKeyError, StoreUnavailableError } from './store-errors.js';
import { setPreferences, type PreferenceEntries } from './profile-preferences.js';

/** What ReplyFlow keeps about a user beyond the window: read by conditions as `userTags`, `topicCount` and `preference`. */
export interface Profile {
  tags: string[];
  /** Keyword-group hits per group id (the "topic counters"). */
  topics: Record<string, number>;
  /** What `recordPreference` nodes set, key → value (at most MAX_PREFERENCES). */
  preferences: Record<string, string>;
  nickname: string | null;
  updatedAt: Date;
}

/** What one inbound message adds: tags (a set union), one hit per keyword group it matched, preferences it set. */
export interface ProfileChange {
  tags: readonly string[];
  topics: readonly string[];
  preferences?: Readonly<Record<string, string>>;
  nickname: string | null;
}

/** Message keys whose topic hits are remembered, so a retried message is counted once. */
const RECENT_KEPT = 5;

/**
 * One small profile per account+openid, kept apart from the conversation state so that state can
 * expire while the tags and topic counters stay. Written by compare-and-set on `v`.
 *
 * A message's change is recorded under its key before the conversation state that applies it is
 * written (conversation-transaction.ts): recording the same key again — a retried delivery, or a
 * conversation write that lost a race and computed again — replaces that key's topic hits
 * instead of adding them twice, and tags are a union, so nothing is counted twice.
 *
 * @example
 * await profiles.record('default', 'oUSER', 'msg:1', { tags: ['问过退款'], topics: ['refund'], nickname: null }, new Date());
 * (await profiles.get('default', 'oUSER'))?.topics // { refund: 1 }
 */
export class ProfileRepository {
  static readonly indexes: readonly IndexSpec[] = [{ fields: ['account', 'openid'], unique: true }];

  constructor(private readonly c: Collection) {}

  /** `without`: the profile as it was before that message's topic hits (what a retry of it must see). */
  async get(account: string, openid: string, without?: string): Promise<Profile | null> {
    return (await this.read(account, openid, without)).profile;
  }

  /**
   * `get`, plus the stored profile it came from: handed back to `record`, it spares that write
   * a second read (its compare-and-set still refuses it if the profile changed in between).
   */
  async read(
    account: string,
    openid: string,
    without?: string,
  ): Promise<{ profile: Profile | null; basis: ProfileBasis }> {
    const doc = await this.c.findOne({ account, openid });
    if (!doc) return { profile: null, basis: { stored: null } };
    const stored = read(doc);
    const own = without === undefined ? undefined : stored.recent.find((r) => r.key === without);
    const profile = {
      tags: stored.tags,
      topics: own ? uncount(stored.topics, own.topics) : stored.topics,
      preferences: Object.fromEntries(stored.preferences),
      nickname: stored.nickname,
      updatedAt: stored.updatedAt,
    };
    return { profile, basis: { stored } };
  }

  /** Records (or re-records) one message's change. `basis`: from `read`, used for the first attempt. */
  async record(
    account: string,
    openid: string,
    key: string,
    change: ProfileChange,
    at: Date,
    basis?: ProfileBasis,
  ): Promise<void> {
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const stored = attempt === 0 && basis ? basis.stored : await this.stored(account, openid);
      const previous = stored?.recent.find((r) => r.key === key);
      const topics = uncount(stored?.topics ?? {}, previous?.topics ?? []);
      for (const g of change.topics) topics[g] = (topics[g] ?? 0) + 1;
      const fields = {
        tags: [...new Set([...(stored?.tags ?? []), ...change.tags])],
        topics: toJsonField(topics),
        preferences: toJsonField(setPreferences(stored?.preferences ?? [], change.preferences ?? {})),
        recent: toJsonField(
          [...(stored?.recent ?? []).filter((r) => r.key !== key), { key, topics: change.topics }].slice(-RECENT_KEPT),
        ),
        nickname: change.nickname ?? stored?.nickname ?? null,
        updatedAt: at,
      };
      if (stored ? await this.replace(account, openid, stored.v, fields) : await this.create(account, openid, fields))
        return;
    }
    throw new StoreUnavailableError('too much contention on one profile');
  }

  /**
   * Creates the profile from tags and counters a conversation state of an earlier version held,
   * unless the user already has one (then the earlier copy is stale). Returns the profile in force.
   */
  async adopt(account: string, openid: string, earlier: Pick<Profile, 'tags' | 'topics'>, at: Date): Promise<Profile> {
    await this.create(account, openid, {
      tags: earlier.tags,
      topics: toJsonField(earlier.topics),
      preferences: '[]',
      recent: '[]',
      nickname: null,
      updatedAt: at,
    });
    const profile = await this.get(account, openid);
    if (!profile) throw new StoreUnavailableError(`the profile of ${openid} vanished after it was written`);
    return profile;
  }

  private async stored(account: string, openid: string): Promise<StoredProfile | null> {
    const doc = await this.c.findOne({ account, openid });
    return doc ? read(doc) : null;
  }

  /** False when a profile exists already. */
  private async create(account: string, openid: string, fields: StoredDoc): Promise<boolean> {
    try {
      await this.c.insertOne({ _id: newId(), account, openid, v: 1, ...fields });
      return true;
    } catch (e) {
      if (e instanceof DuplicateKeyError) return false;
      throw e;
    }
  }

  /** False when another write came first. */
  private async replace(account: string, openid: string, v: number, fields: StoredDoc): Promise<boolean> {
    const r = await this.c.updateOne({ account, openid, v }, { $set: fields, $inc: { v: 1 } });
    return r.matched === 1;
  }
}

interface StoredProfile extends Omit<Profile, 'preferences'> {
  v: number;
  preferences: PreferenceEntries;
  recent: Array<{ key: string; topics: string[] }>;
}

/** A profile as read (null: none yet), the starting point of a compare-and-set. */
export interface ProfileBasis {
  readonly stored: StoredProfile | null;
}

function read(doc: StoredDoc): StoredProfile {
  return {
    v: docFields.num(doc, 'v'),
    tags: docFields.strings(doc, 'tags'),
    // Written by this repository only (parse boundary).
    topics: docFields.json(doc, 'topics') as Record<string, number>,
    // Absent on profiles written before preferences existed.
    preferences: (docFields.optJson(doc, 'preferences') ?? []) as PreferenceEntries,
    recent: docFields.json(doc, 'recent') as StoredProfile['recent'],
    nickname: docFields.optStr(doc, 'nickname') ?? null,
    updatedAt: docFields.date(doc, 'updatedAt'),
  };
}

/** Counters less one hit per listed group (a counter at 0 is dropped). */
function uncount(topics: Record<string, number>, groups: readonly string[]): Record<string, number> {
  const out = { ...topics };
  for (const g of groups) {
    const n = (out[g] ?? 0) - 1;
    if (n > 0) out[g] = n;
    else delete out[g];
  }
  return out;
}

/**
 * Folds what the runtime did into the insight collections (CONTRACT §12): the append-only
 * events, and the user's turn row by compare-and-set. Called by the inbound and reply services
 * after their own commit, with the time the fact happened (a message's or reply's `at`).
 *
 * Turn rules: a user message extends the user's latest turn while it waits (unanswered, grant
 * not run out), else starts a new one; the first reply committed within a turn's grant answers
 * it; a turn's grant runs 48 h (the policy's message grant) from its latest message, and an
 * unsubscribe ends it at once. An auto reply that promises a person (policy
 * `queue.humanFollowUpPhrases`) answers the turn but leaves it in the agent queue until a human replies.
 */
import type { InboundMessage, UserProfile } from '../../../rules-schema/index.js';
import type { InboundResult } from '../core/engine/process-inbound.js';
import type { CompiledWorkspace } from '../core/engine/compile-workspace.js';
import type { Reason } from '../core/reason.js';
import type { Store } from '../store/open-store.js';
import type { Turn, TurnChange } from '../store/turn-repository.js';
import type { EventPlace, InsightEvent } from '../store/event-repository.js';
import { timeBuckets } from './time-buckets.js';
import { replyFields } from '../core/checks/reply-fields.js';

export type ReplyAuthor = { by: 'auto' } | { by: 'human'; agent: string };

export async function recordInbound(
  store: Store,
  compiled: CompiledWorkspace,
  account: string,
  message: InboundMessage,
  user: UserProfile | undefined,
  at: number,
  result: InboundResult,
  /** The user's latest turn, read early (`TurnRepository.latest`): saves the turn update a round trip. */
  latestTurn?: Promise<Turn | null>,
): Promise<void> {
  const place = placeOf(compiled, account, message.from, at);
  const { events, turns } = store;
  const phrases = compiled.policy.queue.humanFollowUpPhrases;
  const answers = result.replies
    .filter((x) => x.committed)
    .map((r) => replyFields(r.reply).some((f) => phrases.some((p) => f.text.includes(p))));
  // The message's events are one write.
  const facts: InsightEvent[] = [];
  const groups = [...new Set(result.matches.map((m) => m.group))];
  if (message.type !== 'event') {
    facts.push({ kind: 'message', message, type: message.type, matched: groups.length > 0 });
    for (const group of groups) facts.push({ kind: 'match', group });
  }
  if (result.handoff) facts.push({ kind: 'handoff' });
  for (const r of result.replies) facts.push(...reasonEvents(r.reasons));
  facts.push(...answers.map((): InsightEvent => ({ kind: 'reply', by: 'auto' })));
  const appended = events.appendAll(place, facts);
  let turn: Promise<void>;
  if (message.type !== 'event') {
    const topics = Object.fromEntries(groups.map((g) => [g, 1]));
    const tags = [...new Set([...(user?.tags ?? []), ...result.tags])];
    const grantMs = compiled.policy.window.message.minutes * 60_000;
    // The message and the auto replies it committed fold into the turn in one compare-and-set.
    const answered = (t: Turn) =>
      answers.reduce<Turn>((cur, promises) => ({ ...cur, ...answerChange(cur, at, { by: 'auto' }, promises) }), t);
    turn = turns.update(
      account,
      message.from,
      (latest) => {
        const handoffAt = result.handoff ? at : null;
        if (latest && waiting(latest, at)) {
          const extended: Turn = {
            ...latest,
            lastMessageAt: Math.max(latest.lastMessageAt, at),
            deadline: Math.max(latest.deadline, at + grantMs),
            topics: mergeCounts(latest.topics, topics),
            nickname: user?.nickname ?? latest.nickname,
            tags: [...new Set([...latest.tags, ...tags])],
            handoffAt: latest.handoffAt ?? handoffAt,
          };
          return { change: ownFields(answered(extended)) };
        }
        const started = answered({
          // Identity and version come from the repository when it inserts the turn.
          id: '',
          account,
          openid: message.from,
          seq: 0,
          v: 0,
          startedAt: at,
          lastMessageAt: at,
          deadline: at + grantMs,
          firstResponseMs: null,
          answeredBy: null,
          handoffAt,
          promisedAt: null,
          humanFirstResponseMs: null,
          nickname: user?.nickname ?? latest?.nickname ?? null,
          tags: [...new Set([...(latest?.tags ?? []), ...tags])],
          topics,
          day: place.day,
          hour: place.hour,
        });
        return { start: ownFields(started) };
      },
      latestTurn,
    );
  } else {
    turn = (async () => {
      // The early read serves the first update only: after a write the turn must be read again.
      let first = latestTurn;
      const once = () => {
        const f = first;
        first = undefined;
        return f;
      };
      if (message.event === 'unsubscribe') {
        // Every grant is void: the waiting turn expires now and leaves the queue.
        await turns.update(
          account,
          message.from,
          (latest) => (latest && latest.deadline > at ? { change: { deadline: at } } : null),
          once(),
        );
      } else if (result.handoff) {
        // A hand-off by menu click: the user's open turn now waits for a human.
        await turns.update(
          account,
          message.from,
          (latest) =>
            latest && latest.deadline > at && latest.handoffAt === null ? { change: { handoffAt: at } } : null,
          once(),
        );
      }
      for (const promises of answers) await answerTurnRow(store, place, { by: 'auto' }, promises, once());
    })();
  }
  await Promise.all([appended, turn]);
}

/** A judged reply (/replies/check, /replies/send): its reasons, committed or not. */
export async function recordJudgement(
  store: Store,
  compiled: CompiledWorkspace,
  account: string,
  openid: string,
  at: number,
  reasons: readonly Reason[],
): Promise<void> {
  await store.events.appendAll(placeOf(compiled, account, openid, at), reasonEvents(reasons));
}

/** A reply committed by /replies/check or /replies/send: `human` when an agent is named. */
export async function recordCommittedReply(
  store: Store,
  compiled: CompiledWorkspace,
  account: string,
  openid: string,
  at: number,
  agent: string | undefined,
): Promise<void> {
  await answerTurn(
    store,
    placeOf(compiled, account, openid, at),
    agent === undefined ? { by: 'auto' } : { by: 'human', agent },
  );
}

async function answerTurn(store: Store, place: EventPlace, author: ReplyAuthor): Promise<void> {
  await Promise.all([
    store.events.append(place, { kind: 'reply', ...author }),
    answerTurnRow(store, place, author, false),
  ]);
}

/** `promisesHuman`: an auto reply that told the user a person follows up keeps the turn in the queue. */
async function answerTurnRow(
  store: Store,
  place: EventPlace,
  author: ReplyAuthor,
  promisesHuman: boolean,
  first?: Promise<Turn | null>,
): Promise<void> {
  const at = place.t.getTime();
  await store.turns.update(
    place.account,
    place.openid,
    (latest) => {
      if (!latest) return null;
      const change = answerChange(latest, at, author, promisesHuman);
      return Object.keys(change).length > 0 ? { change } : null;
    },
    first,
  );
}

/** What a reply at `at` changes in the turn: nothing unless the turn's grant was running then. */
function answerChange(turn: Turn, at: number, author: ReplyAuthor, promisesHuman: boolean): TurnChange {
  const change: TurnChange = {};
  if (at < turn.startedAt || at >= turn.deadline) return change;
  if (turn.firstResponseMs === null) {
    change.firstResponseMs = at - turn.startedAt;
    change.answeredBy = author.by;
  }
  if (promisesHuman && turn.promisedAt === null && turn.humanFirstResponseMs === null) change.promisedAt = at;
  if (author.by === 'human' && turn.humanFirstResponseMs === null) {
    // From the hand-off when one came first: the wait a human is accountable for.
    change.humanFirstResponseMs = Math.max(0, at - (turn.handoffAt ?? turn.startedAt));
  }
  return change;
}

function reasonEvents(reasons: readonly Reason[]): InsightEvent[] {
  // Info notes explain hits that were not findings: only blocks and warnings are counted.
  const counted = reasons.filter((r): r is Reason & { severity: 'block' | 'warn' } => r.severity !== 'info');
  return counted.map((r) => ({ kind: 'reason', code: r.code, severity: r.severity }));
}

/** A turn without what the repository owns (identity, sequence, version). */
function ownFields(turn: Turn): Omit<Turn, 'id' | 'account' | 'openid' | 'seq' | 'v'> {
  const { id: _id, account: _account, openid: _openid, seq: _seq, v: _v, ...own } = turn;
  return own;
}

/** Unanswered, and its grant still running at `at`: a new message joins it. */
function waiting(turn: Turn, at: number): boolean {
  return turn.firstResponseMs === null && at < turn.deadline;
}

function mergeCounts(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const out = { ...a };
  for (const [k, n] of Object.entries(b)) out[k] = (out[k] ?? 0) + n;
  return out;
}

function placeOf(compiled: CompiledWorkspace, account: string, openid: string, at: number): EventPlace {
  return { account, openid, t: new Date(at), ...timeBuckets(at, compiled.policy.timezone) };
}

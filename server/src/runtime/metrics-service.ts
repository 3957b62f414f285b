/**
 * GET /metrics (CONTRACT §12), computed in the store: turn figures are counts, groupings and
 * sorted reads at an offset over the turns that started in `[from, to)`; replies, reasons,
 * hand-offs and keyword groups are counts and groupings over the events of `[from, to)` by their
 * own time. Nothing is loaded but the answers: about thirty indexed queries whatever the volume.
 */
import type { MetricsPoint, MetricsResponse } from '../../../rules-schema/index.js';
import type { Filter, GroupCount } from '../store/collection.js';
import type { TimeRange } from '../store/event-repository.js';
import type { Store } from '../store/open-store.js';
import type { CompiledSource } from './workspace-cache.js';
import { bucketLabels } from './time-buckets.js';

export interface MetricsRequest {
  account: string;
  from: number;
  to: number;
  groupBy: 'day' | 'hour';
  top: number;
}

const TEN_MINUTES_MS = 10 * 60_000;
const HOUR_MS = 60 * 60_000;
/** Texts that matched no keyword group (an image cannot match one: it is not "missed"). */
const UNMATCHED_TEXT: Filter = { type: 'text', matched: false };

/**
 * `now` decides which unanswered turns have expired (their grant ran out before `now`).
 * @example await computeMetrics(store, cache, {account:'default', from, to, groupBy:'day', top:10}, Date.now())
 * // {turns:120, answered:117, replyRate:0.975, …, series:[{bucket:'2026-11-24', turns:40, …}]}
 */
export async function computeMetrics(store: Store, cache: CompiledSource, req: MetricsRequest, now: number): Promise<MetricsResponse> {
  const { account, groupBy } = req;
  const range: TimeRange = { from: new Date(req.from), to: new Date(req.to) };
  const { turns, events } = store;
  const answeredFilter: Filter = { firstResponseMs: { $gte: 0 } };
  const expiredFilter: Filter = { firstResponseMs: null, deadline: { $lte: new Date(now) } };
  const within = (ms: number): Filter => ({ firstResponseMs: { $lte: ms } });
  const [total, answered, expired, in10m, in1h, humanReplies, autoReplies, handoffs, unmatched, blocked, warned, groups] = await Promise.all([
    turns.count(account, range),
    turns.count(account, range, answeredFilter),
    turns.count(account, range, expiredFilter),
    turns.count(account, range, within(TEN_MINUTES_MS)),
    turns.count(account, range, within(HOUR_MS)),
    events.count(account, 'reply', range, { by: 'human' }),
    events.count(account, 'reply', range, { by: 'auto' }),
    events.count(account, 'handoff', range),
    events.count(account, 'message', range, UNMATCHED_TEXT),
    events.countBy(account, 'reason', range, 'code', { severity: 'block' }),
    events.countBy(account, 'reason', range, 'code', { severity: 'warn' }),
    events.countBy(account, 'match', range, 'group', {}, req.top),
  ]);
  const humanTurns = await turns.count(account, range, { humanFirstResponseMs: { $gte: 0 } });
  const [firstResponse, humanFirstResponse] = await Promise.all([
    percentiles(answered, (rank) => turns.nth(account, range, 'firstResponseMs', rank)),
    percentiles(humanTurns, (rank) => turns.nth(account, range, 'humanFirstResponseMs', rank)),
  ]);
  const share = (n: number) => (total === 0 ? 0 : n / total);
  const timezone = (await cache.get(account)).policy.timezone;
  return {
    turns: total,
    answered,
    replyRate: share(answered),
    expiredUnanswered: expired,
    firstResponse,
    answeredWithin: { '10m': share(in10m), '1h': share(in1h) },
    human: { replies: humanReplies, firstResponse: humanFirstResponse },
    auto: { replies: autoReplies },
    blocked: byValue(blocked),
    warned: byValue(warned),
    handoffs,
    topGroups: groups.map((g) => ({ group: String(g.value), messages: g.count })),
    unmatched: { messages: unmatched },
    from: new Date(req.from).toISOString(),
    to: new Date(req.to).toISOString(),
    timezone,
    groupBy,
    series: await series(store, req, range, timezone, { answeredFilter, expiredFilter, within }),
  };
}

/** The chart series: every bucket of the period (zero-filled), each from one grouped count per figure. */
async function series(
  store: Store,
  req: MetricsRequest,
  range: TimeRange,
  timezone: string,
  filters: { answeredFilter: Filter; expiredFilter: Filter; within: (ms: number) => Filter },
): Promise<MetricsPoint[]> {
  const { account, groupBy } = req;
  const { turns, events } = store;
  const grouped = await Promise.all([
    turns.countBy(account, range, groupBy),
    turns.countBy(account, range, groupBy, filters.answeredFilter),
    turns.countBy(account, range, groupBy, filters.expiredFilter),
    turns.countBy(account, range, groupBy, filters.within(TEN_MINUTES_MS)),
    turns.countBy(account, range, groupBy, filters.within(HOUR_MS)),
    events.countBy(account, 'reply', range, groupBy, { by: 'human' }),
    events.countBy(account, 'reply', range, groupBy, { by: 'auto' }),
    events.countBy(account, 'handoff', range, groupBy),
    events.countBy(account, 'reason', range, groupBy, { severity: 'block' }),
    events.countBy(account, 'reason', range, groupBy, { severity: 'warn' }),
    events.countBy(account, 'message', range, groupBy, UNMATCHED_TEXT),
  ]);
  const [total, answered, expired, in10m, in1h, human, auto, handoffs, blocked, warned, unmatched] = grouped.map(byValue);
  return bucketLabels(req.from, req.to, timezone, groupBy).map((bucket) => {
    const n = (m: Record<string, number> | undefined) => m?.[bucket] ?? 0;
    const turnsIn = n(total);
    return {
      bucket,
      turns: turnsIn,
      answered: n(answered),
      replyRate: turnsIn === 0 ? 0 : n(answered) / turnsIn,
      expiredUnanswered: n(expired),
      answeredWithin10m: n(in10m),
      answeredWithin1h: n(in1h),
      humanReplies: n(human),
      autoReplies: n(auto),
      handoffs: n(handoffs),
      blocked: n(blocked),
      warned: n(warned),
      unmatched: n(unmatched),
    };
  });
}

/**
 * Nearest-rank median and 90th percentile (the smallest value with at least half, or nine
 * tenths, of the values at or below it), in seconds; null when nothing was answered.
 */
async function percentiles(n: number, nth: (rank: number) => Promise<number | null>) {
  if (n === 0) return { medianSeconds: null, p90Seconds: null };
  const [median, p90] = await Promise.all([nth(Math.ceil(0.5 * n) - 1), nth(Math.ceil(0.9 * n) - 1)]);
  return { medianSeconds: median === null ? null : median / 1000, p90Seconds: p90 === null ? null : p90 / 1000 };
}

function byValue(groups: GroupCount[]): Record<string, number> {
  return Object.fromEntries(groups.map((g) => [String(g.value), g.count]));
}

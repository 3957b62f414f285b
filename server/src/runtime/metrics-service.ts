/**
 * GET /metrics (CONTRACT §12), computed in the store: turn figures are groupings and sorted
 * reads at an offset over the turns that started in `[from, to)`; replies, reasons, hand-offs and
 * keyword groups are groupings over the events of `[from, to)` by their own time. Each figure is
 * grouped by chart bucket once, and its total is the sum of its buckets (every row has a bucket),
 * so a figure costs one pass over an index however it is shown. Nothing is loaded but the answers:
 * about twenty index-only queries whatever the volume.
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
export async function computeMetrics(
  store: Store,
  cache: CompiledSource,
  req: MetricsRequest,
  now: number,
): Promise<MetricsResponse> {
  const { account, groupBy } = req;
  const range: TimeRange = { from: new Date(req.from), to: new Date(req.to) };
  const { turns, events } = store;
  const within = (ms: number): Filter => ({ firstResponseMs: { $lte: ms } });
  const [bucketed, blockedByCode, warnedByCode, groups, humanTurns] = await Promise.all([
    Promise.all([
      turns.countBy(account, range, groupBy),
      turns.countBy(account, range, groupBy, { firstResponseMs: { $gte: 0 } }),
      turns.countBy(account, range, groupBy, { firstResponseMs: null, deadline: { $lte: new Date(now) } }),
      turns.countBy(account, range, groupBy, within(TEN_MINUTES_MS)),
      turns.countBy(account, range, groupBy, within(HOUR_MS)),
      events.countBy(account, 'reply', range, groupBy, { by: 'human' }),
      events.countBy(account, 'reply', range, groupBy, { by: 'auto' }),
      events.countBy(account, 'handoff', range, groupBy),
      events.countBy(account, 'reason', range, groupBy, { severity: 'block' }),
      events.countBy(account, 'reason', range, groupBy, { severity: 'warn' }),
      events.countBy(account, 'message', range, groupBy, UNMATCHED_TEXT),
    ]),
    events.countBy(account, 'reason', range, 'code', { severity: 'block' }),
    events.countBy(account, 'reason', range, 'code', { severity: 'warn' }),
    events.countBy(account, 'match', range, 'group', {}, req.top),
    turns.count(account, range, { humanFirstResponseMs: { $gte: 0 } }),
  ]);
  const [total, answered, expired, in10m, in1h, human, auto, handoffs, blocked, warned, unmatched] =
    bucketed.map(byValue);
  const sum = (m: Record<string, number> = {}) => Object.values(m).reduce((a, b) => a + b, 0);
  const turnCount = sum(total);
  const answeredCount = sum(answered);
  const [firstResponse, humanFirstResponse] = await Promise.all([
    percentiles(answeredCount, (rank) => turns.nth(account, range, 'firstResponseMs', rank)),
    percentiles(humanTurns, (rank) => turns.nth(account, range, 'humanFirstResponseMs', rank)),
  ]);
  const share = (n: number) => (turnCount === 0 ? 0 : n / turnCount);
  const timezone = (await cache.get(account)).policy.timezone;
  const series = bucketLabels(req.from, req.to, timezone, groupBy).map((bucket): MetricsPoint => {
    const n = (m: Record<string, number> = {}) => m[bucket] ?? 0;
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
  return {
    turns: turnCount,
    answered: answeredCount,
    replyRate: share(answeredCount),
    expiredUnanswered: sum(expired),
    firstResponse,
    answeredWithin: { '10m': share(sum(in10m)), '1h': share(sum(in1h)) },
    human: { replies: sum(human), firstResponse: humanFirstResponse },
    auto: { replies: sum(auto) },
    blocked: byValue(blockedByCode),
    warned: byValue(warnedByCode),
    handoffs: sum(handoffs),
    topGroups: groups.map((g) => ({ group: String(g.value), messages: g.count })),
    unmatched: { messages: sum(unmatched) },
    from: new Date(req.from).toISOString(),
    to: new Date(req.to).toISOString(),
    timezone,
    groupBy,
    series,
  };
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

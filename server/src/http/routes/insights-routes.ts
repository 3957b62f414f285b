/** Conversation insights (CONTRACT §12): the agent queue, the reply metrics (JSON or CSV) and the missed keywords. */
import { Router, type Request } from 'express';
import type {
  ConversationsQuery,
  MetricsPoint,
  MetricsQuery,
  MissedKeywordsQuery,
  SchemaName,
} from '../../../../rules-schema/index.js';
import { metricsPointSchema } from '../../../../rules-schema/index.js';
import { validate } from '../../../../rules-schema/validator.js';
import { allow, READERS } from '../auth.js';
import { invalid } from '../../errors.js';
import { checkInstant } from '../../runtime/instant.js';
import { decodeCursor, listAwaiting } from '../../runtime/conversation-queue-service.js';
import { computeMetrics } from '../../runtime/metrics-service.js';
import { findMissedKeywords } from '../../runtime/missed-keywords-service.js';
import { KEYWORD_SYNONYMS } from '../../runtime/keyword-synonyms.js';
import type { AppDeps } from '../create-app.js';

const DAY_MS = 86_400_000;
/** Longest period: a daily series of about 400 points; hourly series up to 31 days (744 points). */
const MAX_DAYS = { day: 400, hour: 31 } as const;

export function insightsRoutes(deps: AppDeps): Router {
  const r = Router();
  r.get('/conversations', allow('runtime', ...READERS), async (req, res) => {
    const q = validQuery<ConversationsQuery>('conversations-query', req);
    const after = q.cursor === undefined ? null : decodeCursor(q.cursor);
    if (q.cursor !== undefined && after === null) {
      throw invalid('cursor 无效，请使用上一页返回的 next', [
        { path: '/query/cursor', message: 'not a cursor this server returned' },
      ]);
    }
    const request = { account: q.account ?? 'default', limit: q.limit === undefined ? 50 : Number(q.limit), after };
    res.json(await listAwaiting(deps.store, deps.cache, request, deps.clock()));
  });
  r.get('/metrics', allow(...READERS), async (req, res) => {
    const q = validQuery<MetricsQuery>('metrics-query', req);
    const from = instantOf(q.from, '/query/from');
    const to = instantOf(q.to, '/query/to');
    const groupBy = q.groupBy ?? 'day';
    if (to <= from) throw invalid('结束时间必须晚于开始时间', [{ path: '/query/to', message: 'must be after from' }]);
    if (to - from > MAX_DAYS[groupBy] * DAY_MS) {
      throw invalid(`按${groupBy === 'day' ? '天' : '小时'}统计的时间段最长 ${MAX_DAYS[groupBy]} 天`, [
        {
          path: groupBy === 'day' ? '/query/to' : '/query/groupBy',
          message: `a period of at most ${MAX_DAYS[groupBy]} days with groupBy=${groupBy}`,
        },
      ]);
    }
    const metrics = await computeMetrics(
      deps.store,
      deps.cache,
      { account: q.account ?? 'default', from, to, groupBy, top: q.top === undefined ? 10 : Number(q.top) },
      deps.clock(),
    );
    const csv =
      q.format === 'csv' || (q.format === undefined && req.accepts(['application/json', 'text/csv']) === 'text/csv');
    if (!csv) return void res.json(metrics);
    res.type('text/csv; charset=utf-8');
    res.attachment(`replyflow-metrics-${metrics.from.slice(0, 10)}-${groupBy}.csv`);
    res.send(toCsv(metrics.series));
  });
  r.get('/insights/missed-keywords', allow(...READERS), async (req, res) => {
    const q = validQuery<MissedKeywordsQuery>('missed-keywords-query', req);
    const from = instantOf(q.from, '/query/from');
    const to = instantOf(q.to, '/query/to');
    if (to <= from) throw invalid('结束时间必须晚于开始时间', [{ path: '/query/to', message: 'must be after from' }]);
    const request = { account: q.account ?? 'default', from, to, limit: q.limit === undefined ? 20 : Number(q.limit) };
    res.json(await findMissedKeywords(deps.store, KEYWORD_SYNONYMS, request));
  });
  return r;
}

/** Query strings against a rules-schema; problems point into `/query`. */
function validQuery<T>(name: SchemaName, req: Request): T {
  const result = validate<T>(name, { ...req.query });
  if (!result.ok) {
    throw invalid(
      '查询参数不符合格式要求 (validation failed)',
      result.problems.map((p) => ({ ...p, path: `/query${p.path === '/' ? '' : p.path}` })),
    );
  }
  return result.value;
}

/** ISO-8601 with offset or epoch-ms digits (the schema checked which), within the instant range. */
function instantOf(value: string, pointer: string): number {
  return checkInstant(/^[0-9]+$/.test(value) ? Number(value) : Date.parse(value), pointer);
}

/**
 * The series as CSV, one row per bucket. A UTF-8 byte-order mark first, so spreadsheet
 * programs on Chinese Windows open it as UTF-8; buckets and numbers need no quoting.
 */
function toCsv(points: MetricsPoint[]): string {
  // The series point's fields, in the schema's order: one column list for the JSON and the CSV.
  const columns = metricsPointSchema.required;
  const rows = points.map((p) => columns.map((c) => String(p[c])).join(','));
  return `\uFEFF${[columns.join(','), ...rows].join('\r\n')}\r\n`;
}

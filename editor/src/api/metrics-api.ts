import type { MetricsResponse } from '../../../rules-schema/index.js';
import { apiRequest, apiText } from './api-request.js';

/** The period and bucket size of a metrics read (CONTRACT §12). */
export interface MetricsRequest {
  from: Date;
  to: Date;
  groupBy: 'day' | 'hour';
  /** How many keyword groups `topGroups` lists (server default 10). */
  top?: number;
}

function metricsQuery(r: MetricsRequest): Record<string, string | number> {
  return { from: r.from.toISOString(), to: r.to.toISOString(), groupBy: r.groupBy, top: r.top ?? 10 };
}

/** Typed calls to GET /metrics: the figures as JSON, or the series as the server's CSV. */
export const metricsApi = {
  get: (r: MetricsRequest) => apiRequest<MetricsResponse>('/metrics', { account: true, query: metricsQuery(r) }),
  /** The series as CSV text (UTF-8 with a byte-order mark, one row per bucket). */
  csv: (r: MetricsRequest) =>
    apiText('/metrics', { account: true, query: { ...metricsQuery(r), format: 'csv' }, accept: 'text/csv' }),
};

import type { MissedKeywords } from '../../../rules-schema/index.js';
import { apiRequest } from './api-request.js';

/** Typed calls to the insight routes that are not the agent queue. */
export const insightsApi = {
  /** The unmatched texts of `[from, to)`, clustered (GET /insights/missed-keywords). */
  missedKeywords: (from: Date, to: Date, limit = 20) =>
    apiRequest<MissedKeywords>('/insights/missed-keywords', {
      account: true,
      query: { from: from.toISOString(), to: to.toISOString(), limit },
    }),
};

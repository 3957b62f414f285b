import { apiRequest } from './api-request.js';

/** A catalog entry of `GET /api/v1/packs` (CONTRACT §10). */
export interface PackSummary {
  id: string;
  name: string;
  version: string;
  industry?: string;
  installed: boolean;
  /** Present for installed packs: whether the runtime applies it. */
  enabled?: boolean;
}

/** Typed calls to the pack routes the editor uses. */
export const packsApi = {
  list: () => apiRequest<{ items: PackSummary[] }>('/packs', { account: true }),
};

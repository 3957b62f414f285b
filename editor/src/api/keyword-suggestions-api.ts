import type { KeywordSuggestion, KeywordSuggestions } from '../../../rules-schema/index.js';
import { apiRequest } from './api-request.js';

/** 「建议添加」 for a saved keyword group: related words from the server's synonym source, most-pointed-to first. */
export async function fetchKeywordSuggestions(groupId: string): Promise<KeywordSuggestion[]> {
  const body = await apiRequest<KeywordSuggestions>(`/keyword-groups/${encodeURIComponent(groupId)}/suggestions`, {
    account: true,
  });
  return body.suggestions;
}

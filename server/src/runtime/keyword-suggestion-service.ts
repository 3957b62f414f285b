/** Suggestions for one keyword group's draft (GET /api/v1/keyword-groups/:id/suggestions). */
import type { KeywordGroup, KeywordSuggestion } from '../../../rules-schema/index.js';
import { suggestKeywords } from '../core/suggestions/suggest-keywords.js';
import type { SynonymIndex } from '../core/suggestions/build-synonym-index.js';
import type { Store } from '../store/open-store.js';
import { notFound } from '../errors.js';

export class KeywordSuggestionService {
  constructor(
    private readonly store: Store,
    private readonly synonyms: SynonymIndex,
  ) {}

  async suggest(account: string, groupId: string, limit: number): Promise<KeywordSuggestion[]> {
    const found = await this.store.documents.get(account, 'keyword-group', groupId);
    if (!found) throw notFound(`关键词组 ${groupId}`);
    // Drafts are validated on every save: the stored document is a keyword group.
    return suggestKeywords(found.doc as KeywordGroup, this.synonyms, limit);
  }
}

/** 「建议添加」 for the keyword-group editor: related words from the shipped synonym source. */
import { Router } from 'express';
import type { KeywordSuggestions } from '../../../../rules-schema/index.js';
import { allow } from '../auth.js';
import { accountOf } from '../validate-body.js';
import { SUGGESTION_LIMITS } from '../../core/suggestions/suggest-keywords.js';
import type { KeywordSuggestionService } from '../../runtime/keyword-suggestion-service.js';
import { invalid } from '../../errors.js';

export function keywordSuggestionRoutes(service: KeywordSuggestionService): Router {
  const r = Router();
  r.get('/keyword-groups/:id/suggestions', allow('editor'), async (req, res) => {
    const limit = limitOf(req.query['limit']);
    const body: KeywordSuggestions = {
      suggestions: await service.suggest(accountOf(req.query), req.params['id'] as string, limit),
    };
    res.json(body);
  });
  return r;
}

function limitOf(value: unknown): number {
  if (value === undefined) return SUGGESTION_LIMITS.default;
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > SUGGESTION_LIMITS.max) {
    throw invalid(`limit 必须是 1 到 ${SUGGESTION_LIMITS.max} 的整数`, [
      { path: '/limit', message: `must be an integer from 1 to ${SUGGESTION_LIMITS.max}` },
    ]);
  }
  return n;
}

/**
 * The synonym source shipped in rules-schema/defaults, validated against its schema and indexed
 * once when the server starts. A broken file is a bug in the release: it stops the start, loudly.
 */
import { readFileSync } from 'node:fs';
import type { KeywordSynonyms } from '../../../rules-schema/index.js';
import { validate } from '../../../rules-schema/validator.js';
import { buildSynonymIndex, type SynonymIndex } from '../core/suggestions/build-synonym-index.js';

const FILE = new URL('../../../rules-schema/defaults/keyword-synonyms.json', import.meta.url);

export const KEYWORD_SYNONYMS: SynonymIndex = loadSynonymIndex();

function loadSynonymIndex(): SynonymIndex {
  const checked = validate<KeywordSynonyms>('keyword-synonyms', JSON.parse(readFileSync(FILE, 'utf8')));
  if (!checked.ok)
    throw new Error(
      `rules-schema/defaults/keyword-synonyms.json: ${checked.problems.map((p) => `${p.path} ${p.message}`).join('; ')}`,
    );
  return buildSynonymIndex(checked.value);
}

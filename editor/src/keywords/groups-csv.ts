import Papa from 'papaparse';
import type { KeywordGroup } from '../../../rules-schema/index.js';
import { MATCH_MODES } from '../../../rules-schema/index.js';
import { splitKeywords } from '../model/keywords.js';
import { newId } from '../model/new-id.js';

export const CSV_COLUMNS = ['id', 'name', 'mode', 'keywords', 'exclusions', 'enabled'] as const;

/** Keyword groups as CSV, one group a row, keywords joined with 、 (what operators type in a sheet). */
export function groupsToCsv(groups: readonly KeywordGroup[]): string {
  return Papa.unparse({
    fields: [...CSV_COLUMNS],
    data: groups.map((g) => [
      g.id,
      g.name,
      g.mode ?? 'contains',
      g.keywords.join('、'),
      (g.exclusions ?? []).join('、'),
      g.enabled === false ? 'false' : 'true',
    ]),
  });
}

export interface CsvImport {
  /** Groups to put into the store: updated existing ones and new ones. */
  groups: KeywordGroup[];
  created: number;
  updated: number;
  /** Row numbers (1-based, after the header) that were skipped, with why. */
  skipped: { row: number; reason: 'noName' | 'noKeywords' }[];
}

/**
 * Reads CSV rows into keyword groups. A row matches an existing group by `id`, else by
 * `name`; other rows become new groups. Keywords may be split by 、 , ， or new lines.
 */
export function csvToGroups(text: string, existing: readonly KeywordGroup[]): CsvImport {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  });
  const byId = new Map(existing.map((g) => [g.id, g]));
  const byName = new Map(existing.map((g) => [g.name, g]));
  const result: CsvImport = { groups: [], created: 0, updated: 0, skipped: [] };
  parsed.data.forEach((row, i) => {
    const name = (row['name'] ?? row['名称'] ?? '').trim();
    const keywords = splitKeywords(row['keywords'] ?? row['关键词'] ?? '');
    if (!name) return result.skipped.push({ row: i + 1, reason: 'noName' });
    if (keywords.length === 0) return result.skipped.push({ row: i + 1, reason: 'noKeywords' });
    const id = (row['id'] ?? '').trim();
    const prev = (id && byId.get(id)) || byName.get(name);
    const modeText = (row['mode'] ?? '').trim();
    const mode = (MATCH_MODES as readonly string[]).includes(modeText)
      ? (modeText as KeywordGroup['mode'])
      : (prev?.mode ?? 'contains');
    const group: KeywordGroup = {
      ...(prev ?? { schemaVersion: 1, id: /^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : newId('kg') }),
      name,
      mode,
      keywords,
      exclusions: splitKeywords(row['exclusions'] ?? ''),
      enabled: (row['enabled'] ?? 'true').trim().toLowerCase() !== 'false',
    };
    if (prev) result.updated++;
    else result.created++;
    result.groups.push(group);
  });
  return result;
}

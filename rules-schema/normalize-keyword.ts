/** The light normalization keyword lists are compared with (width, case, spaces): duplicates across groups. */
export function normalizeKeyword(keyword: string): string {
  return keyword.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}

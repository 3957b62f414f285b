import { normalizeKeyword } from '../../../rules-schema/normalize-keyword.js';
import { useEditorStore } from '../store/editor-store.js';

/**
 * Adds `word` to the keywords of a group's draft in the editor store: an unsaved change like one
 * typed in the group editor, saved with the group and live once the group is published.
 * `present` when the group already has it (compared as keyword lists are: width, case, spaces).
 */
export function addWordToGroup(groupId: string, word: string): 'added' | 'present' | 'missing' {
  const { groups, editGroup } = useEditorStore.getState();
  const draft = groups[groupId];
  if (!draft) return 'missing';
  const key = normalizeKeyword(word);
  if (draft.doc.keywords.some((k) => normalizeKeyword(k) === key)) return 'present';
  editGroup(groupId, { keywords: [...draft.doc.keywords, word] });
  return 'added';
}

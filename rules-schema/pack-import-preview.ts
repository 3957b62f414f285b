/**
 * What `POST /packs/import?dryRun=true` answers: what importing a pack would add, change and
 * conflict with, without doing it. Declared here, once, so the server that computes it and the
 * editor that shows it agree.
 */
export type ImportAction = 'install' | 'upgrade' | 'reinstall' | 'downgrade';

/** One item an import changes against the installed version of the same pack. */
export interface PackChange {
  kind: 'lexicon' | 'rule' | 'keywordGroup' | 'flow';
  id: string;
  change: 'modified' | 'removed';
}

export type PackConflict =
  | { kind: 'keyword'; keyword: string; group: string; existingGroup: string; message: string }
  | { kind: 'version'; installedVersion: string; version: string; message: string }
  | { kind: 'rule-code'; code: string; ids: string[]; message: string };

export interface ImportPreview {
  id: string;
  version: string;
  action: ImportAction;
  installedVersion: string | null;
  added: { lexicons: string[]; rules: string[]; keywordGroups: string[]; flows: string[] };
  changed: PackChange[];
  conflicts: PackConflict[];
}

/**
 * What importing a pack would do to an account, without doing it: what it adds, what it
 * changes against the installed version of the same pack, and what is in conflict — a
 * keyword already answered by another keyword group, a newer version already installed,
 * one code reported by rules (or a rule and a lexicon) at different severities.
 */
import type {
  ImportAction,
  ImportPreview,
  KeywordGroup,
  Pack,
  PackChange,
  PackConflict,
} from '../../../rules-schema/index.js';
import { normalizeTerm } from '../core/text/normalize-text.js';
import { compareVersions } from './compare-versions.js';

export interface AccountView {
  /** The installed version of this pack, if any. */
  installed: { version: string; doc: Pack } | null;
  /** Keyword groups that already answer users: the account's published groups and other installed packs' groups. */
  groups: ReadonlyArray<{ group: KeywordGroup; owner: string }>;
}

/**
 * @example previewPackImport(pack, { installed: null, groups: [] }).added.lexicons // every lexicon id of the pack
 */
export function previewPackImport(pack: Pack, account: AccountView): ImportPreview {
  const installed = account.installed;
  const order = installed ? compareVersions(pack.version, installed.version) : 1;
  const action: ImportAction = !installed ? 'install' : order > 0 ? 'upgrade' : order === 0 ? 'reinstall' : 'downgrade';
  const old = installed?.doc;
  const added = {
    lexicons: newIds(pack.lexicons, old?.lexicons),
    rules: newIds(pack.rules, old?.rules),
    keywordGroups: newIds(pack.keywordGroups, old?.keywordGroups),
    flows: newIds(pack.sampleFlows, old?.sampleFlows),
  };
  const changed = old
    ? [
        ...changes('lexicon', pack.lexicons, old.lexicons),
        ...changes('rule', pack.rules, old.rules),
        ...changes('keywordGroup', pack.keywordGroups, old.keywordGroups),
        ...changes('flow', pack.sampleFlows, old.sampleFlows),
      ]
    : [];
  const conflicts: PackConflict[] = [];
  if (installed && action === 'downgrade') {
    conflicts.push({
      kind: 'version',
      installedVersion: installed.version,
      version: pack.version,
      message: `已安装更新的版本 ${installed.version}，导入 ${pack.version} 是降级（需 force=true）`,
    });
  }
  conflicts.push(...keywordConflicts(pack, account.groups), ...codeConflicts(pack));
  return {
    id: pack.id,
    version: pack.version,
    action,
    installedVersion: installed?.version ?? null,
    added,
    changed,
    conflicts,
  };
}

function newIds(
  next: ReadonlyArray<{ id: string }> | undefined,
  old: ReadonlyArray<{ id: string }> | undefined,
): string[] {
  const had = new Set((old ?? []).map((x) => x.id));
  return (next ?? []).filter((x) => !had.has(x.id)).map((x) => x.id);
}

function changes(
  kind: PackChange['kind'],
  next: ReadonlyArray<{ id: string }> | undefined,
  old: ReadonlyArray<{ id: string }> | undefined,
): PackChange[] {
  const incoming = new Map((next ?? []).map((x) => [x.id, x]));
  const out: PackChange[] = [];
  for (const before of old ?? []) {
    const after = incoming.get(before.id);
    if (!after) out.push({ kind, id: before.id, change: 'removed' });
    else if (canonical(after) !== canonical(before)) out.push({ kind, id: before.id, change: 'modified' });
  }
  return out;
}

/** A pack keyword that one of the account's groups already matches (after normalization). */
function keywordConflicts(pack: Pack, groups: AccountView['groups']): PackConflict[] {
  const owners = new Map<string, string>();
  for (const { group, owner } of groups) {
    if (group.enabled === false) continue;
    for (const k of group.keywords) {
      const n = normalizeTerm(k);
      if (n !== '' && !owners.has(n)) owners.set(n, owner === '' ? group.id : `${owner}.${group.id}`);
    }
  }
  const out: PackConflict[] = [];
  for (const group of pack.keywordGroups ?? []) {
    for (const keyword of group.keywords) {
      const existing = owners.get(normalizeTerm(keyword));
      if (existing === undefined) continue;
      out.push({
        kind: 'keyword',
        keyword,
        group: group.id,
        existingGroup: existing,
        message: `关键词“${keyword}”已在关键词组 ${existing} 中，两个组会同时命中`,
      });
    }
  }
  return out;
}

/** One code reported at two severities would make the verdict depend on which fired. */
function codeConflicts(pack: Pack): PackConflict[] {
  const byCode = new Map<string, Array<{ id: string; severity: string | undefined }>>();
  const add = (code: string, id: string, severity: string | undefined): void => {
    const list = byCode.get(code) ?? [];
    list.push({ id, severity });
    byCode.set(code, list);
  };
  for (const rule of pack.rules ?? []) add(`pack:${pack.id}/${rule.code}`, `rule:${rule.id}`, rule.severity);
  for (const lexicon of pack.lexicons ?? [])
    if (lexicon.code) add(lexicon.code, `lexicon:${lexicon.id}`, lexicon.severity);
  const out: PackConflict[] = [];
  for (const [code, users] of byCode) {
    const severities = new Set(users.map((u) => u.severity).filter((s) => s !== undefined));
    if (severities.size > 1) {
      out.push({
        kind: 'rule-code',
        code,
        ids: users.map((u) => u.id),
        message: `代码 ${code} 在 ${users.map((u) => u.id).join('、')} 中的严重程度不一致`,
      });
    }
  }
  return out;
}

/** JSON with sorted keys, for comparing two versions of one item. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

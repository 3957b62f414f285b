import { ChevronDown, ChevronUp, TriangleAlert } from 'lucide-react';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MATCH_MODES, type KeywordGroup } from '../../../rules-schema/index.js';
import { deleteGroup, newGroup, publishGroup, saveGroup } from '../documents/doc-actions.js';
import { downloadText } from '../documents/download-text.js';
import { findDuplicateKeywords } from '../model/keywords.js';
import { useEditorStore } from '../store/editor-store.js';
import { csvToGroups, groupsToCsv } from './groups-csv.js';
import { GroupEditor } from './GroupEditor.js';

type SortKey = 'name' | 'count' | 'mode' | 'published';

/** All keyword groups as a table: sort, filter, select many and change them at once, CSV in and out. */
export function GroupsTable() {
  const { t } = useTranslation();
  const drafts = useEditorStore((s) => s.groups);
  const order = useEditorStore((s) => s.groupOrder);
  const { editGroup, putGroup, askConfirm, notify } = useEditorStore.getState();
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; asc: boolean }>({ key: 'name', asc: true });
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [open, setOpen] = useState<string | null>(null);
  const [name, setName] = useState('');
  const fileRef = useRef<HTMLInputElement>(null);

  const all = useMemo(() => order.map((id) => drafts[id]).filter((d) => d !== undefined), [order, drafts]);
  const dupCount = useMemo(() => {
    const counts = new Map<string, number>();
    for (const list of findDuplicateKeywords(all.map((d) => d.doc)).values())
      for (const g of list) counts.set(g.id, (counts.get(g.id) ?? 0) + 1);
    return counts;
  }, [all]);
  const rows = useMemo(() => {
    const q = filter.trim().toLowerCase();
    const shown = all.filter(
      (d) => !q || d.doc.name.toLowerCase().includes(q) || d.doc.keywords.some((k) => k.toLowerCase().includes(q)),
    );
    const value = (d: (typeof all)[number]): string | number =>
      sort.key === 'name'
        ? d.doc.name
        : sort.key === 'count'
          ? d.doc.keywords.length
          : sort.key === 'mode'
            ? (d.doc.mode ?? 'contains')
            : (d.publishedVersion ?? 0);
    return [...shown].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
      return sort.asc ? c : -c;
    });
  }, [all, filter, sort]);

  const selected = [...picked].filter((id) => drafts[id]);
  const toggleSort = (key: SortKey) => setSort((s) => ({ key, asc: s.key === key ? !s.asc : true }));
  const header = (key: SortKey, label: string) => (
    <th aria-sort={sort.key === key ? (sort.asc ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="link" onClick={() => toggleSort(key)}>
        {label}{' '}
        {sort.key === key ? (
          sort.asc ? (
            <ChevronUp size={12} className="icon" />
          ) : (
            <ChevronDown size={12} className="icon" />
          )
        ) : null}
      </button>
    </th>
  );
  const bulk = (patch: Partial<KeywordGroup>) => selected.forEach((id) => editGroup(id, patch));
  const importCsv = async (file: File) => {
    const result = csvToGroups(
      await file.text(),
      all.map((d) => d.doc),
    );
    for (const g of result.groups) putGroup(g, { dirty: true });
    notify(
      result.skipped.length ? 'error' : 'success',
      t('groups.imported', {
        created: result.created,
        updated: result.updated,
        skipped: result.skipped.map((s) => s.row).join(', ') || '0',
      }),
    );
  };
  const create = () => {
    if (!name.trim()) return;
    setOpen(newGroup(name.trim()).id);
    setName('');
  };

  return (
    <div className="groups-view">
      <div className="groups-main">
        <div className="toolbar">
          <input
            type="search"
            placeholder={t('groups.filter')}
            aria-label={t('groups.filter')}
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
          <input
            placeholder={t('keywordGroup.newName')}
            aria-label={t('keywordGroup.newName')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && create()}
          />
          <button type="button" onClick={create} disabled={!name.trim()}>
            {t('keywordGroup.create')}
          </button>
          <span className="spacer" />
          <button type="button" onClick={() => fileRef.current?.click()}>
            {t('groups.importCsv')}
          </button>
          <input
            ref={fileRef}
            type="file"
            accept=".csv,text/csv"
            hidden
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void importCsv(f);
              e.target.value = '';
            }}
          />
          <button
            type="button"
            onClick={() =>
              downloadText('keyword-groups.csv', '\uFEFF' + groupsToCsv(all.map((d) => d.doc)), 'text/csv')
            }
          >
            {t('groups.exportCsv')}
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => all.filter((d) => d.dirty).forEach((d) => void saveGroup(d.doc.id))}
            disabled={!all.some((d) => d.dirty)}
          >
            {t('groups.saveAll')}
          </button>
        </div>
        {selected.length > 0 ? (
          <div className="toolbar bulk" data-testid="bulk-bar">
            <span>{t('groups.selected', { count: selected.length })}</span>
            <select
              aria-label={t('groups.bulkMode')}
              value=""
              onChange={(e) => e.target.value && bulk({ mode: e.target.value as KeywordGroup['mode'] })}
            >
              <option value="">{t('groups.bulkMode')}</option>
              {MATCH_MODES.map((m) => (
                <option key={m} value={m}>
                  {t(`matchMode.${m}`)}
                </option>
              ))}
            </select>
            <button type="button" onClick={() => bulk({ enabled: true })}>
              {t('groups.enable')}
            </button>
            <button type="button" onClick={() => bulk({ enabled: false })}>
              {t('groups.disable')}
            </button>
            <button
              type="button"
              onClick={() => selected.forEach((id) => void publishGroup(id, t('publish.defaultNote')))}
            >
              {t('groups.publishSelected')}
            </button>
            <button
              type="button"
              className="danger"
              onClick={() =>
                askConfirm({
                  message: t('confirm.deleteGroups', { count: selected.length }),
                  onConfirm: () => {
                    selected.forEach((id) => void deleteGroup(id));
                    setPicked(new Set());
                  },
                })
              }
            >
              {t('common.delete')}
            </button>
          </div>
        ) : null}
        <table className="groups-table" data-testid="groups-table">
          <thead>
            <tr>
              <th>
                <input
                  type="checkbox"
                  aria-label={t('groups.selectAll')}
                  checked={rows.length > 0 && rows.every((r) => picked.has(r.doc.id))}
                  onChange={(e) => setPicked(e.target.checked ? new Set(rows.map((r) => r.doc.id)) : new Set())}
                />
              </th>
              {header('name', t('groups.col.name'))}
              {header('count', t('groups.col.keywords'))}
              {header('mode', t('groups.col.mode'))}
              <th>{t('groups.col.status')}</th>
              {header('published', t('groups.col.published'))}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ doc, dirty, publishedVersion }) => (
              <tr key={doc.id} className={open === doc.id ? 'active' : ''} onClick={() => setOpen(doc.id)}>
                <td onClick={(e) => e.stopPropagation()}>
                  <input
                    type="checkbox"
                    aria-label={doc.name}
                    checked={picked.has(doc.id)}
                    onChange={(e) => {
                      const next = new Set(picked);
                      if (e.target.checked) next.add(doc.id);
                      else next.delete(doc.id);
                      setPicked(next);
                    }}
                  />
                </td>
                <td>
                  {doc.name} {dirty ? <span className="badge">{t('doc.unsaved')}</span> : null}
                </td>
                <td>
                  <span className="muted">{doc.keywords.length}</span> {doc.keywords.slice(0, 6).join('、')}
                  {dupCount.get(doc.id) ? (
                    <span className="badge warn" title={t('groups.dupTitle')}>
                      <TriangleAlert size={11} className="icon" /> {t('groups.dups', { count: dupCount.get(doc.id) })}
                    </span>
                  ) : null}
                </td>
                <td>{t(`matchMode.${doc.mode ?? 'contains'}`)}</td>
                <td>{doc.enabled === false ? t('common.disabled') : t('common.enabled')}</td>
                <td>{publishedVersion ? `v${publishedVersion}` : t('doc.notPublished')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 ? <p className="muted">{t('groups.empty')}</p> : null}
      </div>
      {open && drafts[open] ? (
        <aside className="properties">
          <GroupEditor groupId={open} />
          <button
            type="button"
            className="danger"
            onClick={() =>
              askConfirm({
                message: t('confirm.deleteGroups', { count: 1 }),
                onConfirm: () => {
                  void deleteGroup(open);
                  setOpen(null);
                },
              })
            }
          >
            {t('common.delete')}
          </button>
        </aside>
      ) : null}
    </div>
  );
}

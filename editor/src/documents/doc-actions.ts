/**
 * Everything that talks to the document API and then updates the store: loading the
 * workspace, saving drafts (409 → conflict dialog, never a silent overwrite), publishing (409:
 * live moved meanwhile → the live versions read again and the publish dialog saying so).
 */
import i18n from 'i18next';
import type { Flow, KeywordGroup, Policy } from '../../../rules-schema/index.js';
import { ApiError } from '../api/api-error.js';
import { documentsApi, type DocKind, type PublishFlags } from '../api/documents-api.js';
import { editorToFlow } from '../model/flow-mapping.js';
import { newId } from '../model/new-id.js';
import { useEditorStore } from '../store/editor-store.js';
import { describeApiError, revisionFromConflict } from './describe-api-error.js';
import { gateDetails } from './publish-gate-details.js';

const store = () => useEditorStore.getState();
const t = (key: string, opts?: Record<string, unknown>) => i18n.t(key, opts);

/** Loads flow summaries, every keyword group and the policy; opens the first flow. */
export async function loadWorkspace(): Promise<void> {
  const [flows, groups, policies] = await Promise.all([
    documentsApi.list('flows'),
    documentsApi.list('keyword-groups'),
    documentsApi.list('policies').catch(() => ({ items: [] })),
  ]);
  store().setFlowSummaries(flows.items);
  const full = await Promise.all(groups.items.map((g) => documentsApi.get('keyword-groups', g.id)));
  store().setGroups(
    full.map((doc, i) => ({
      doc,
      persisted: true,
      dirty: false,
      publishedVersion: groups.items[i]?.publishedVersion ?? null,
    })),
  );
  const firstPolicy = policies.items.find((p) => p.id === 'default') ?? policies.items[0];
  if (firstPolicy) {
    const doc = await documentsApi.get('policies', firstPolicy.id);
    store().setPolicy({ doc, persisted: true, dirty: false, publishedVersion: firstPolicy.publishedVersion });
  }
  const first = flows.items[0];
  if (first && !store().meta && !openPending) await openFlow(first.id);
}

export async function refreshFlowList(): Promise<void> {
  store().setFlowSummaries((await documentsApi.list('flows')).items);
}

/**
 * Each open takes a ticket and only the latest one lands, whatever order the answers come in: a
 * flow the operator clicked while the first flow (or another click) was still loading stays open.
 */
let openTicket = 0;
let openPending = false;

export async function openFlow(id: string): Promise<void> {
  const ticket = ++openTicket;
  openPending = true;
  try {
    const flow = await documentsApi.get('flows', id);
    if (ticket === openTicket) store().loadFlow(flow, true);
  } finally {
    if (ticket === openTicket) openPending = false;
  }
}

/** A new, unsaved flow with one trigger for text messages. */
export function newFlow(name: string): void {
  openTicket++; // a flow still loading must not replace the new one
  openPending = false;
  const flow: Flow = {
    schemaVersion: 1,
    id: newId('flow'),
    name,
    enabled: true,
    nodes: [{ id: newId('trigger'), type: 'trigger', position: { x: 40, y: 120 }, data: { messageTypes: ['text'] } }],
    edges: [],
  };
  store().loadFlow(flow, false);
}

/** A new keyword group in the store (saved with the next save). */
export function newGroup(name: string, keywords: string[] = []): KeywordGroup {
  // New groups match whole words (到货 not inside 收到货); stored groups without the field keep substring matching.
  const group: KeywordGroup = {
    schemaVersion: 1,
    id: newId('kg'),
    name,
    mode: 'contains',
    keywords,
    wholeWords: true,
    skipSettled: true,
    enabled: true,
  };
  store().putGroup(group, { persisted: false, dirty: true, publishedVersion: null });
  return group;
}

async function saveDoc<K extends DocKind>(
  kind: K,
  doc: K extends 'flows' ? Flow : K extends 'keyword-groups' ? KeywordGroup : Policy,
  persisted: boolean,
) {
  const body = { ...doc } as typeof doc;
  if (!persisted) delete (body as { revision?: number }).revision;
  // The generic over K does not narrow the body type; each call site passes the matching document.
  return persisted ? documentsApi.update(kind, body as never) : documentsApi.create(kind, body as never);
}

/** Reacts to a failed save: 409 opens the conflict dialog, anything else is a notice. */
function onSaveError(err: unknown, kind: DocKind, id: string, name: string): void {
  if (err instanceof ApiError && err.status === 409 && err.code === 'CONFLICT') {
    store().setConflict({ kind, id, name, theirRevision: revisionFromConflict(err) });
    return;
  }
  store().notify('error', `${t('save.failed', { name })} ${describeApiError(err, i18n.t)}`);
}

export async function saveGroup(id: string): Promise<boolean> {
  const draft = store().groups[id];
  if (!draft) return false;
  try {
    const saved = await saveDoc('keyword-groups', draft.doc, draft.persisted);
    // Keep edits typed while the request was in flight.
    const now = store().groups[id];
    const changed = now && now.doc !== draft.doc;
    store().putGroup(changed ? { ...now.doc, revision: saved.revision } : saved, {
      persisted: true,
      dirty: Boolean(changed),
    });
    return true;
  } catch (err) {
    onSaveError(err, 'keyword-groups', id, draft.doc.name);
    return false;
  }
}

/** The open flow as a document. */
export function currentFlow(): Flow | null {
  const { meta, nodes, edges } = store();
  return meta ? editorToFlow(meta, nodes, edges) : null;
}

export async function saveFlow(): Promise<boolean> {
  const flow = currentFlow();
  if (!flow) return false;
  const { persisted, nodes, edges, meta } = store();
  try {
    const saved = await saveDoc('flows', flow, persisted);
    const s = store();
    if (s.meta?.id === flow.id) {
      if (s.nodes === nodes && s.edges === edges && s.meta === meta) s.markSaved(saved);
      else useEditorStore.setState({ meta: { ...s.meta, revision: saved.revision }, persisted: true });
    }
    await refreshFlowList();
    return true;
  } catch (err) {
    onSaveError(err, 'flows', flow.id, flow.name);
    return false;
  }
}

/** The save in flight, if any (see {@link saveAll}). */
let saving: Promise<boolean> | null = null;

/**
 * Ctrl+S: every unsaved keyword group, then the open flow. `announce: false` when a publish
 * follows: its one notice (已发布为 vN) says the drafts were saved too.
 */
export async function saveAll(options: { announce?: boolean } = {}): Promise<boolean> {
  // One save at a time: two at once would both POST a new flow or group, and the second, refused
  // as a duplicate, would open the conflict dialog against the operator's own save (Ctrl+S twice,
  // 发布工作区 while 保存 runs, an effect run twice). A later save starts from what the first saved.
  while (saving) await saving.catch(() => undefined);
  const run = saveAllNow(options);
  saving = run;
  try {
    return await run;
  } finally {
    if (saving === run) saving = null;
  }
}

async function saveAllNow({ announce = true }: { announce?: boolean }): Promise<boolean> {
  store().setBusy(true);
  try {
    let ok = true;
    for (const g of Object.values(store().groups)) if (g.dirty) ok = (await saveGroup(g.doc.id)) && ok;
    if (store().meta && (store().dirty || !store().persisted)) ok = (await saveFlow()) && ok;
    if (ok && announce) store().notify('success', t('save.done'));
    return ok;
  } finally {
    store().setBusy(false);
  }
}

/**
 * Publishes a saved draft. When a gate refuses it (failing scenarios, replies that would be
 * blocked, keyword groups not live), the publish gate dialog opens with the details instead of
 * a notice; `flags` pass the gates (overrides with the note, or the groups published too).
 * When live moved between the server's checks and its write (409, nothing went live), the
 * live versions are read again and the dialog opens saying so: publishing again checks anew.
 */
export async function publish(
  kind: DocKind,
  id: string,
  note: string,
  flags: PublishFlags = {},
): Promise<number | null> {
  try {
    const v = await documentsApi.publish(kind, id, note, flags);
    for (const published of v.groups ?? []) {
      const g = store().groups[published.id];
      if (g) store().putGroup(g.doc, { publishedVersion: published.version, published: g.doc });
    }
    if (kind === 'keyword-groups') {
      const g = store().groups[id];
      if (g) store().putGroup(g.doc, { publishedVersion: v.version, published: g.doc });
    } else if (kind === 'flows') await refreshFlowList();
    else {
      const p = store().policy;
      if (p) store().setPolicy({ ...p, publishedVersion: v.version });
    }
    store().setPublishGate(null);
    store().notify('success', t('publish.done', { version: v.version }));
    return v.version;
  } catch (err) {
    if (err instanceof ApiError && err.code === 'CONFLICT') {
      // The markers show what is live now; failing that they stay as they were, and the dialog still says why.
      await reloadLiveVersions().catch(() => undefined);
      store().setPublishGate({
        kind,
        id,
        name: docName(kind, id),
        failures: [],
        content: [],
        groups: [],
        liveMoved: true,
      });
      return null;
    }
    const gate = gateDetails(err);
    if (gate) store().setPublishGate({ kind, id, name: docName(kind, id), ...gate });
    else store().notify('error', `${t('publish.failed')} ${describeApiError(err, i18n.t)}`);
    return null;
  }
}

/** Reads again which version of each flow, keyword group and the policy is live (another operator moved it). */
export async function reloadLiveVersions(): Promise<void> {
  const [flows, groups, policies] = await Promise.all([
    documentsApi.list('flows'),
    documentsApi.list('keyword-groups'),
    documentsApi.list('policies'),
  ]);
  store().setFlowSummaries(flows.items);
  for (const live of groups.items) {
    const g = store().groups[live.id];
    // What the old version held no longer says what is live: fetched again when needed.
    if (g && g.publishedVersion !== live.publishedVersion)
      store().putGroup(g.doc, { publishedVersion: live.publishedVersion, published: undefined });
  }
  const p = store().policy;
  const livePolicy = policies.items.find((x) => x.id === p?.doc.id);
  if (p && livePolicy) store().setPolicy({ ...p, publishedVersion: livePolicy.publishedVersion });
}

function docName(kind: DocKind, id: string): string {
  const s = store();
  if (kind === 'flows') return s.meta?.id === id ? s.meta.name : (s.flowSummaries.find((f) => f.id === id)?.name ?? id);
  if (kind === 'keyword-groups') return s.groups[id]?.doc.name ?? id;
  return s.policy?.doc.name ?? id;
}

/** Saves the group if needed, then publishes it. */
export async function publishGroup(id: string, note: string): Promise<number | null> {
  if (store().groups[id]?.dirty && !(await saveGroup(id))) return null;
  return publish('keyword-groups', id, note);
}

/** Saves what is unsaved, then publishes the open flow. */
export async function publishFlow(note: string): Promise<number | null> {
  if (!(await saveAll({ announce: false }))) return null;
  const id = store().meta?.id;
  return id ? publish('flows', id, note) : null;
}

export async function deleteGroup(id: string): Promise<void> {
  const g = store().groups[id];
  if (!g) return;
  try {
    if (g.persisted) await documentsApi.remove('keyword-groups', id, g.doc.revision ?? 0);
    store().dropGroup(id);
  } catch (err) {
    onSaveError(err, 'keyword-groups', id, g.doc.name);
  }
}

export async function deleteFlow(): Promise<void> {
  const { meta, persisted } = store();
  if (!meta) return;
  try {
    if (persisted) await documentsApi.remove('flows', meta.id, meta.revision ?? 0);
    store().closeFlow();
    await refreshFlowList();
  } catch (err) {
    onSaveError(err, 'flows', meta.id, meta.name);
  }
}

/** Saves the policy draft; `announce: false` when a publish follows (see {@link saveAll}). */
export async function savePolicy({ announce = true }: { announce?: boolean } = {}): Promise<boolean> {
  const p = store().policy;
  if (!p) return false;
  try {
    const saved = await saveDoc('policies', p.doc, p.persisted);
    store().setPolicy({ ...p, doc: saved, persisted: true, dirty: false });
    if (announce) store().notify('success', t('save.done'));
    return true;
  } catch (err) {
    onSaveError(err, 'policies', p.doc.id, p.doc.name);
    return false;
  }
}

/** Conflict dialog, "reload theirs": their draft replaces mine. */
export async function reloadTheirs(kind: DocKind, id: string): Promise<void> {
  if (kind === 'flows') await openFlow(id);
  else if (kind === 'keyword-groups')
    store().putGroup(await documentsApi.get('keyword-groups', id), { persisted: true, dirty: false });
  else {
    const p = store().policy;
    store().setPolicy({
      doc: await documentsApi.get('policies', id),
      persisted: true,
      dirty: false,
      publishedVersion: p?.publishedVersion ?? null,
    });
  }
  store().setConflict(null);
}

/** Conflict dialog, "keep mine": my edits stay; the next save knowingly replaces theirs. */
export async function keepMine(kind: DocKind, id: string, theirRevision: number | null): Promise<void> {
  const revision = theirRevision ?? (await documentsApi.get(kind, id)).revision ?? 0;
  const s = store();
  if (kind === 'flows' && s.meta?.id === id) useEditorStore.setState({ meta: { ...s.meta, revision }, dirty: true });
  else if (kind === 'keyword-groups' && s.groups[id]) s.putGroup({ ...s.groups[id].doc, revision }, { dirty: true });
  else if (kind === 'policies' && s.policy)
    s.setPolicy({ ...s.policy, doc: { ...s.policy.doc, revision }, dirty: true });
  s.setConflict(null);
}

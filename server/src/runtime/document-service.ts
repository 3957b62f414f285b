/**
 * Drafts, publishing and rollback for flows, keyword groups and policies (CONTRACT §10).
 * Drafts carry a `revision` compared-and-set in the store; published versions are immutable.
 */
import type { Flow, KeywordGroup, SchemaName } from '../../../rules-schema/index.js';
import { validate } from '../../../rules-schema/validator.js';
import { loadPublished } from './published-workspace.js';
import { gateDocument, gateWorkspace } from './compile-gate.js';
import { blockedCodes, gateFlowContent } from './content-gate.js';
import { flowGraphErrors } from './flow-graph-gate.js';
import { groupsToPublishWith, refuseDeletingLiveGroup } from './live-group-gate.js';
import type { Store } from '../store/open-store.js';
import type { WorkspaceHead } from '../store/version-repository.js';
import { lastPublished, publishAtHead, type HeadEntry } from './publish-at-head.js';
import { DuplicateKeyError } from '../store/store-errors.js';
import { AppError, conflict, invalid, notFound } from '../errors.js';

export type { DocumentKind } from '../store/document-repository.js';
import type { DocumentKind } from '../store/document-repository.js';

export const ROUTE_KINDS: Record<string, DocumentKind> = {
  flows: 'flow',
  'keyword-groups': 'keyword-group',
  policies: 'policy',
  scenarios: 'scenario',
};

const LABEL: Record<DocumentKind, string> = {
  flow: '流程',
  'keyword-group': '关键词组',
  policy: '合规策略',
  scenario: '测试场景',
};

type Doc = { id: string; revision?: number } & Record<string, unknown>;

/** A published version as the publish route answers; with `withGroups`, the groups published with it. */
export interface PublishedVersion {
  id: string;
  version: number;
  publishedAt: Date;
  publishedBy: string;
  note: string;
  groups?: Array<{ id: string; version: number }>;
}

function validated(kind: DocumentKind, body: unknown): Doc {
  const result = validate<Doc>(kind as SchemaName, body);
  if (!result.ok) throw invalid(`${LABEL[kind]}不符合格式要求`, result.problems);
  const { revision: _revision, ...doc } = result.value;
  return doc as Doc;
}

/** What a publish request may ask for besides its note (`publish-body`). */
export interface PublishOptions {
  note?: string;
  /** Publish although saved scenarios fail (the note says why, audited). */
  overrideScenarios?: boolean;
  /** Publish a flow although a reply would be blocked by the content checks (reviewed; the note says why, audited). */
  overrideContent?: boolean;
  /** Publish the drafts of the keyword groups a flow uses that are not live, with it (one workspace version). */
  withGroups?: boolean;
}

/** Runs the account's saved scenarios with one draft swapped in; publishing waits on it. */
export type ScenarioGate = (
  account: string,
  kind: DocumentKind,
  doc: unknown,
) => Promise<Array<{ id: string; name: string; failures: Array<{ step: number; failures: string[] }> }>>;

/** The refusal when saved scenarios fail: one detail per failing step, `/scenarios/<id>/steps/<n>`. */
export function scenarioGateError(failing: Awaited<ReturnType<ScenarioGate>>): AppError {
  return invalid(
    `有 ${failing.length} 个测试场景没有通过，修正后再发布，或填写说明后强制发布`,
    failing.flatMap((f) =>
      f.failures.map((x) => ({
        path: `/scenarios/${f.id}/steps/${x.step}`,
        message: `${f.name}: ${x.failures.join('；')}`,
      })),
    ),
  );
}

export class DocumentService {
  constructor(
    private readonly store: Store,
    private readonly scenarioGate?: ScenarioGate,
  ) {}

  async list(account: string, kind: DocumentKind) {
    const items = await this.store.documents.list(account, kind);
    const published = await this.store.versions.latestAll(account);
    const versionOf = new Map(published.filter((v) => v.kind === kind).map((v) => [v.id, v.version]));
    return items.map((d) => ({
      id: d.id,
      name: (d.doc as { name?: string }).name ?? d.id,
      revision: d.revision,
      updatedAt: d.updatedAt,
      updatedBy: d.updatedBy,
      publishedVersion: versionOf.get(d.id) ?? null,
    }));
  }

  async get(account: string, kind: DocumentKind, id: string) {
    const found = await this.store.documents.get(account, kind, id);
    if (!found) throw notFound(`${LABEL[kind]} ${id}`);
    return { ...(found.doc as Doc), revision: found.revision };
  }

  async create(account: string, kind: DocumentKind, body: unknown, by: string) {
    const doc = validated(kind, body);
    if (kind !== 'scenario') await gateDocument({ kind, doc }, `${LABEL[kind]}无法运行，未保存`);
    try {
      await this.store.documents.create(account, kind, doc.id, doc, by);
    } catch (err) {
      if (err instanceof DuplicateKeyError)
        throw conflict(`${LABEL[kind]} ${doc.id} 已存在`, [{ path: '/id', message: 'id already exists' }]);
      throw err;
    }
    await this.store.audit.append({
      at: new Date(),
      account,
      actor: by,
      action: `${kind}.create`,
      target: doc.id,
      detail: {},
    });
    return { ...doc, revision: 1 };
  }

  async save(account: string, kind: DocumentKind, id: string, body: unknown, by: string) {
    const revision = (body as { revision?: unknown } | null)?.revision;
    const doc = validated(kind, body);
    if (doc.id !== id) throw invalid('文档 id 与地址不一致', [{ path: '/id', message: `must be ${id}` }]);
    if (typeof revision !== 'number')
      throw invalid('保存时需要带上读取到的 revision', [
        { path: '/revision', message: 'required: the revision you loaded' },
      ]);
    if (kind !== 'scenario') await gateDocument({ kind, doc }, `${LABEL[kind]}无法运行，未保存`);
    const saved = await this.store.documents.save(account, kind, id, doc, revision, by);
    if (!saved.ok) {
      if (saved.reason === 'not_found') throw notFound(`${LABEL[kind]} ${id}`);
      throw conflict(`${LABEL[kind]}已被其他人修改（当前版本 ${saved.current}），请重新加载后再保存`, [
        { path: '/revision', message: `stale: current revision is ${saved.current}` },
      ]);
    }
    await this.store.audit.append({
      at: new Date(),
      account,
      actor: by,
      action: `${kind}.save`,
      target: id,
      detail: { revision: saved.revision },
    });
    return { ...doc, revision: saved.revision };
  }

  async remove(account: string, kind: DocumentKind, id: string, revision: number | undefined, by: string) {
    if (kind === 'keyword-group') await refuseDeletingLiveGroup(this.store, account, id);
    const removed = await this.store.documents.remove(account, kind, id, revision);
    if (!removed.ok) {
      if (removed.reason === 'not_found') throw notFound(`${LABEL[kind]} ${id}`);
      throw conflict(`${LABEL[kind]}已被其他人修改，请重新加载`, [
        { path: '/revision', message: `stale: current revision is ${removed.current}` },
      ]);
    }
    await this.store.audit.append({
      at: new Date(),
      account,
      actor: by,
      action: `${kind}.delete`,
      target: id,
      detail: {},
    });
  }

  /**
   * Publishes one draft (a flow with `withGroups`: with the drafts of the groups it uses that
   * are not live). The gates judge the live workspace read first, and everything goes live in
   * one write at that workspace (publishAtHead): live changed meanwhile → 409, nothing live.
   */
  async publish(
    account: string,
    kind: DocumentKind,
    id: string,
    options: PublishOptions,
    by: string,
  ): Promise<PublishedVersion> {
    const head = await this.store.versions.head(account);
    const draft = await this.get(account, kind, id);
    const { revision: _r, ...doc } = draft;
    const flow = kind === 'flow' ? (doc as unknown as Flow) : undefined;
    if (flow) await this.checkGraph(account, flow, head);
    const groups = flow ? await groupsToPublishWith(this.store, account, flow, options.withGroups === true, head) : [];
    const alongside = groups.map((g) => ({ kind: 'keyword-group' as const, doc: g }));
    const compiled =
      kind !== 'scenario'
        ? await gateWorkspace(this.store, account, { kind, doc }, `${LABEL[kind]}无法运行，未发布`, alongside, head)
        : undefined;
    const overridden = flow && compiled ? gateFlowContent(flow, compiled, options.overrideContent === true) : [];
    // The sandbox runs drafts, so the groups' drafts are in this run too.
    const failing = this.scenarioGate && kind !== 'scenario' ? await this.scenarioGate(account, kind, doc) : [];
    if (failing.length > 0 && !options.overrideScenarios) throw scenarioGateError(failing);

    const groupNote = options.note ?? `随流程 ${id} 发布`;
    const entries = [
      ...groups.map((g) => ({ kind: 'keyword-group' as DocumentKind, id: g.id, doc: g, note: groupNote })),
      { kind, id, doc },
    ];
    const versions = await this.commit(account, head.seq, entries, options.note, by, 'publish');
    const published = lastPublished(versions);
    const withGroups = versions.slice(0, -1);
    const audit = (action: string, detail: Record<string, unknown>) =>
      this.store.audit.append({
        at: new Date(),
        account,
        actor: by,
        action: `${kind}.${action}`,
        target: id,
        detail: { note: options.note, version: published.version, ...detail },
      });
    if (failing.length > 0) await audit('publish-override', { failing: failing.map((f) => f.id) });
    if (overridden.length > 0) {
      await audit('publish-content-override', {
        codes: blockedCodes(overridden),
        fields: overridden.map((b) => ({ path: b.path, nodeId: b.nodeId, codes: blockedCodes([b]) })),
      });
    }
    return withGroups.length > 0
      ? { ...published, groups: withGroups.map((g) => ({ id: g.id, version: g.version })) }
      : published;
  }

  /** Makes an old version live again and the draft; judged and published at one head, as publish. */
  async rollback(
    account: string,
    kind: DocumentKind,
    id: string,
    version: number,
    note: string | undefined,
    by: string,
  ) {
    const head = await this.store.versions.head(account);
    const old = await this.store.versions.get(account, kind, id, version);
    if (!old) throw notFound(`${LABEL[kind]} ${id} 的版本 ${version}`);
    const current = await this.store.documents.get(account, kind, id);
    if (!current) throw notFound(`${LABEL[kind]} ${id}`);
    // An old version may use a group deleted since: it would go live unable to match.
    if (kind === 'flow') await groupsToPublishWith(this.store, account, old.doc as Flow, false, head);
    // A version saved by an older release may not run today: refuse it before it replaces the draft.
    if (kind !== 'scenario')
      await gateWorkspace(
        this.store,
        account,
        { kind, doc: old.doc as Doc },
        `${LABEL[kind]}的版本 ${version} 无法运行，未回滚`,
        [],
        head,
      );
    const saved = await this.store.documents.save(account, kind, id, old.doc, current.revision, by);
    if (!saved.ok) throw conflict('回滚时草稿被其他人修改，请重试');
    // Should live move before this write, the draft already holds the old version: a retry publishes it.
    return lastPublished(
      await this.commit(
        account,
        head.seq,
        [{ kind, id, doc: old.doc }],
        note ?? `回滚到版本 ${version}`,
        by,
        'rollback',
      ),
    );
  }

  async versions(account: string, kind: DocumentKind, id: string) {
    if (!(await this.store.documents.get(account, kind, id))) throw notFound(`${LABEL[kind]} ${id}`);
    return this.store.versions.list(account, kind, id);
  }

  async version(account: string, kind: DocumentKind, id: string, version: number) {
    const found = await this.store.versions.get(account, kind, id, version);
    if (!found) throw notFound(`${LABEL[kind]} ${id} 的版本 ${version}`);
    const { doc, ...meta } = found;
    return { ...meta, document: doc };
  }

  /** Puts `entries` live in one write at `atSeq` (409 when live moved) and audits each version. */
  private async commit(
    account: string,
    atSeq: number,
    entries: ReadonlyArray<HeadEntry<DocumentKind>>,
    note: string | undefined,
    by: string,
    action: string,
  ): Promise<PublishedVersion[]> {
    const at = new Date();
    const { seq, published } = await publishAtHead(
      this.store,
      account,
      atSeq,
      { publish: entries },
      by,
      note ?? '',
      at,
    );
    const out: PublishedVersion[] = [];
    for (const [i, p] of published.entries()) {
      const own = entries[i]?.note ?? note;
      await this.store.audit.append({
        at,
        account,
        actor: by,
        action: `${p.kind}.${action}`,
        target: p.id,
        detail: { version: p.version, note: own, workspaceVersion: seq },
      });
      out.push({ id: p.id, version: p.version, publishedAt: at, publishedBy: by, note: own ?? '' });
    }
    return out;
  }

  private async checkGraph(account: string, flow: Flow, head: WorkspaceHead): Promise<void> {
    const groups = (await this.store.documents.list(account, 'keyword-group')).map((g) => g.doc as KeywordGroup);
    const errors = flowGraphErrors(flow, groups, (await loadPublished(this.store, account, head)).policy);
    if (errors.length > 0)
      throw new AppError('VALIDATION_FAILED', `流程有 ${errors.length} 个问题，修正后才能发布`, errors);
  }
}

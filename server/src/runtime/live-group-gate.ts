/**
 * A flow never goes live pointing at a keyword group that is not live (draft-only or deleted):
 * the runtime evaluates published groups only, so such a branch would silently never match.
 * Publishing such a flow is refused unless the request publishes those groups with it, and a
 * group a live flow uses cannot be deleted.
 */
import type { Flow, KeywordGroup, Pack } from '../../../rules-schema/index.js';
import { flowGroupReferences } from '../../../rules-schema/flow-group-references.js';
import { flowNodeName } from '../../../rules-schema/flow-node-name.js';
import { WORKSPACE_PATHS } from '../core/engine/compile-problem.js';
import type { Store } from '../store/open-store.js';
import type { WorkspaceHead } from '../store/version-repository.js';
import { invalid, type ErrorDetail } from '../errors.js';
import { loadPublished } from './published-workspace.js';

/**
 * The drafts of the groups `flow` uses that are not live, to publish with it (`withGroups`);
 * refuses when there are some and `withGroups` is off, or when one has no draft at all.
 * `head`: the workspace the flow will be published on; default: the current one.
 * @example await groupsToPublishWith(store, 'default', flow, true) // [the 发票 group's draft]
 */
export async function groupsToPublishWith(
  store: Store,
  account: string,
  flow: Flow,
  withGroups: boolean,
  head?: WorkspaceHead,
): Promise<KeywordGroup[]> {
  const live = await liveGroupIds(store, account, head);
  const missing = flowGroupReferences(flow).filter((r) => !live.has(r.groupId));
  if (missing.length === 0) return [];
  const drafts = new Map(
    (await store.documents.list(account, 'keyword-group')).map((d) => [d.id, d.doc as KeywordGroup]),
  );
  const name = (id: string) => drafts.get(id)?.name;
  const gone = missing.filter((r) => !drafts.has(r.groupId));
  if (gone.length > 0 || !withGroups) {
    const details: ErrorDetail[] = missing.map((r) => ({
      path: r.path,
      message: drafts.has(r.groupId)
        ? `“${flowNodeName(r.node, name)}”用到的关键词组“${name(r.groupId) ?? r.groupId}”还没有发布，上线后这里永远不会命中`
        : `“${flowNodeName(r.node, name)}”用到的关键词组 ${r.groupId} 不存在（可能已删除）`,
    }));
    throw invalid(
      gone.length > 0
        ? `流程用到了不存在的关键词组，修正后再发布`
        : `流程用到 ${new Set(missing.map((r) => r.groupId)).size} 个还没有发布的关键词组：同时发布它们（withGroups），或先发布它们`,
      details,
    );
  }
  return [...new Set(missing.map((r) => r.groupId))].map((id) => drafts.get(id) as KeywordGroup);
}

/**
 * Refuses to delete a group that a live flow uses: the flow would stop matching at once.
 * @example await refuseDeletingLiveGroup(store, 'default', 'kg-refund') // VALIDATION_FAILED, `/flows/f1/nodes/1/data/groupId`
 */
export async function refuseDeletingLiveGroup(store: Store, account: string, groupId: string): Promise<void> {
  const published = await loadPublished(store, account);
  const name = (id: string) => published.groups.find((g) => g.id === id)?.name;
  const using = published.flows.flatMap((flow) =>
    flowGroupReferences(flow)
      .filter((r) => r.groupId === groupId)
      .map((r) => ({
        path: `${WORKSPACE_PATHS.flow(flow.id)}${r.path}`,
        message: `线上流程“${flow.name}”的“${flowNodeName(r.node, name)}”用到这个关键词组`,
      })),
  );
  if (using.length > 0) {
    throw invalid(
      `关键词组“${name(groupId) ?? groupId}”正被 ${new Set(using.map((u) => u.path.split('/')[2])).size} 个线上流程使用，不能删除：先发布不再用它的流程`,
      using,
    );
  }
}

/** Published groups, and the groups of installed, enabled packs (named `<packId>.<groupId>` in flows). */
async function liveGroupIds(store: Store, account: string, head?: WorkspaceHead): Promise<Set<string>> {
  const published = await loadPublished(store, account, head);
  const packGroups = published.packs.flatMap((stored) => {
    // Installed documents were validated against the pack schema before they were stored.
    const pack = stored as Pack;
    return (pack.keywordGroups ?? []).map((g) => `${pack.id}.${g.id}`);
  });
  return new Set([...published.groups.map((g) => g.id), ...packGroups]);
}

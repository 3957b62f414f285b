/**
 * The documents the runtime evaluates for an account: the published version of every flow,
 * keyword group and policy the workspace points at (a deleted document was unpublished with
 * it), plus the installed and enabled packs and the account's time zone: all named by one
 * workspace head, so a cache keyed by its sequence compiles exactly what that sequence means.
 */
import type { Flow, KeywordGroup, Policy } from '../../../rules-schema/index.js';
import type { Store } from '../store/open-store.js';
import type { WorkspaceHead } from '../store/version-repository.js';
import { DEFAULT_POLICY } from './default-policy.js';

export interface PublishedWorkspace {
  flows: Flow[];
  groups: KeywordGroup[];
  policy: Policy;
  /** Pack documents as stored. */
  packs: unknown[];
}

/** `head`: the pointers a cache keyed by their sequence compiles; default: the current ones. */
export async function loadPublished(store: Store, account: string, head?: WorkspaceHead): Promise<PublishedWorkspace> {
  const pinned = head ?? (await store.versions.head(account));
  const [published, installed] = await Promise.all([
    store.versions.latestAll(account, pinned),
    store.packs.list(account, pinned),
  ]);
  const flows: Flow[] = [];
  const groups: KeywordGroup[] = [];
  let policy: Policy | undefined;
  for (const v of published) {
    if (v.kind === 'flow') flows.push(v.doc as Flow);
    else if (v.kind === 'keyword-group') groups.push(v.doc as KeywordGroup);
    else if (v.kind === 'policy' && (policy === undefined || v.id === 'default')) policy = v.doc as Policy;
  }
  const effective = policy ?? DEFAULT_POLICY;
  return {
    flows,
    groups,
    // CONTRACT §4: business hours use the account's time zone when it sets one.
    policy: pinned.timezone ? { ...effective, timezone: pinned.timezone } : effective,
    packs: installed.filter((p) => p.enabled).map((p) => p.doc),
  };
}

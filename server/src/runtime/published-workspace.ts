/**
 * The documents the runtime evaluates for an account: the latest published version of every
 * existing flow, keyword group and policy, plus the installed and enabled packs.
 */
import type { Flow, KeywordGroup, Policy } from '../../../rules-schema/index.js';
import type { Store } from '../store/open-store.js';
import { DEFAULT_POLICY } from './default-policy.js';

export interface PublishedWorkspace {
  flows: Flow[];
  groups: KeywordGroup[];
  policy: Policy;
  /** Pack documents as stored. */
  packs: unknown[];
}

const KINDS = ['flow', 'keyword-group', 'policy'] as const;

export async function loadPublished(store: Store, account: string): Promise<PublishedWorkspace> {
  const [published, drafts, installed, settings] = await Promise.all([
    store.versions.latestAll(account),
    Promise.all(KINDS.map((kind) => store.documents.list(account, kind))),
    store.packs.list(account),
    store.accounts.getPublic(account),
  ]);
  // A deleted document stops applying even though its published versions stay on record.
  const existing = new Set(drafts.flat().map((d) => `${d.kind}/${d.id}`));
  const flows: Flow[] = [];
  const groups: KeywordGroup[] = [];
  let policy: Policy | undefined;
  for (const v of published) {
    if (!existing.has(`${v.kind}/${v.id}`)) continue;
    if (v.kind === 'flow') flows.push(v.doc as Flow);
    else if (v.kind === 'keyword-group') groups.push(v.doc as KeywordGroup);
    else if (v.kind === 'policy' && (policy === undefined || v.id === 'default')) policy = v.doc as Policy;
  }
  const effective = policy ?? DEFAULT_POLICY;
  return {
    flows,
    groups,
    // CONTRACT §4: business hours use the account's time zone when it sets one.
    policy: settings?.timezone ? { ...effective, timezone: settings.timezone } : effective,
    packs: installed.filter((p) => p.enabled).map((p) => p.doc),
  };
}

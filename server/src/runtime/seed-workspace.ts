/**
 * First start on an empty store: load the example workspace (keyword groups, flows and the
 * default policy) as drafts and publish them, so a new user sees working flows at once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Flow, KeywordGroup, Policy } from '../../../rules-schema/index.js';
import type { Store } from '../store/open-store.js';
import { DocumentService, type DocumentKind } from './document-service.js';
import { DEFAULT_POLICY } from './default-policy.js';

const SEEDER = 'replyflow-setup';

function readJsonDir(dir: string): unknown[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as unknown);
}

/** The example workspace as documents, for offline runs (the CLI) without a store. */
export function readWorkspaceDir(workspaceDir: string): { flows: Flow[]; groups: KeywordGroup[]; policy: Policy } {
  return {
    flows: readJsonDir(path.join(workspaceDir, 'flows')) as Flow[],
    groups: readJsonDir(path.join(workspaceDir, 'keyword-groups')) as KeywordGroup[],
    policy: DEFAULT_POLICY,
  };
}

export async function seedWorkspace(store: Store, workspaceDir: string, account = 'default'): Promise<boolean> {
  const existing = await Promise.all(
    (['flow', 'keyword-group', 'policy'] as const).map((k) => store.documents.list(account, k)),
  );
  if (existing.some((list) => list.length > 0)) return false;
  const docs = new DocumentService(store);
  const load = async (kind: DocumentKind, doc: unknown) => {
    const created = await docs.create(account, kind, doc, SEEDER);
    await docs.publish(account, kind, created.id, { note: '示例工作区' }, SEEDER);
  };
  const workspace = readWorkspaceDir(workspaceDir);
  // Groups first: publishing a flow checks that the groups it names exist.
  for (const group of workspace.groups) await load('keyword-group', group);
  await load('policy', workspace.policy);
  for (const flow of workspace.flows) await load('flow', flow);
  return true;
}

/**
 * Switching from the console: turns `get_current_autoreply_info` (uploaded, or fetched through
 * the account's API) into DRAFT keyword groups and flows. Ids never overwrite: a taken id gets
 * a suffix. Everything is validated before the first draft is written.
 */
import type { SchemaName } from '../../../rules-schema/index.js';
import { validate } from '../../../rules-schema/validator.js';
import type { Store } from '../store/open-store.js';
import type { DocumentService } from '../runtime/document-service.js';
import { AppError, invalid, type ErrorDetail } from '../errors.js';
import { consoleRulesToDrafts } from './console-rules-to-drafts.js';
import type { WechatApiClient } from './wechat-api-client.js';

export interface ConsoleImportSummary {
  created: { groups: string[]; flows: string[] };
  skipped: { rule: string; reason: string }[];
  notes: { rule: string; note: string }[];
}

const KEYS = ['keyword_autoreply_info', 'add_friend_autoreply_info', 'message_default_autoreply_info'];

/**
 * @example await importConsoleRules({store, docs, client}, 'default', {fetch:true}, 'alice')
 * // {created:{groups:['wx-autoreply-text'], flows:['wx-autoreply-text','wx-welcome']}, skipped:[], notes:[]}
 */
export async function importConsoleRules(
  deps: { store: Store; docs: DocumentService; client: WechatApiClient },
  account: string,
  body: unknown,
  by: string,
): Promise<ConsoleImportSummary> {
  const info = await sourceOf(deps.client, account, body);
  const [flows, groups] = await Promise.all([
    deps.store.documents.list(account, 'flow'),
    deps.store.documents.list(account, 'keyword-group'),
  ]);
  const taken = { flow: new Set(flows.map((d) => d.id)), 'keyword-group': new Set(groups.map((d) => d.id)) };
  const drafts = consoleRulesToDrafts(info, (kind, base) => {
    let id = base.slice(0, 64);
    for (let n = 2; taken[kind].has(id); n++) id = `${base.slice(0, 58)}-${n}`;
    taken[kind].add(id);
    return id;
  });
  const problems: ErrorDetail[] = [];
  const check = (kind: SchemaName, doc: { id: string }) => {
    const r = validate(kind, structuredClone(doc));
    if (!r.ok)
      problems.push(
        ...r.problems.map((p) => ({ path: `/${kind}/${doc.id}${p.path === '/' ? '' : p.path}`, message: p.message })),
      );
  };
  drafts.groups.forEach((g) => check('keyword-group', g));
  drafts.flows.forEach((f) => check('flow', f));
  if (problems.length > 0) throw invalid('导入的规则不符合格式要求，没有创建任何草稿', problems);
  // Groups first: flows name them.
  for (const g of drafts.groups) await deps.docs.create(account, 'keyword-group', g, by);
  for (const f of drafts.flows) await deps.docs.create(account, 'flow', f, by);
  return {
    created: { groups: drafts.groups.map((g) => g.id), flows: drafts.flows.map((f) => f.id) },
    skipped: drafts.skipped,
    notes: drafts.notes,
  };
}

async function sourceOf(client: WechatApiClient, account: string, body: unknown): Promise<Record<string, unknown>> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalid('请上传 get_current_autoreply_info 的 JSON，或 {"fetch":true}', [
      { path: '/', message: 'an object is required' },
    ]);
  }
  let info = body as Record<string, unknown>; // parse boundary: fields are read defensively below
  if (info['fetch'] === true) {
    const r = await client.currentAutoreplyInfo(account);
    if (!r.ok)
      throw new AppError('VALIDATION_FAILED', `从微信读取自动回复规则失败 (errcode ${r.errcode ?? '—'}: ${r.errmsg})`, [
        { path: '/fetch', message: r.errmsg },
      ]);
    info = r.body;
  }
  if (!KEYS.some((k) => k in info)) {
    throw invalid('这不是 get_current_autoreply_info 的返回内容', [
      { path: '/', message: `expected one of ${KEYS.join(', ')}` },
    ]);
  }
  return info;
}

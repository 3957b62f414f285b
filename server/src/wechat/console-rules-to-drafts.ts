/**
 * Maps the console's auto-reply rules (`get_current_autoreply_info`, DOMAIN §4.2) to draft
 * keyword groups and flows: one group per match mode and one flow per keyword rule, a
 * subscribe flow for 被关注回复 and a fallback flow for 收到消息回复. Pure: ids come from
 * `allocate`, which the caller makes collision-free.
 */
import type { Flow, FlowEdge, FlowNode, KeywordGroup, Reply } from '../../../rules-schema/index.js';
import {
  consoleKeywordGroup,
  FALLBACK_TRIGGER,
  groupModeOf,
  replyModeOf,
  SUBSCRIBE_TRIGGER,
} from '../../../rules-schema/console-auto-reply.js';

export interface ConsoleDrafts {
  groups: KeywordGroup[];
  flows: Flow[];
  skipped: { rule: string; reason: string }[];
  notes: { rule: string; note: string }[];
}

/** Returns an unused id for a kind, starting from `base` (suffixing on collision). */
export type AllocateId = (kind: 'flow' | 'keyword-group', base: string) => string;

type Json = Record<string, unknown>;
type ReplyNode = Extract<FlowNode, { type: 'reply' }>;
type TriggerData = Extract<FlowNode, { type: 'trigger' }>['data'];

/**
 * @example consoleRulesToDrafts(info, (kind, base) => base).flows.map((f) => f.id)
 * // ['wx-autoreply-text', …, 'wx-welcome', 'wx-default-reply']
 */
export function consoleRulesToDrafts(info: unknown, allocate: AllocateId): ConsoleDrafts {
  const out: ConsoleDrafts = { groups: [], flows: [], skipped: [], notes: [] };
  const root = record(info);
  const rules = list(record(root['keyword_autoreply_info'])['list']);
  rules.forEach((raw, i) => keywordRule(record(raw), i, allocate, out));
  const welcome = record(root['add_friend_autoreply_info']);
  if (Object.keys(welcome).length > 0) {
    const reply = mapReply(welcome, '被关注回复', out);
    if (reply)
      out.flows.push(
        singleReplyFlow(
          allocate('flow', 'wx-welcome'),
          '公众号后台：被关注回复',
          SUBSCRIBE_TRIGGER,
          reply,
          root['is_add_friend_reply_open'] !== 0,
        ),
      );
  }
  const fallback = record(root['message_default_autoreply_info']);
  if (Object.keys(fallback).length > 0) {
    const reply = mapReply(fallback, '收到消息回复', out);
    if (reply)
      out.flows.push(
        singleReplyFlow(
          allocate('flow', 'wx-default-reply'),
          '公众号后台：收到消息回复',
          FALLBACK_TRIGGER,
          reply,
          root['is_autoreply_open'] !== 0,
        ),
      );
  }
  return out;
}

function keywordRule(rule: Json, index: number, allocate: AllocateId, out: ConsoleDrafts): void {
  const name = (typeof rule['rule_name'] === 'string' && rule['rule_name'].trim()) || `规则 ${index + 1}`;
  const byMode = { contains: new Set<string>(), exact: new Set<string>() };
  for (const k of list(rule['keyword_list_info']).map(record)) {
    const word = typeof k['content'] === 'string' ? k['content'].trim().slice(0, 60) : '';
    if (word) byMode[groupModeOf(k['match_mode'])].add(word);
  }
  if (byMode.contains.size + byMode.exact.size === 0)
    return void out.skipped.push({ rule: name, reason: '没有可导入的关键词 (no text keywords)' });
  const skippedBefore = out.skipped.length;
  const replies = list(rule['reply_list_info'])
    .slice(0, 5)
    .flatMap((r) => mapReply(record(r), name, out) ?? []);
  if (replies.length === 0) {
    // One entry per rule: a reply-level reason already says why, when there is one.
    if (out.skipped.length === skippedBefore)
      out.skipped.push({ rule: name, reason: '没有可导入的回复内容 (no reply that can be imported)' });
    return;
  }

  const base = `wx-${slug(name) || `rule-${index + 1}`}`;
  const mixed = byMode.contains.size > 0 && byMode.exact.size > 0;
  const nodes: FlowNode[] = [
    { id: 'trigger', type: 'trigger', position: { x: 0, y: 0 }, data: { messageTypes: ['text'] } },
  ];
  const edges: FlowEdge[] = [];
  for (const mode of ['contains', 'exact'] as const) {
    if (byMode[mode].size === 0) continue;
    const id = allocate('keyword-group', mixed && mode === 'exact' ? `${base}-exact` : base);
    const label = mixed && mode === 'exact' ? `${name}（全匹配）` : name;
    out.groups.push(consoleKeywordGroup(id, label, [...byMode[mode]], mode, `从公众号后台关键词回复「${name}」导入`));
    const nodeId = `kg-${mode}`;
    nodes.push({
      id: nodeId,
      type: 'keywordGroup',
      position: { x: 280, y: mode === 'exact' ? 160 : 0 },
      data: { groupId: id },
    });
    // Two groups side by side behind one trigger: either match reaches the reply (once).
    edges.push(
      { id: `e-${mode}`, source: 'trigger', target: nodeId },
      { id: `e-${mode}-reply`, source: nodeId, target: 'reply', sourceHandle: 'match' },
    );
  }
  nodes.push(replyNode(replies, replyModeOf(rule['reply_mode'])));
  out.flows.push({
    schemaVersion: 1,
    id: allocate('flow', base),
    name: `公众号后台：${name}`.slice(0, 100),
    description: `从公众号后台关键词回复导入（${rule['reply_mode'] === 'random_one' ? '随机回复一条' : '回复全部'}）`,
    nodes,
    edges,
  });
}

function singleReplyFlow(id: string, name: string, trigger: TriggerData, reply: Reply, enabled: boolean): Flow {
  return {
    schemaVersion: 1,
    id,
    name,
    description: '从公众号后台自动回复导入',
    enabled,
    nodes: [{ id: 'trigger', type: 'trigger', position: { x: 0, y: 0 }, data: trigger }, replyNode([reply], 'all')],
    edges: [{ id: 'e1', source: 'trigger', target: 'reply' }],
  };
}

function replyNode(replies: Reply[], mode: 'all' | 'random'): ReplyNode {
  return { id: 'reply', type: 'reply', position: { x: 560, y: 0 }, data: { mode, replies } };
}

/** Console reply types: text, img, voice, video, news (keyword rules only). */
function mapReply(r: Json, rule: string, out: ConsoleDrafts): Reply | null {
  const content = typeof r['content'] === 'string' ? r['content'] : '';
  const temporary = () =>
    out.notes.push({
      rule,
      note: '素材 media_id 是 3 天有效的临时素材，发布前请换成永久素材 (temporary media_id: replace before publishing)',
    });
  switch (r['type']) {
    case 'text':
      return content.trim() ? { type: 'text', content } : null;
    case 'img':
    case 'voice':
      if (!content) return null;
      temporary();
      return { type: r['type'] === 'img' ? 'image' : 'voice', mediaId: content };
    case 'video':
      if (/^https?:\/\//i.test(content) || !content) {
        out.skipped.push({
          rule,
          reason: '视频回复是网址而不是 media_id，请上传视频素材后手动添加 (video reply is a URL, not a media_id)',
        });
        return null;
      }
      temporary();
      return { type: 'video', mediaId: content };
    case 'news': {
      const articles = list(record(r['news_info'])['list']).map(record);
      const a = articles[0];
      const title = typeof a?.['title'] === 'string' ? a['title'] : '';
      const url = typeof a?.['content_url'] === 'string' ? a['content_url'] : '';
      if (!a || !title || !url) return null;
      if (articles.length > 1)
        out.notes.push({
          rule,
          note: `图文有 ${articles.length} 篇，客服消息只能发 1 篇，只保留了第一篇 (only the first article kept)`,
        });
      const article: { title: string; url: string; description?: string; picUrl?: string } = { title, url };
      if (typeof a['digest'] === 'string' && a['digest']) article.description = a['digest'];
      if (typeof a['cover_url'] === 'string' && a['cover_url']) article.picUrl = a['cover_url'];
      return { type: 'news', articles: [article] };
    }
    default:
      out.skipped.push({ rule, reason: `不支持的回复类型 ${String(r['type'])} (unsupported reply type)` });
      return null;
  }
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

function record(v: unknown): Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {};
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

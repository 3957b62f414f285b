// @vitest-environment jsdom
/**
 * 「简单模式」 over the example workspace: the console's three lists read from the real flow and
 * keyword-group documents, and every edit lands in the documents the canvas edits (the store's
 * open flow and keyword-group drafts). The API is a fetch stub serving the example files.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import './setup-editor-test.js';
import type { Flow, KeywordGroup } from '../../rules-schema/index.js';
import { consoleKeywordGroup } from '../../rules-schema/console-auto-reply.js';
import { ConfirmDialog } from '../../editor/src/documents/ConfirmDialog.js';
import { currentFlow } from '../../editor/src/documents/doc-actions.js';
import { placeNode } from '../../editor/src/model/place-node.js';
import { SimpleView } from '../../editor/src/simple/SimpleView.js';
import { useEditorStore } from '../../editor/src/store/editor-store.js';

const root = join(import.meta.dirname, '../../examples/workspace');
const readDir = <T,>(dir: string): T[] =>
  readdirSync(join(root, dir)).map((f) => JSON.parse(readFileSync(join(root, dir, f), 'utf8')) as T);

/** The example workspace; `extra` adds documents beside it. */
function workspace(extra: { flows?: Flow[]; groups?: KeywordGroup[] } = {}) {
  const flows = [...readDir<Flow>('flows'), ...(extra.flows ?? [])].map((f) => ({ ...f, revision: 1 }));
  const groups = [...readDir<KeywordGroup>('keyword-groups'), ...(extra.groups ?? [])];
  return { flows, groups };
}

/** Serves GET /flows/:id from `flows` and answers /lint (block when the reply has a link); records every call. */
function stubApi(flows: Flow[]) {
  const lints: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const json = (body: unknown) =>
        new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
      if (url.startsWith('/api/v1/lint')) {
        const content = String((JSON.parse(String(init?.body)) as { reply: { content?: string } }).reply.content ?? '');
        lints.push(content);
        const at = content.indexOf('http');
        return json(
          at < 0
            ? { verdict: 'allow', reasons: [] }
            : {
                verdict: 'block',
                reasons: [
                  {
                    code: 'EXTERNAL_LINK',
                    severity: 'block',
                    message: '回复中含有外部链接',
                    ruleId: 'check:EXTERNAL_LINK',
                    evidence: { field: 'content', text: content.slice(at), start: at, end: content.length },
                  },
                ],
              },
        );
      }
      const id = /^\/api\/v1\/flows\/([^?]+)/.exec(url)?.[1];
      const flow = flows.find((f) => f.id === decodeURIComponent(id ?? ''));
      if ((init?.method ?? 'GET') === 'GET' && flow) return json(flow);
      return new Response('{"error":{"code":"NOT_FOUND","message":"x"}}', { status: 404 });
    }),
  );
  return { lints };
}

/** Signs in an editor, loads the workspace into the store with `open` as the open flow, renders the view. */
function renderSimple(open: string, extra?: Parameters<typeof workspace>[0]) {
  const { flows, groups } = workspace(extra);
  const api = stubApi(flows);
  const s = useEditorStore.getState();
  useEditorStore.setState({ me: { name: '小王', role: 'editor' } });
  s.setGroups(groups.map((doc) => ({ doc, persisted: true, dirty: false, publishedVersion: 1 })));
  s.setFlowSummaries(flows.map((f) => ({ id: f.id, name: f.name, revision: 1, publishedVersion: 1 })));
  s.loadFlow(
    flows.find((f) => f.id === open)!,
    true,
  );
  render(
    <>
      <SimpleView />
      <ConfirmDialog />
    </>,
  );
  return api;
}

const ruleCard = (groupId: string) =>
  waitFor(() => {
    const card = screen.getAllByTestId('simple-keyword-rule').find((c) => c.dataset['group'] === groupId);
    if (!card) throw new Error(`no card for ${groupId}`);
    return card;
  });
const replyNode = (id: string) => currentFlow()?.nodes.find((n) => n.id === id);

describe('简单模式', () => {
  it('shows 被关注回复, 收到消息回复 and 关键词回复 from the example workspace documents', async () => {
    renderSimple('ecommerce-faq');
    const welcome = within(screen.getByTestId('simple-welcome'));
    expect((await welcome.findByTestId('simple-reply-readonly')).textContent).toContain(
      '欢迎关注！回复「退款」「物流」「改密码」',
    );
    expect(welcome.getByText('流程「关注欢迎语」')).toBeTruthy();
    const fallback = within(screen.getByTestId('simple-fallback'));
    expect(fallback.getByTestId('simple-reply-readonly').textContent).toContain('收到你的消息啦');
    // ecommerce-faq's three group → reply pairs; the 人工 group leads to a handoff, not a reply, so it is no console rule.
    const cards = screen.getAllByTestId('simple-keyword-rule');
    expect(cards.map((c) => c.dataset['group'])).toEqual(['refund', 'logistics', 'password']);
    const refund = within(await ruleCard('refund'));
    expect(refund.getByTestId<HTMLInputElement>('simple-rule-name').value).toBe('退款');
    expect(refund.getByTestId<HTMLTextAreaElement>('simple-reply-text').value).toContain('申请退款');
  });

  it('keeps fuzzy / whole-word / pinyin / combo groups read-only with the hint, and never changes them', async () => {
    renderSimple('ecommerce-faq');
    const before = structuredClone(useEditorStore.getState().groups['refund']?.doc);
    const refund = within(await ruleCard('refund'));
    expect(refund.getByTestId('simple-advanced').textContent).toBe('高级设置，请在画布中编辑');
    expect(refund.getByTestId<HTMLInputElement>('simple-rule-name').disabled).toBe(true);
    expect(refund.queryByTestId('simple-match-equal')).toBeNull();
    expect(refund.queryByTestId('keyword-chips')).toBeNull();
    expect(refund.getByText('退钱')).toBeTruthy();
    fireEvent.change(refund.getByTestId('simple-reply-text'), { target: { value: '退款请到订单页' } });
    expect(useEditorStore.getState().groups['refund']?.doc).toEqual(before);
    expect(useEditorStore.getState().groups['refund']?.dirty).toBe(false);
  });

  it("edits a keyword rule's reply in the open flow's draft (the canvas's document), linted as it is typed", async () => {
    const { lints } = renderSimple('ecommerce-faq');
    const refund = within(await ruleCard('refund'));
    const text = '退款详情见 https://shop.example.com/refund';
    fireEvent.change(refund.getByTestId('simple-reply-text'), { target: { value: text } });
    const node = replyNode('reply-refund');
    expect(node?.type === 'reply' && node.data.replies[0]).toEqual({ type: 'text', content: text });
    expect(useEditorStore.getState().dirty).toBe(true);
    await waitFor(() => expect(lints).toContain(text));
    expect((await refund.findByTestId('lint-preview')).textContent).toContain('https://shop.example.com/refund');
  });

  it('全匹配 sets the group to exact, 半匹配 back to contains', async () => {
    const invoice = consoleKeywordGroup('invoice', '发票', ['发票', '开票'], 'contains');
    const faq = readDir<Flow>('flows').find((f) => f.id === 'ecommerce-faq')!;
    const withInvoice: Flow = {
      ...faq,
      nodes: [
        ...faq.nodes,
        { id: 'kg-invoice', type: 'keywordGroup', position: { x: 280, y: 480 }, data: { groupId: 'invoice' } },
        {
          id: 'reply-invoice',
          type: 'reply',
          position: { x: 560, y: 480 },
          data: { mode: 'all', replies: [{ type: 'text', content: '开票请在订单页申请' }] },
        },
      ],
      edges: [
        ...faq.edges,
        { id: 'e7', source: 'trigger', target: 'kg-invoice' },
        { id: 'e8', source: 'kg-invoice', target: 'reply-invoice', sourceHandle: 'match' },
      ],
    };
    renderSimple('ecommerce-faq', { groups: [invoice] });
    useEditorStore.getState().loadFlow({ ...withInvoice, revision: 1 }, true);
    const card = within(await ruleCard('invoice'));
    expect(card.getByTestId<HTMLInputElement>('simple-match-contain').checked).toBe(true);
    fireEvent.click(card.getByTestId('simple-match-equal'));
    expect(useEditorStore.getState().groups['invoice']?.doc.mode).toBe('exact');
    expect(useEditorStore.getState().groups['invoice']?.dirty).toBe(true);
    fireEvent.click(card.getByTestId('simple-match-contain'));
    expect(useEditorStore.getState().groups['invoice']?.doc.mode).toBe('contains');
  });

  it('添加规则 adds a console-style group, a keyword-group node and a reply node wired from the trigger, in free space', async () => {
    renderSimple('ecommerce-faq');
    const before = useEditorStore.getState();
    const section = within(screen.getByTestId('simple-keyword'));
    fireEvent.click(section.getByTestId('simple-add-open'));
    fireEvent.change(section.getByTestId('simple-add-name'), { target: { value: '发票' } });
    const chips = within(section.getByTestId('simple-add-keywords')).getByRole('textbox');
    fireEvent.change(chips, { target: { value: '发票' } });
    fireEvent.keyDown(chips, { key: 'Enter' });
    fireEvent.change(section.getByTestId('simple-add-reply'), { target: { value: '开票请在订单页申请' } });
    fireEvent.click(section.getByTestId('simple-add'));

    await waitFor(() => expect(useEditorStore.getState().nodes).toHaveLength(before.nodes.length + 2));
    const s = useEditorStore.getState();
    const added = Object.values(s.groups).filter((g) => !before.groups[g.doc.id]);
    expect(added).toHaveLength(1);
    const group = added[0]!;
    expect(group.doc).toMatchObject({ name: '发票', mode: 'contains', keywords: ['发票'] });
    expect(group.doc.wholeWords).toBeUndefined();
    expect(group.dirty).toBe(true);
    const flow = currentFlow()!;
    const kg = flow.nodes.find((n) => n.type === 'keywordGroup' && n.data.groupId === group.doc.id)!;
    const reply = flow.nodes.find((n) => n.type === 'reply' && !before.nodes.some((b) => b.id === n.id))!;
    expect(reply.type === 'reply' && reply.data.replies).toEqual([{ type: 'text', content: '开票请在订单页申请' }]);
    expect(
      flow.edges
        .filter((e) => !before.edges.some((b) => b.id === e.id))
        .map((e) => [e.source, e.target, e.sourceHandle]),
    ).toEqual([
      ['trigger', kg.id, undefined],
      [kg.id, reply.id, 'match'],
    ]);
    // Below the trigger's other rules, in their columns (groups at x 280, replies at x 560, lowest at y 320),
    // and in free space: each new node sits where placeNode finds it free of the nodes that were there.
    expect(kg.position.x).toBe(280);
    expect(kg.position.y).toBeGreaterThan(320);
    expect(reply.position).toEqual({ x: 560, y: kg.position.y });
    expect(placeNode(before.nodes, kg.position)).toEqual(kg.position);
    expect(placeNode([...before.nodes, { position: kg.position }], reply.position)).toEqual(reply.position);
    // The new rule is a card of its own, with 半匹配 chosen.
    const card = within(await ruleCard(group.doc.id));
    expect(card.getByTestId<HTMLInputElement>('simple-match-contain').checked).toBe(true);
  });

  it('删除规则 removes the node pair after confirming, and keeps the keyword group', async () => {
    renderSimple('ecommerce-faq');
    const refund = within(await ruleCard('refund'));
    fireEvent.click(refund.getByTestId('simple-remove-rule'));
    expect(screen.getByText(/关键词组本身不会删除/)).toBeTruthy();
    fireEvent.click(within(screen.getByTestId('confirm-dialog')).getByRole('button', { name: '删除规则' }));
    const flow = currentFlow()!;
    expect(flow.nodes.map((n) => n.id)).not.toContain('kg-refund');
    expect(flow.nodes.map((n) => n.id)).not.toContain('reply-refund');
    expect(
      flow.edges.some(
        (e) => ['kg-refund', 'reply-refund'].includes(e.source) || ['kg-refund', 'reply-refund'].includes(e.target),
      ),
    ).toBe(false);
    expect(useEditorStore.getState().groups['refund']).toBeTruthy();
    expect(screen.getAllByTestId('simple-keyword-rule').map((c) => c.dataset['group'])).toEqual([
      'logistics',
      'password',
    ]);
  });

  it('「编辑」 on 被关注回复 opens the welcome flow and edits its reply node', async () => {
    renderSimple('ecommerce-faq');
    const welcome = within(screen.getByTestId('simple-welcome'));
    fireEvent.click(await welcome.findByTestId('simple-edit-flow'));
    await waitFor(() => expect(useEditorStore.getState().meta?.id).toBe('welcome'));
    fireEvent.change(await welcome.findByTestId('simple-reply-text'), { target: { value: '欢迎关注！' } });
    const greet = replyNode('greet');
    expect(greet?.type === 'reply' && greet.data.replies[0]).toEqual({ type: 'text', content: '欢迎关注！' });
  });
});

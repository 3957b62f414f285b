/** Which fields of a flow the publish content gate reports, and where its pointers lead. */
import { describe, expect, it } from 'vitest';
import type { Flow } from '../../rules-schema/index.js';
import { blockedFlowReplies } from '../../server/src/core/checks/blocked-flow-replies.js';
import { compileWorkspace } from '../../server/src/core/engine/compile-workspace.js';
import { termScanner } from '../../server/src/core/engine/scan-message.js';
import { DEFAULT_POLICY } from '../../server/src/runtime/default-policy.js';

const at = { x: 0, y: 0 };
const flow: Flow = {
  schemaVersion: 1,
  id: 'f',
  name: 'f',
  nodes: [
    { id: 't', type: 'trigger', position: at, data: { messageTypes: ['text'] } },
    {
      id: 'ok',
      type: 'reply',
      position: at,
      data: { replies: [{ type: 'text', content: '{{nickname|保证治愈}}，您好' }] },
    },
    {
      id: 'news',
      type: 'reply',
      label: '活动图文',
      position: at,
      data: {
        mode: 'random',
        replies: [
          { type: 'text', content: '订单在“我的”页面查看' },
          { type: 'news', articles: [{ title: '新品上市', url: 'https://evil.example.com/a' }] },
        ],
      },
    },
    {
      id: 'menu',
      type: 'reply',
      position: at,
      data: {
        replies: [
          {
            type: 'msgmenu',
            items: [
              { id: '1', content: '满意' },
              { id: '2', content: '保证治愈' },
            ],
          },
        ],
      },
    },
    { id: 'ask', type: 'followUp', position: at, data: { question: '还有别的问题吗？' } },
  ],
  edges: [],
};

describe('blockedFlowReplies', () => {
  const compiled = compileWorkspace({ flows: [], groups: [], policy: DEFAULT_POLICY });
  const blocked = blockedFlowReplies(flow, compiled.content, termScanner(compiled));

  it('points at the very field of every reply a node may send, random mode included', () => {
    expect(blocked.map((b) => [b.path, b.reasons.map((r) => r.code)])).toEqual([
      ['/nodes/2/data/replies/1/articles/0/url', ['EXTERNAL_LINK']],
      ['/nodes/3/data/replies/0/items/1/content', ['MEDICAL_CLAIM']],
    ]);
  });

  it('names nodes by label, else by kind and words', () => {
    expect(blocked.map((b) => b.nodeName)).toEqual(['活动图文', '回复消息「满意 / 保证治愈」']);
  });

  it('fills variables with a neutral sample first: a fallback the sample replaces is not what is checked', () => {
    expect(blocked.some((b) => b.nodeId === 'ok' || b.nodeId === 'ask')).toBe(false);
    const raw = compiled.content.check(
      { type: 'text', content: '{{nickname|保证治愈}}，您好' },
      termScanner(compiled),
    ).reasons;
    expect(raw.map((r) => r.code)).toContain('MEDICAL_CLAIM');
  });
});

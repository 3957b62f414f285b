/** Switching from the console: get_current_autoreply_info (DOMAIN §4.2) → drafts → published → /inbound. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { T0, text, event } from '../support/test-app.js';
import { withStandIn } from './helpers/with-stand-in.js';

const SAMPLE: unknown = JSON.parse(
  readFileSync(path.join(import.meta.dirname, 'fixtures/get_current_autoreply_info.json'), 'utf8'),
);

const env = withStandIn({ seed: false });

const IMPORT = '/api/v1/wechat/console-import?account=default';

async function publishAll(summary: { created: { groups: string[]; flows: string[] } }) {
  for (const id of summary.created.groups)
    expect((await env.t.post(`/api/v1/keyword-groups/${id}/publish`, {})).status).toBe(201);
  for (const id of summary.created.flows)
    expect((await env.t.post(`/api/v1/flows/${id}/publish`, {})).status).toBe(201);
}

const contents = (body: { replies: { reply: Record<string, unknown> }[] }) => body.replies.map((r) => r.reply);

describe('console import', () => {
  it('the official sample becomes draft groups and flows, with what could not be imported listed', async () => {
    const r = await env.t.post(IMPORT, SAMPLE);
    expect(r.status).toBe(201);
    expect(r.body.created).toEqual({
      groups: ['wx-autoreply-news', 'wx-autoreply-voice', 'wx-autoreply-text'],
      flows: ['wx-autoreply-news', 'wx-autoreply-voice', 'wx-autoreply-text', 'wx-welcome', 'wx-default-reply'],
    });
    expect(r.body.skipped).toEqual([{ rule: 'autoreply-video', reason: expect.stringMatching(/URL/) }]);
    expect(r.body.notes.map((n: { rule: string }) => n.rule)).toEqual(
      expect.arrayContaining(['autoreply-news', 'autoreply-voice']),
    );

    const flows = (await env.t.get('/api/v1/flows')).body.items;
    expect(flows.every((f: { publishedVersion: number | null }) => f.publishedVersion === null)).toBe(true);
    const news = (await env.t.get('/api/v1/flows/wx-autoreply-news')).body;
    const reply = news.nodes.find((n: { type: string }) => n.type === 'reply');
    expect(reply.data.mode).toBe('all');
    expect(reply.data.replies[1]).toEqual({
      type: 'news',
      articles: [
        {
          title: 'MULTI_NEWS',
          description: 'text',
          url: 'http://mp.weixin.qq.com/s?__biz=MjM5ODUwNTM3Ng==&mid=204013432&idx=1&sn=80ce6d9abcb832237bf86c87e50fda15#rd',
          picUrl:
            'http://mmbiz.qpic.cn/mmbiz/GE7et87vE9vicuCibqXsX9GPPLuEtBfXfK0HKuBIa1A1cypS0uY1wickv70iaY1gf3I1DTszuJoS3lAVLvhTcm9sDA/0',
        },
      ],
    });
    expect(
      (await env.t.get('/api/v1/flows/wx-autoreply-voice')).body.nodes.find((n: { type: string }) => n.type === 'reply')
        .data.mode,
    ).toBe('random');
    expect((await env.t.get('/api/v1/keyword-groups/wx-autoreply-text')).body).toMatchObject({
      mode: 'contains',
      keywords: ['text测试'],
    });

    // Drafts do not answer until published.
    expect((await env.t.post('/api/v1/inbound', text('u0', 'text测试', T0))).body.replies).toEqual([]);
  });

  it('published, the imported rules answer like the console did', async () => {
    await publishAll((await env.t.post(IMPORT, SAMPLE)).body);
    expect(contents((await env.t.post('/api/v1/inbound', text('u1', '我要text测试一下', T0))).body)).toEqual([
      { type: 'text', content: 'hello!text!' },
    ]);
    const news = contents((await env.t.post('/api/v1/inbound', text('u2', 'news测试', T0))).body);
    expect(news.map((n) => (n['articles'] as { title: string }[])[0]?.title)).toEqual(["it's news", 'MULTI_NEWS']);
    expect(contents((await env.t.post('/api/v1/inbound', text('u3', 'voice测试', T0))).body)).toEqual([
      { type: 'voice', mediaId: 'NESsxgHEvAcg3egJTtYj4uG1PTL6iPhratdWKDLAXYErhN6oEEfMdVyblWtBY5vp' },
    ]);
    expect(contents((await env.t.post('/api/v1/inbound', event('u4', 'subscribe', T0))).body)).toEqual([
      { type: 'text', content: 'Thanks for your attention!' },
    ]);
    const fallback = await env.t.post('/api/v1/inbound', text('u5', '随便说点什么', T0));
    expect(contents(fallback.body)).toEqual([{ type: 'text', content: 'Hello, this is autoreply!' }]);
    // The fallback answers any user message type, not only text.
    const image = await env.t.post('/api/v1/inbound', {
      account: 'default',
      message: { from: 'u6', type: 'image', mediaId: 'm', at: T0 },
    });
    expect(contents(image.body)).toEqual([{ type: 'text', content: 'Hello, this is autoreply!' }]);
  });

  it('a rule with both match modes becomes two groups behind one flow', async () => {
    const info = {
      keyword_autoreply_info: {
        list: [
          {
            rule_name: '营业时间',
            reply_mode: 'reply_all',
            keyword_list_info: [
              { type: 'text', match_mode: 'contain', content: '几点开门' },
              { type: 'text', match_mode: 'equal', content: '时间' },
            ],
            reply_list_info: [{ type: 'text', content: '每天 9:00–21:00 营业' }],
          },
        ],
      },
    };
    const r = await env.t.post(IMPORT, info);
    expect(r.body.created).toEqual({ groups: ['wx-rule-1', 'wx-rule-1-exact'], flows: ['wx-rule-1'] });
    expect((await env.t.get('/api/v1/keyword-groups/wx-rule-1-exact')).body).toMatchObject({
      mode: 'exact',
      keywords: ['时间'],
      name: '营业时间（全匹配）',
    });
    await publishAll(r.body);
    expect(contents((await env.t.post('/api/v1/inbound', text('m1', '时间', T0))).body)).toHaveLength(1);
    expect(contents((await env.t.post('/api/v1/inbound', text('m2', '请问你们几点开门呀', T0))).body)).toHaveLength(1);
    expect(contents((await env.t.post('/api/v1/inbound', text('m3', '营业时间是多久', T0))).body)).toHaveLength(0);
  });

  it('importing again never overwrites: ids get a suffix', async () => {
    await env.t.post(IMPORT, SAMPLE);
    const before = (await env.t.get('/api/v1/flows/wx-welcome')).body;
    const again = await env.t.post(IMPORT, SAMPLE);
    expect(again.body.created.flows).toContain('wx-welcome-2');
    expect(again.body.created.groups).toContain('wx-autoreply-text-2');
    expect((await env.t.get('/api/v1/flows/wx-welcome')).body).toEqual(before);
    const flow = (await env.t.get('/api/v1/flows/wx-autoreply-text-2')).body;
    expect(flow.nodes.find((n: { type: string }) => n.type === 'keywordGroup').data.groupId).toBe(
      'wx-autoreply-text-2',
    );
  });

  it('{"fetch":true} reads the rules through the account API', async () => {
    env.wx.script('/cgi-bin/get_current_autoreply_info', { json: SAMPLE as Record<string, unknown> });
    const r = await env.t.post(IMPORT, { fetch: true });
    expect(r.status).toBe(201);
    expect(r.body.created.flows).toHaveLength(5);
    expect(env.wx.to('/cgi-bin/get_current_autoreply_info')[0]?.query['access_token']).toBe('tok-1');
  });

  it('refuses what is not the console answer, and roles that may not edit', async () => {
    expect((await env.t.post(IMPORT, { hello: 1 })).status).toBe(400);
    expect((await env.t.post(IMPORT, [1, 2])).status).toBe(400);
    env.wx.script('/cgi-bin/get_current_autoreply_info', { json: { errcode: 48001, errmsg: 'api unauthorized' } });
    const refused = await env.t.post(IMPORT, { fetch: true });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('48001');
    const runtime = await env.t.post('/api/v1/tokens', { name: 'rt', role: 'runtime' });
    const denied = await env.t.http
      .post(IMPORT)
      .set('Authorization', `Bearer ${runtime.body.token}`)
      .send(SAMPLE as object);
    expect(denied.status).toBe(403);
  });
});

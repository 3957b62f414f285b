/**
 * The sandbox runs the drafts or what is live (issue 10 item 1): `source: "live"` takes every
 * document not given inline from the published workspace and says which version it ran; the
 * default stays the drafts. Against the real app on a store on disk.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { invoiceFlow, invoiceGroup } from '../support/invoice-flow.js';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(async () => {
  await t.close();
});

const LIVE_REPLY = '发票请在订单页申请';
const DRAFT_REPLY = '发票请在「我的订单」里申请，三个工作日内开出';
const script = (source?: string) => ({
  account: 'default',
  ...(source === undefined ? {} : { source }),
  users: { u1: { nickname: '小明' } },
  steps: [{ inbound: { from: 'u1', type: 'text', content: '我要开发票' } }],
});
type Run = {
  source: string;
  workspaceVersion?: number;
  passed: boolean;
  steps: Array<{ result: { replies: Array<{ reply: { content: string } }>; matches: Array<{ group: string }> } }>;
};
const run = async (source?: string) => {
  const res = await t.post('/api/v1/sandbox/run', script(source));
  expect(res.status).toBe(200);
  return res.body as Run;
};
const repliesOf = (r: Run) => r.steps[0]!.result.replies.map((x) => x.reply.content);
const status = async () => (await t.get('/api/v1/workspace/status?account=default')).body.workspaceVersion as number;
const publishWorkspace = async () => {
  const res = await t.post('/api/v1/workspace/publish?account=default', {});
  expect(res.status).toBe(201);
  return res.body.workspaceVersion as number;
};

/** The invoice flow published with LIVE_REPLY, then its draft edited to DRAFT_REPLY. */
async function liveThenDraftEdit(): Promise<void> {
  expect((await t.post('/api/v1/keyword-groups', invoiceGroup(['发票']))).status).toBe(201);
  expect((await t.post('/api/v1/flows', invoiceFlow(LIVE_REPLY))).status).toBe(201);
  await publishWorkspace();
  const draft = (await t.get('/api/v1/flows/invoice-flow')).body;
  expect(
    (await t.put('/api/v1/flows/invoice-flow', { ...invoiceFlow(DRAFT_REPLY), revision: draft.revision })).status,
  ).toBe(200);
}

describe('POST /sandbox/run with source', () => {
  it('runs a draft edit under drafts (the default) and what is published under live, naming the live version', async () => {
    await liveThenDraftEdit();
    const drafts = await run();
    expect(drafts.source).toBe('drafts');
    expect(drafts.workspaceVersion).toBeUndefined();
    expect(repliesOf(drafts)).toEqual([DRAFT_REPLY]);
    expect(await run('drafts')).toEqual(drafts);

    const live = await run('live');
    expect(live.source).toBe('live');
    expect(live.workspaceVersion).toBe(await status());
    expect(repliesOf(live)).toEqual([LIVE_REPLY]);
    expect(live.steps[0]!.result.matches.map((m) => m.group)).toEqual(['发票']);
  });

  it('shows a publish under live at once, with the new version', async () => {
    await liveThenDraftEdit();
    const before = await run('live');
    const version = await publishWorkspace();
    expect(version).toBeGreaterThan(before.workspaceVersion!);
    const after = await run('live');
    expect(after.workspaceVersion).toBe(version);
    expect(repliesOf(after)).toEqual([DRAFT_REPLY]);
  });

  it('lets inline documents win over what is live', async () => {
    await liveThenDraftEdit();
    const res = await t.post('/api/v1/sandbox/run', { ...script('live'), flows: [invoiceFlow('内联的回复')] });
    expect(res.status).toBe(200);
    expect(repliesOf(res.body as Run)).toEqual(['内联的回复']);
    expect(res.body.workspaceVersion).toBe(await status());
  });

  it('gives the same answer to the same request', async () => {
    await liveThenDraftEdit();
    const first = await t.post('/api/v1/sandbox/run', script('live'));
    const second = await t.post('/api/v1/sandbox/run', script('live'));
    expect(second.text).toBe(first.text);
  });

  it('refuses a source it does not know with VALIDATION_FAILED at /source', async () => {
    const res = await t.post('/api/v1/sandbox/run', script('published'));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain('/source');
  });
});

describe('POST /sandbox/run with source live and nothing published', () => {
  it('answers 409 saying nothing was published, while drafts still run', async () => {
    await t.close();
    t = await startTestApp({ seed: false });
    const res = await t.post('/api/v1/sandbox/run', script('live'));
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('CONFLICT');
    expect(res.body.error.message).toContain('还没有发布任何内容');
    expect((await run('drafts')).source).toBe('drafts');
  });
});

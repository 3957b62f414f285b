/**
 * Webhook throughput (pushes per second, plain and safe mode) as a ratio to /api/v1/inbound
 * over JSON, same process, same messages, same keep-alive load loop as http-bench.
 * Pools are large and distinct (every push a new MsgId) so dedup never shortcuts the work.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { openStore } from '../server/src/store/open-store.js';
import { createApp } from '../server/src/http/create-app.js';
import { createLogger } from '../server/src/logger.js';
import { seedWorkspace } from '../server/src/runtime/seed-workspace.js';
import { WechatCrypto } from '../server/src/wechat/wechat-crypto.js';
import { wechatSignature } from '../server/src/wechat/wechat-signature.js';
import { load, TOKEN } from './http-bench.js';
import { PHRASES } from './customer-phrases.js';

const WX_TOKEN = 'benchToken';
const AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const APP_ID = 'wxbench0000000001';
/** Larger than what one 4 s run can send, so no push repeats within a run. */
const POOL = 40_000;
const USERS = 500;
const ROUNDS = 2;

interface Push {
  path: string;
  body: string;
}

export async function webhookBench(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'replyflow-webhook-bench-'));
  const store = await openStore({ dataDir });
  await seedWorkspace(store, path.resolve(import.meta.dirname, '../examples/workspace'));
  await store.accounts.put('default', { token: WX_TOKEN, encodingAESKey: AES_KEY, appId: APP_ID }, 'bench');
  const app = createApp({ store, log: createLogger('silent'), adminToken: TOKEN });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => setTimeout(r, 100));
  const port = (server.address() as AddressInfo).port;

  const crypto = new WechatCrypto(AES_KEY);
  const now = Date.now();
  const timestamp = String(Math.floor(now / 1000));
  const nonce = '1320562132';
  const xmlOf = (i: number, offset: number) => {
    const id = offset + i;
    return `<xml><ToUserName><![CDATA[gh_bench]]></ToUserName><FromUserName><![CDATA[bench${id % USERS}]]></FromUserName><CreateTime>${timestamp}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${PHRASES[id % PHRASES.length]} ${id}]]></Content><MsgId>${9_000_000_000 + id}</MsgId></xml>`;
  };
  const plainPath = `/wechat/default?signature=${wechatSignature(WX_TOKEN, timestamp, nonce)}&timestamp=${timestamp}&nonce=${nonce}`;
  // Each run uses its own MsgId range: a later run must not hit an earlier run's dedup records.
  const plain = (offset: number): Push[] =>
    Array.from({ length: POOL }, (_, i) => ({ path: plainPath, body: xmlOf(i, offset) }));
  const safe = (offset: number): Push[] =>
    Array.from({ length: POOL }, (_, i) => {
      const encrypted = crypto.encrypt(xmlOf(i, offset), APP_ID);
      const sig = wechatSignature(WX_TOKEN, timestamp, nonce, encrypted);
      return {
        path: `/wechat/default?timestamp=${timestamp}&nonce=${nonce}&encrypt_type=aes&msg_signature=${sig}`,
        body: `<xml><ToUserName><![CDATA[gh_bench]]></ToUserName><Encrypt><![CDATA[${encrypted}]]></Encrypt></xml>`,
      };
    });
  const json = (offset: number) => (i: number) => {
    const id = offset + i;
    return JSON.stringify({
      account: 'default',
      message: {
        msgId: String(9_000_000_000 + id),
        from: `bench${id % USERS}`,
        type: 'text',
        content: `${PHRASES[id % PHRASES.length]} ${id}`,
        at: now,
      },
    });
  };
  const run = (pool: Push[]) =>
    load(
      port,
      (i) => (pool[i % POOL] as Push).path,
      (i) => (pool[i % POOL] as Push).body,
    );

  await run(plain(0)); // warm-up
  // Interleaved rounds, so a store that grows (or a busy machine) does not favour one side.
  let inboundRps = 0;
  let plainRps = 0;
  let safeRps = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const base = (1 + round * 3) * POOL;
    inboundRps += (await load(port, '/api/v1/inbound', json(base))) / ROUNDS;
    plainRps += (await run(plain(base + POOL))) / ROUNDS;
    safeRps += (await run(safe(base + 2 * POOL))) / ROUNDS;
  }
  console.log(
    `\n## WeChat webhook throughput (same process, same load loop, keep-alive, 32 in flight, mean of ${ROUNDS} interleaved rounds)`,
  );
  console.log(`/api/v1/inbound (JSON):        ${inboundRps.toFixed(0)} req/s (baseline)`);
  console.log(
    `/wechat/:account plain mode:   ${plainRps.toFixed(0)} req/s (ratio ${(plainRps / inboundRps).toFixed(2)})`,
  );
  console.log(
    `/wechat/:account safe mode:    ${safeRps.toFixed(0)} req/s (ratio ${(safeRps / inboundRps).toFixed(2)})`,
  );
  server.close();
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
}

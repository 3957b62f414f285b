/**
 * The real app on a temp store with a virtual clock, WeChat options injected, an account
 * configured against a local stand-in of the WeChat API, and helpers to sign pushes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import supertest from 'supertest';
import { openStore, type Store } from '../../../server/src/store/open-store.js';
import { createApp } from '../../../server/src/http/create-app.js';
import { createLogger, type Logger } from '../../../server/src/logger.js';
import type { WechatOptions } from '../../../server/src/wechat/wechat-options.js';
import type { WechatGateway } from '../../../server/src/wechat/wechat-gateway.js';
import { WechatCrypto } from '../../../server/src/wechat/wechat-crypto.js';
import { wechatSignature } from '../../../server/src/wechat/wechat-signature.js';
import { ADMIN, T0 } from '../../support/test-app.js';
import { seededDataDir } from '../../support/seeded-data-dir.js';

export const TOKEN = 'replyflowToken1';
export const AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
export const APP_ID = 'wx2c2769f8efd9abc2';
export const APP_SECRET = 'test-app-secret';
export const ACCOUNT_GH = 'gh_10f6c3c3ac5a';

export interface WechatTestOptions {
  seed?: boolean;
  wechat?: WechatOptions;
  /** Wraps the store before the app sees it (e.g. a slow conversation read). */
  wrapStore?: (store: Store) => Store;
  /** Where the app logs (default: nowhere). */
  log?: Logger;
}

export async function startWechatApp(options: WechatTestOptions = {}) {
  const prefix = 'replyflow-wechat-';
  const dataDir = options.seed === false ? mkdtempSync(path.join(tmpdir(), prefix)) : seededDataDir(prefix);
  const store = await openStore({ dataDir });
  let now = T0;
  const app = createApp({
    store: options.wrapStore ? options.wrapStore(store) : store,
    log: options.log ?? createLogger('silent'),
    adminToken: ADMIN,
    clock: () => now,
    wechat: { followUpDelayMs: 0, backoffMs: 5, requestTimeoutMs: 500, ...options.wechat },
  });
  const http = supertest(app);
  const gateway = app.locals['wechat'] as WechatGateway; // set by createApp
  const crypto = new WechatCrypto(AES_KEY);
  const ts = () => String(Math.floor(now / 1000));
  return {
    app,
    store,
    dataDir,
    http,
    gateway,
    crypto,
    now: () => now,
    setNow(ms: number) {
      now = ms;
    },
    post: (url: string, body: unknown) =>
      http
        .post(url)
        .set('Authorization', `Bearer ${ADMIN}`)
        .send(body as object),
    get: (url: string) => http.get(url).set('Authorization', `Bearer ${ADMIN}`),
    configure: (fields: Record<string, string>, account = 'default') =>
      http
        .put(`/api/v1/accounts/${account}`)
        .set('Authorization', `Bearer ${ADMIN}`)
        .send({ token: TOKEN, encodingAESKey: AES_KEY, appId: APP_ID, appSecret: APP_SECRET, ...fields }),
    /** A plain-mode push, signed for the current clock. */
    pushPlain(xml: string, query: Record<string, string> = {}, account = 'default') {
      const timestamp = ts();
      const nonce = '1320562132';
      const q = new URLSearchParams({
        signature: wechatSignature(TOKEN, timestamp, nonce),
        timestamp,
        nonce,
        openid: 'o',
        ...query,
      });
      return http.post(`/wechat/${account}?${q.toString()}`).set('Content-Type', 'text/xml').send(xml);
    },
    /** A safe-mode push: the XML encrypted into an envelope and signed with msg_signature. */
    pushSafe(xml: string, account = 'default') {
      const timestamp = ts();
      const nonce = '298025754';
      const encrypted = crypto.encrypt(xml, APP_ID);
      const q = new URLSearchParams({
        signature: wechatSignature(TOKEN, timestamp, nonce),
        timestamp,
        nonce,
        encrypt_type: 'aes',
        msg_signature: wechatSignature(TOKEN, timestamp, nonce, encrypted),
      });
      const envelope = `<xml><ToUserName><![CDATA[${ACCOUNT_GH}]]></ToUserName><Encrypt><![CDATA[${encrypted}]]></Encrypt></xml>`;
      return http.post(`/wechat/${account}?${q.toString()}`).set('Content-Type', 'text/xml').send(envelope);
    },
    async close() {
      await gateway.idle();
      await store.close().catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type WechatTestApp = Awaited<ReturnType<typeof startWechatApp>>;

/** Polls until `probe` returns a value (deliveries happen after the webhook answered). */
export async function waitFor<T>(probe: () => T | undefined, timeoutMs = 3000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error('waitFor: timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

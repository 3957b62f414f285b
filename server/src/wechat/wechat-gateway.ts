/**
 * The webhook of CONTRACT §11: URL verification, signed (plain or safe-mode) pushes mapped to
 * /inbound, and the answer: the first committed reply as passive XML, or `success`, with the
 * other committed replies sent through the customer-service API after answering.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { KNOWN_EVENTS, type InboundMessage } from '../../../rules-schema/index.js';
import { validate } from '../../../rules-schema/validator.js';
import type { Store } from '../store/open-store.js';
import type { Logger } from '../logger.js';
import type { WorkspaceCache } from '../runtime/workspace-cache.js';
import { handleInbound, messageKey } from '../runtime/inbound-service.js';
import type { InboundResult } from '../core/engine/process-inbound.js';
import { AppError, STATUS_OF } from '../errors.js';
import { parsePushXml, type PushFields } from './parse-push-xml.js';
import { readBoundedXml } from './read-bounded-xml.js';
import { pushToMessage, UnsupportedPushError } from './push-to-message.js';
import { passiveReplyXml, cdata } from './passive-reply-xml.js';
import { recordPlatformRefusal } from './record-platform-refusal.js';
import { asWireReply, type WireReply } from './wire-reply.js';
import { signatureMatches, wechatSignature } from './wechat-signature.js';
import { WechatCrypto, WechatCryptoError } from './wechat-crypto.js';
import type { WechatApiClient } from './wechat-api-client.js';
import type { ResolvedWechatOptions } from './wechat-options.js';

export interface GatewayDeps {
  store: Store;
  cache: WorkspaceCache;
  clock: () => number;
  log: Logger;
  client: WechatApiClient;
  options: ResolvedWechatOptions;
}

export interface WebhookAnswer {
  contentType: 'text/plain' | 'text/xml';
  body: string;
}

type Query = Record<string, unknown>;
interface Verified {
  /** False for an unknown account or one without a token: checked with a decoy token and refused. */
  known: boolean;
  token: string;
  appId: string | undefined;
  crypto: WechatCrypto | null;
}

const SUCCESS: WebhookAnswer = { contentType: 'text/plain', body: 'success' };
const EVENTS: ReadonlySet<string> = new Set(KNOWN_EVENTS);

export class WechatGateway {
  private readonly pending = new Set<Promise<void>>();
  private readonly decoyToken = randomBytes(16).toString('hex');

  constructor(private readonly deps: GatewayDeps) {}

  /** GET: plain `signature` (公众号) or `msg_signature` with an encrypted echostr (WeCom style). */
  async verifyUrl(account: string, query: Query): Promise<string> {
    const acc = await this.account(account);
    const timestamp = this.freshTimestamp(query);
    const nonce = str(query, 'nonce');
    const echostr = str(query, 'echostr');
    if (echostr === '')
      throw new AppError('VALIDATION_FAILED', 'echostr 缺失 (echostr required)', [
        { path: '/echostr', message: 'required' },
      ]);
    const encrypted = query['msg_signature'] !== undefined;
    const expected = encrypted
      ? wechatSignature(acc.token, timestamp, nonce, echostr)
      : wechatSignature(acc.token, timestamp, nonce);
    if (!signatureMatches(expected, query[encrypted ? 'msg_signature' : 'signature']) || !acc.known) throw forbidden();
    return encrypted ? this.decrypt(acc, echostr) : echostr;
  }

  /**
   * POST: verify, decrypt, record through /inbound, answer within the deadline. `raw` is null
   * when the body was over the size limit or could not be read.
   */
  async receive(account: string, query: Query, raw: string | null, startedAt: number): Promise<WebhookAnswer> {
    const acc = await this.account(account);
    const timestamp = this.freshTimestamp(query);
    const nonce = str(query, 'nonce');
    const safe = query['encrypt_type'] === 'aes';
    // Safe mode signs the envelope's Encrypt field: only the bounded reader sees the body before the check.
    const envelope = safe && raw !== null ? readBoundedXml(raw) : null;
    const encrypted = (envelope?.ok && envelope.root.children.find((c) => c.name === 'Encrypt')?.text) || '';
    const expected = safe
      ? wechatSignature(acc.token, timestamp, nonce, encrypted)
      : wechatSignature(acc.token, timestamp, nonce);
    if (!signatureMatches(expected, query[safe ? 'msg_signature' : 'signature']) || !acc.known) throw forbidden();
    // Authentic from here. Anything else than `success` or reply XML makes WeChat show the user
    // "该公众号暂时无法提供服务" and retry, so a push that cannot be used is acknowledged and logged.
    try {
      const xml = safe ? this.decrypt(acc, encrypted) : raw;
      if (xml === null)
        throw new AppError('PAYLOAD_TOO_LARGE', '推送超过大小限制或无法读取 (push over the size limit or unreadable)');
      const push = parsePushXml(xml);
      const message = this.toMessage(account, push);
      return message ? await this.answer(account, acc, push, message, safe, startedAt) : SUCCESS;
    } catch (err) {
      if (!(err instanceof AppError) || STATUS_OF[err.code] >= 500) throw err;
      this.deps.log.warn('authentic push acknowledged without processing', {
        account,
        reason: err.message,
        details: err.details,
      });
      return SUCCESS;
    }
  }

  private async answer(
    account: string,
    acc: Verified,
    push: PushFields,
    message: InboundMessage,
    safe: boolean,
    startedAt: number,
  ): Promise<WebhookAnswer> {
    const now = this.deps.clock();
    // The inbound log's own key: the store remembers, for every instance, how it was answered.
    const key = messageKey(message, message.at === undefined ? now : Number(message.at));
    const running = handleInbound(this.deps.store, this.deps.cache, { account, message }, now);
    const result = await withDeadline(running, this.deps.options.deadlineMs - (Date.now() - startedAt));
    if (result === 'late') {
      // Too slow for WeChat's 5 s: answer now, send every committed reply by the API when done.
      await this.remember(account, key);
      this.track(
        running.then(async (r) => {
          // Marked again once recorded: the first mark finds no record if the store was that slow.
          await this.remember(account, key);
          if (!r.duplicate) await this.deliver(account, message.from, committedReplies(r));
        }),
      );
      return SUCCESS;
    }
    if (result.duplicate && (await this.deps.store.inbound.answeredByApi(account, key))) return SUCCESS;
    const replies = committedReplies(result);
    const first = replies[0];
    const xml = first
      ? passiveReplyXml(first, {
          to: message.from,
          from: str(push, 'ToUserName'),
          createTime: Math.floor(Number(message.at ?? now) / 1000),
        })
      : null;
    const rest = xml === null ? replies : replies.slice(1);
    if (xml === null && replies.length > 0) await this.remember(account, key);
    // A retry gets the same answer and never re-sends what the API already delivered.
    if (!result.duplicate && rest.length > 0)
      this.track(delay(this.deps.options.followUpDelayMs).then(() => this.deliver(account, message.from, rest)));
    if (xml === null) return SUCCESS;
    return { contentType: 'text/xml', body: safe ? this.seal(acc, xml) : xml };
  }

  /** Resolves when every scheduled customer-service delivery has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /**
   * An unknown account, or one without a token, gets the decoy token and goes through the same
   * checks, so it is refused exactly like a bad signature: the answer does not tell which names exist.
   */
  private async account(id: string): Promise<Verified> {
    const [pub, secrets] = await Promise.all([
      this.deps.store.accounts.getPublic(id),
      this.deps.store.accounts.getSecrets(id),
    ]);
    const token = pub && secrets?.token;
    if (!token) return { known: false, token: this.decoyToken, appId: undefined, crypto: null };
    return {
      known: true,
      token,
      appId: pub.appId,
      crypto: secrets.encodingAESKey ? new WechatCrypto(secrets.encodingAESKey) : null,
    };
  }

  /** Replay guard: a signed request is only good near the time it was signed. */
  private freshTimestamp(query: Query): string {
    const timestamp = str(query, 'timestamp');
    const skew = Math.abs(this.deps.clock() / 1000 - Number(timestamp));
    if (!/^\d{1,12}$/.test(timestamp) || skew > this.deps.options.maxSkewSeconds)
      throw forbidden('时间戳超出允许范围 (timestamp outside the allowed skew)');
    return timestamp;
  }

  private decrypt({ crypto, appId }: Verified, encrypted: string): string {
    if (!crypto || !appId)
      throw forbidden('该账号未设置 EncodingAESKey 或 appId，不能使用安全模式 (safe mode not configured)');
    try {
      const plain = crypto.decrypt(encrypted);
      if (plain.appId !== appId) throw forbidden('消息中的 AppID 与账号不符 (appid mismatch)');
      return plain.message;
    } catch (err) {
      if (err instanceof WechatCryptoError) throw forbidden('无法解密 (cannot decrypt)');
      throw err;
    }
  }

  /** Safe-mode answer: encrypted with a fresh timestamp and nonce, signed with msg_signature. */
  private seal(acc: Verified, xml: string): string {
    if (!acc.crypto || !acc.appId) return xml; // unreachable: a safe-mode push was decrypted
    const encrypted = acc.crypto.encrypt(xml, acc.appId);
    const timestamp = String(Math.floor(this.deps.clock() / 1000));
    const nonce = String(randomInt(100_000_000, 2_000_000_000));
    const signature = wechatSignature(acc.token, timestamp, nonce, encrypted);
    return `<xml>\n<Encrypt>${cdata(encrypted)}</Encrypt>\n<MsgSignature>${cdata(signature)}</MsgSignature>\n<TimeStamp>${timestamp}</TimeStamp>\n<Nonce>${cdata(nonce)}</Nonce>\n</xml>`;
  }

  /** Null for a push the engine cannot take (logged); it is then acknowledged with `success`. */
  private toMessage(account: string, push: PushFields): InboundMessage | null {
    let message: InboundMessage;
    try {
      message = pushToMessage(push);
    } catch (err) {
      if (!(err instanceof UnsupportedPushError)) throw err;
      this.deps.log.info('push of a MsgType the engine does not know, acknowledged', {
        account,
        msgType: err.msgType.slice(0, 64),
      });
      return null;
    }
    const checked = validate<InboundMessage>('message', message);
    if (checked.ok) {
      // Flows may listen for any event name, so an unlisted one still runs; answered `success` when none does.
      if (message.event !== undefined && !EVENTS.has(message.event))
        this.deps.log.info('push of an event outside the known list', { account, event: message.event });
      return checked.value;
    }
    // The openid is the only user datum logged, and only when it fits the schema.
    const openid = message.from.length <= 128 ? message.from : undefined;
    this.deps.log.warn('push failing the message schema, acknowledged', { account, openid, details: checked.problems });
    return null;
  }

  private async deliver(account: string, to: string, replies: WireReply[]): Promise<void> {
    for (const reply of replies) {
      const r = await this.deps.client
        .send(account, to, reply)
        .catch((err: unknown) => ({ ok: false as const, errcode: null, errmsg: String(err) }));
      if (r.ok) continue;
      this.deps.log.warn('customer-service send failed', {
        account,
        type: reply.type,
        errcode: r.errcode,
        errmsg: r.errmsg,
      });
      await recordPlatformRefusal(this.deps.store, account, to, r.errcode, this.deps.clock());
    }
  }

  private track(work: Promise<void>): void {
    const p = work.catch((err: unknown) =>
      this.deps.log.error('webhook follow-up failed', { error: err instanceof Error ? err.message : String(err) }),
    );
    this.pending.add(p);
    void p.finally(() => this.pending.delete(p));
  }

  private async remember(account: string, key: string): Promise<void> {
    await this.deps.store.inbound.markAnsweredByApi(account, key);
  }
}

function committedReplies(result: InboundResult): WireReply[] {
  return result.replies.filter((r) => r.committed).flatMap((r) => asWireReply(r.reply) ?? []);
}

function forbidden(message = '签名校验失败 (signature mismatch)'): AppError {
  return new AppError('FORBIDDEN', message);
}

function str(o: Record<string, unknown>, name: string): string {
  const v = o[name];
  return typeof v === 'string' ? v : '';
}

function delay(ms: number): Promise<void> {
  return ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve();
}

async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T | 'late'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), Math.max(0, ms));
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

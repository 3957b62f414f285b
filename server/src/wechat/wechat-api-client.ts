/**
 * The customer-service API of one deployment (DOMAIN §1.5, §1.8, §4.2): access_token shared
 * per account, bounded retries with backoff on transient failures, a timeout per request, and
 * one token refresh + retry when WeChat calls the token invalid.
 */
import type { Store } from '../store/open-store.js';
import { AppError } from '../errors.js';
import { AccessTokenCache, type TokenFetch } from './access-token-cache.js';
import { customMessageJson } from './custom-message-json.js';
import type { ResolvedWechatOptions } from './wechat-options.js';
import type { WireReply } from './wire-reply.js';

/** `errcode` is null when WeChat never answered (network failure or timeout after the retries). */
export type ApiResult =
  { ok: true; body: Record<string, unknown> } | { ok: false; errcode: number | null; errmsg: string };

/** 40001 invalid credential, 42001 expired, 40014 invalid access_token. */
const TOKEN_ERRCODES = new Set([40001, 42001, 40014]);

interface Credentials {
  apiBase: string;
  appId: string;
  appSecret: string;
}

export class WechatApiClient {
  private readonly tokens: AccessTokenCache;

  constructor(
    private readonly store: Store,
    private readonly options: ResolvedWechatOptions,
    clock: () => number,
  ) {
    this.tokens = new AccessTokenCache(clock, options.tokenRefreshMarginSeconds * 1000, store.accessTokens);
  }

  /**
   * @example await client.send('default', 'oUSER', {type:'text', content:'您好'}) // {ok:true, body:{errcode:0,…}}
   */
  send(account: string, to: string, reply: WireReply): Promise<ApiResult> {
    return this.call(account, 'POST', '/cgi-bin/message/custom/send', customMessageJson(to, reply));
  }

  /** "正在输入" for 15 s, or cancel it (DOMAIN §1.8). */
  typing(account: string, to: string, command: 'Typing' | 'CancelTyping'): Promise<ApiResult> {
    return this.call(account, 'POST', '/cgi-bin/message/custom/typing', { touser: to, command });
  }

  /** The console's auto-reply rules (DOMAIN §4.2). */
  currentAutoreplyInfo(account: string): Promise<ApiResult> {
    return this.call(account, 'GET', '/cgi-bin/get_current_autoreply_info');
  }

  /** Throws VALIDATION_FAILED when the account lacks appId or appSecret: nothing can be sent. */
  async credentials(account: string): Promise<Credentials> {
    const [pub, secrets] = await Promise.all([
      this.store.accounts.getPublic(account),
      this.store.accounts.getSecrets(account),
    ]);
    if (!pub?.appId || !secrets?.appSecret) {
      const message = `公众号 ${account} 尚未配置 appId 和 appSecret，无法调用客服接口 (account not configured: PUT /api/v1/accounts/${account})`;
      throw new AppError('VALIDATION_FAILED', message, [
        { path: '/account', message: 'account has no appId/appSecret configured' },
      ]);
    }
    return {
      apiBase: (pub.apiBase ?? this.options.defaultApiBase).replace(/\/+$/, ''),
      appId: pub.appId,
      appSecret: secrets.appSecret,
    };
  }

  private async call(account: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<ApiResult> {
    const creds = await this.credentials(account);
    const key = `${account}|${creds.apiBase}|${creds.appId}`;
    for (let attempt = 0; ; attempt++) {
      const token = await this.tokens.get(key, () => this.fetchToken(creds));
      if (!token.ok) return token;
      const url = `${creds.apiBase}${path}?access_token=${encodeURIComponent(token.token)}`;
      const result = await this.request(url, method, body);
      // A token WeChat no longer accepts (revoked by a fetch elsewhere, expired early): refresh once.
      if (!result.ok && result.errcode !== null && TOKEN_ERRCODES.has(result.errcode) && attempt === 0) {
        await this.tokens.invalidate(key, token.token);
        continue;
      }
      return result;
    }
  }

  private async fetchToken(creds: Credentials): Promise<TokenFetch> {
    const q = new URLSearchParams({ grant_type: 'client_credential', appid: creds.appId, secret: creds.appSecret });
    const result = await this.request(`${creds.apiBase}/cgi-bin/token?${q.toString()}`, 'GET');
    if (!result.ok) return result;
    const token = result.body['access_token'];
    const expiresIn = Number(result.body['expires_in'] ?? 7200);
    if (typeof token !== 'string' || token === '')
      return { ok: false, errcode: null, errmsg: 'token answer without access_token' };
    return { ok: true, token, expiresInSeconds: Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : 7200 };
  }

  /**
   * One logical request with bounded retries. A retried send may in rare cases deliver twice
   * (a timeout after WeChat accepted it): the API has no idempotency key, so retries stay few.
   */
  private async request(url: string, method: 'GET' | 'POST', body?: unknown): Promise<ApiResult> {
    const { retries, backoffMs, requestTimeoutMs } = this.options;
    let last: ApiResult = { ok: false, errcode: null, errmsg: 'not attempted' };
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) await sleep(backoffMs * 2 ** (attempt - 1));
      const outcome = await this.attempt(url, method, body, requestTimeoutMs);
      const { transient, ...result } = outcome;
      last = result;
      if (!transient) return result;
    }
    return last;
  }

  private async attempt(
    url: string,
    method: 'GET' | 'POST',
    body: unknown,
    timeoutMs: number,
  ): Promise<ApiResult & { transient?: boolean }> {
    try {
      const res = await this.options.fetch(url, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' },
        // WeChat wants UTF-8 JSON as is: escaped \uXXXX Chinese is shown as escapes in some clients.
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await res.text();
      if (res.status >= 500) return { ok: false, errcode: null, errmsg: `HTTP ${res.status}`, transient: true };
      const parsed = parseJson(text);
      if (!parsed)
        return {
          ok: false,
          errcode: null,
          errmsg: `HTTP ${res.status}: answer is not JSON`,
          transient: res.status >= 500,
        };
      const errcode = typeof parsed['errcode'] === 'number' ? parsed['errcode'] : 0;
      if (errcode === 0) return { ok: true, body: parsed };
      return { ok: false, errcode, errmsg: String(parsed['errmsg'] ?? ''), transient: errcode === -1 };
    } catch (err) {
      const name = err instanceof Error ? err.name : '';
      const errmsg =
        name === 'TimeoutError' || name === 'AbortError'
          ? `timeout after ${timeoutMs} ms`
          : `network error: ${err instanceof Error ? err.message : String(err)}`;
      return { ok: false, errcode: null, errmsg, transient: true };
    }
  }
}

function parseJson(text: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

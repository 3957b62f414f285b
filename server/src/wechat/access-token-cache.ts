/**
 * access_token per account, shared by concurrent callers: at most one fetch is in flight per
 * account, and a token is refreshed a margin before it expires.
 *
 * Cached in this process's memory: fine for one instance. Several instances would each fetch
 * their own token, and WeChat invalidates the previous token on every fetch (after a short
 * grace period), so a multi-instance deployment must share it through the store instead.
 */
export interface CachedToken {
  token: string;
  /** Epoch ms. */
  expiresAt: number;
  /** Epoch ms: the margin before expiry, but never less than half the lifetime. */
  refreshAt: number;
}

export type TokenFetch = { ok: true; token: string; expiresInSeconds: number } | { ok: false; errcode: number | null; errmsg: string };

export class AccessTokenCache {
  private readonly tokens = new Map<string, CachedToken>();
  private readonly inflight = new Map<string, Promise<TokenFetch>>();

  constructor(
    private readonly clock: () => number,
    private readonly marginMs: number,
  ) {}

  /**
   * @example await cache.get('default|https://api.weixin.qq.com|wx1', () => fetchToken())
   */
  async get(key: string, fetchToken: () => Promise<TokenFetch>): Promise<TokenFetch> {
    const hit = this.tokens.get(key);
    const now = this.clock();
    if (hit && now < hit.refreshAt) return { ok: true, token: hit.token, expiresInSeconds: Math.floor((hit.expiresAt - now) / 1000) };
    let pending = this.inflight.get(key);
    if (!pending) {
      pending = fetchToken().then((r) => {
        if (r.ok) {
          const at = this.clock();
          const lifetime = r.expiresInSeconds * 1000;
          this.tokens.set(key, { token: r.token, expiresAt: at + lifetime, refreshAt: at + Math.max(lifetime - this.marginMs, lifetime / 2) });
        }
        return r;
      });
      this.inflight.set(key, pending);
      const clear = () => this.inflight.delete(key);
      pending.then(clear, clear);
    }
    return pending;
  }

  /** Drops `token` after WeChat called it invalid; a newer token fetched meanwhile is kept. */
  invalidate(key: string, token: string): void {
    if (this.tokens.get(key)?.token === token) this.tokens.delete(key);
  }
}

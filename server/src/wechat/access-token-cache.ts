/**
 * access_token per account, shared by concurrent callers and by every runtime instance:
 * at most one fetch is in flight per account in this process, and across instances the store
 * hands a lease to one fetcher (WeChat invalidates the previous token on every fetch, so
 * instances fetching their own would knock each other's tokens out). A token is refreshed a
 * margin before it expires.
 */
import type { SharedAccessToken } from '../store/access-token-repository.js';

export type CachedToken = SharedAccessToken;

export type TokenFetch =
  { ok: true; token: string; expiresInSeconds: number } | { ok: false; errcode: number | null; errmsg: string };

/** The store side: `AccessTokenRepository`. */
export interface SharedTokens {
  get(key: string): Promise<SharedAccessToken | null>;
  put(key: string, value: SharedAccessToken): Promise<void>;
  tryLease(key: string, now: number, leaseMs: number): Promise<boolean>;
  releaseLease(key: string): Promise<void>;
  drop(key: string, token: string): Promise<void>;
}

/** How long a fetcher holds the lease, and how long the others wait for its token. */
const LEASE_MS = 10_000;
const WAIT_STEP_MS = 50;

export class AccessTokenCache {
  private readonly tokens = new Map<string, CachedToken>();
  private readonly inflight = new Map<string, Promise<TokenFetch>>();

  constructor(
    private readonly clock: () => number,
    private readonly marginMs: number,
    private readonly shared: SharedTokens,
  ) {}

  /**
   * @example await cache.get('default|https://api.weixin.qq.com|wx1', () => fetchToken())
   */
  async get(key: string, fetchToken: () => Promise<TokenFetch>): Promise<TokenFetch> {
    const hit = this.fresh(this.tokens.get(key));
    if (hit) return hit;
    let pending = this.inflight.get(key);
    if (!pending) {
      pending = this.obtain(key, fetchToken);
      this.inflight.set(key, pending);
      const clear = () => this.inflight.delete(key);
      pending.then(clear, clear);
    }
    return pending;
  }

  /** Drops `token` after WeChat called it invalid; a newer token fetched meanwhile is kept. */
  async invalidate(key: string, token: string): Promise<void> {
    if (this.tokens.get(key)?.token === token) this.tokens.delete(key);
    await this.shared.drop(key, token);
  }

  private async obtain(key: string, fetchToken: () => Promise<TokenFetch>): Promise<TokenFetch> {
    const stored = await this.shared.get(key);
    const reuse = this.fresh(stored ?? undefined);
    if (reuse && stored) {
      this.tokens.set(key, stored);
      return reuse;
    }
    if (!(await this.shared.tryLease(key, this.clock(), LEASE_MS))) {
      // Another instance is fetching: take its token when it lands, else fetch after the lease.
      for (let waited = 0; waited < LEASE_MS; waited += WAIT_STEP_MS) {
        await new Promise((r) => setTimeout(r, WAIT_STEP_MS));
        const theirs = await this.shared.get(key);
        const fresh = this.fresh(theirs ?? undefined);
        if (fresh && theirs) {
          this.tokens.set(key, theirs);
          return fresh;
        }
      }
    }
    const r = await fetchToken();
    if (r.ok) {
      const at = this.clock();
      const lifetime = r.expiresInSeconds * 1000;
      const cached = {
        token: r.token,
        expiresAt: at + lifetime,
        refreshAt: at + Math.max(lifetime - this.marginMs, lifetime / 2),
      };
      this.tokens.set(key, cached);
      await this.shared.put(key, cached);
    } else {
      await this.shared.releaseLease(key);
    }
    return r;
  }

  private fresh(t: CachedToken | undefined): TokenFetch | null {
    const now = this.clock();
    return t && now < t.refreshAt
      ? { ok: true, token: t.token, expiresInSeconds: Math.floor((t.expiresAt - now) / 1000) }
      : null;
  }
}

/** Settings of the WeChat gateway; every one has a production default and is injectable in tests. */
export interface WechatOptions {
  /** Answer the push within this time, else `success` and deliver by the API (default 4500 ms). */
  deadlineMs?: number;
  /** Refuse a signed request whose timestamp is further than this from the app clock (default 300 s). */
  maxSkewSeconds?: number;
  /** Largest push body accepted (default 64 KiB). */
  bodyLimitBytes?: number;
  /** Per-request timeout towards the WeChat API (default 5000 ms). */
  requestTimeoutMs?: number;
  /** Retries after a transient failure (network, timeout, 5xx, errcode -1), bounded (default 2). */
  retries?: number;
  /** First backoff; doubled on each retry (default 200 ms). */
  backoffMs?: number;
  /** Refresh a cached access_token this long before it expires (default 300 s). */
  tokenRefreshMarginSeconds?: number;
  /** Pause before customer-service follow-ups so the passive reply is shown first (default 300 ms). */
  followUpDelayMs?: number;
  /** `apiBase` for accounts that do not set one (default https://api.weixin.qq.com). */
  defaultApiBase?: string;
  fetch?: typeof fetch;
}

export type ResolvedWechatOptions = Required<WechatOptions>;

export function resolveWechatOptions(o: WechatOptions = {}): ResolvedWechatOptions {
  return {
    deadlineMs: o.deadlineMs ?? 4500,
    maxSkewSeconds: o.maxSkewSeconds ?? 300,
    bodyLimitBytes: o.bodyLimitBytes ?? 64 * 1024,
    requestTimeoutMs: o.requestTimeoutMs ?? 5000,
    retries: o.retries ?? 2,
    backoffMs: o.backoffMs ?? 200,
    tokenRefreshMarginSeconds: o.tokenRefreshMarginSeconds ?? 300,
    followUpDelayMs: o.followUpDelayMs ?? 300,
    defaultApiBase: o.defaultApiBase ?? 'https://api.weixin.qq.com',
    fetch: o.fetch ?? ((input, init) => fetch(input, init)),
  };
}

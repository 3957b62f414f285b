/**
 * A local stand-in for api.weixin.qq.com on loopback: issues tokens, records every call, and
 * answers from a script so each client path (errors, token refresh, timeouts) can be driven.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  method: string;
  path: string;
  query: Record<string, string>;
  body: Record<string, unknown> | null;
}

/** One scripted answer: a JSON body, optionally after a delay; `'drop'` destroys the socket. */
export type Scripted = { json: Record<string, unknown>; delayMs?: number; status?: number } | 'drop';

export async function startStandIn(options: { expiresIn?: number } = {}) {
  const calls: Recorded[] = [];
  const script = new Map<string, Scripted[]>();
  let issued = 0;
  const valid = new Set<string>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const text = Buffer.concat(chunks).toString('utf8');
      const call: Recorded = {
        method: req.method ?? '',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        body: text ? (JSON.parse(text) as Record<string, unknown>) : null,
      };
      calls.push(call);
      const next = script.get(url.pathname)?.shift();
      const answer = (json: Record<string, unknown>, delayMs = 0, status = 200) =>
        setTimeout(() => {
          if (res.destroyed) return;
          res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
        }, delayMs);
      if (next === 'drop') return void req.socket.destroy();
      if (next) return answer(next.json, next.delayMs, next.status);
      if (url.pathname === '/cgi-bin/token') {
        const token = `tok-${++issued}`;
        valid.add(token);
        return answer({ access_token: token, expires_in: options.expiresIn ?? 7200 });
      }
      if (!valid.has(call.query['access_token'] ?? '')) return answer({ errcode: 40001, errmsg: 'invalid credential' });
      return answer({ errcode: 0, errmsg: 'ok' });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    apiBase: `http://127.0.0.1:${port}`,
    calls,
    /** Calls to one path, e.g. `/cgi-bin/message/custom/send`. */
    to: (p: string) => calls.filter((c) => c.path === p),
    sends: () => calls.filter((c) => c.path === '/cgi-bin/message/custom/send'),
    tokenFetches: () => calls.filter((c) => c.path === '/cgi-bin/token'),
    /** Queue answers for a path, used before the default behaviour. */
    script(p: string, ...answers: Scripted[]) {
      script.set(p, [...(script.get(p) ?? []), ...answers]);
    },
    /** WeChat revoked every token (e.g. a fetch from elsewhere). */
    revokeTokens: () => valid.clear(),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export type StandIn = Awaited<ReturnType<typeof startStandIn>>;

/**
 * Backtest: replays stored inbound messages, in time order, against the published documents
 * and against a draft, each in its own in-memory store, and reports what would change, user
 * by user: groups matched, replies sent and their verdicts.
 */
import type { BacktestReport, InboundMessage, ReplaySummary } from '../../../rules-schema/index.js';
import type { InboundResult } from '../core/engine/process-inbound.js';
import { openMemoryStore, type Store } from '../store/open-store.js';
import { handleInbound } from '../runtime/inbound-service.js';
import { compileWithPacks } from '../runtime/pack-contribution.js';
import type { SandboxDocs } from './run-sandbox.js';

function summarize(result: InboundResult): ReplaySummary {
  return {
    groups: result.matches.map((m) => m.group),
    replies: result.replies
      .filter((r) => r.committed)
      .map((r) => (r.reply.type === 'text' ? r.reply.content : JSON.stringify(r.reply))),
    verdicts: result.replies.map((r) => r.verdict),
  };
}

async function replay(messages: Array<{ message: unknown; at: number }>, docs: SandboxDocs): Promise<ReplaySummary[]> {
  const compiled = await compileWithPacks(docs);
  const source = { get: async () => compiled };
  const store: Store = await openMemoryStore();
  try {
    const out: ReplaySummary[] = [];
    for (const [i, m] of messages.entries()) {
      const message = { ...(m.message as InboundMessage), msgId: `replay-${i}`, at: m.at };
      out.push(summarize(await handleInbound(store, source, { account: 'replay', message }, m.at)));
    }
    return out;
  } finally {
    await store.close();
  }
}

export async function replayTraffic(
  messages: Array<{ message: unknown; at: number }>,
  published: SandboxDocs,
  draft: SandboxDocs,
): Promise<BacktestReport> {
  const ordered = [...messages].sort((a, b) => a.at - b.at);
  const [before, after] = [await replay(ordered, published), await replay(ordered, draft)];
  const users = new Map<string, BacktestReport['users'][number]>();
  let changed = 0;
  ordered.forEach((m, i) => {
    const message = m.message as InboundMessage;
    const user = users.get(message.from) ?? { openid: message.from, messages: 0, changes: [] };
    user.messages++;
    const b = before[i] as ReplaySummary;
    const a = after[i] as ReplaySummary;
    if (JSON.stringify(a) !== JSON.stringify(b)) {
      changed++;
      user.changes.push({
        at: new Date(m.at).toISOString(),
        content: message.content ?? message.event ?? null,
        before: b,
        after: a,
      });
    }
    users.set(message.from, user);
  });
  return { messages: ordered.length, changed, users: [...users.values()] };
}

import { useEffect, useRef, useState } from 'react';
import type { Flow } from '../../../rules-schema/index.js';
import { documentsApi, type BlockedReply } from '../api/documents-api.js';
import { LINT_DEBOUNCE_MS } from '../lint/use-live-lint.js';
import { useEditorStore } from '../store/editor-store.js';

const NONE: BlockedReply[] = [];

/**
 * The replies and questions of the open flow that publishing would refuse, as the server's
 * publish gate finds them (`POST /lint/flow`: the default policy and every installed, enabled
 * pack; the draft policy while it has unsaved edits). Checked once typing pauses; answers to
 * older drafts are dropped. A flow that breaks the schema is not sent (the problems list shows
 * why, and 发布 is off until it is fixed), and has no marks.
 * @param flow the open flow as checks see it (positions at the origin, so a drag asks nothing).
 * @example const blocked = useBlockedReplies(flow, schemaValid); // [{ nodeId: 'reply-1', path: '/nodes/2/data/replies/0/content', reasons }]
 */
export function useBlockedReplies(flow: Flow | null, schemaValid: boolean): BlockedReply[] {
  const [blocked, setBlocked] = useState<BlockedReply[]>(NONE);
  const policy = useEditorStore((s) => (s.policy?.dirty ? s.policy.doc : undefined));
  const seq = useRef(0);
  const key = flow && schemaValid ? JSON.stringify(flow) : '';
  useEffect(() => {
    const mine = ++seq.current;
    if (!flow || !schemaValid) {
      setBlocked(NONE);
      return;
    }
    const timer = setTimeout(() => {
      documentsApi
        .lintFlow(flow, policy)
        .then((r) => {
          if (mine !== seq.current) return;
          // An answer without the list (an older server) marks nothing rather than breaking the canvas.
          const next = Array.isArray(r.blocked) && r.blocked.length > 0 ? r.blocked : NONE;
          // The same answer keeps the same array, so the canvas's nodes do not draw again for nothing.
          setBlocked((prev) => (JSON.stringify(prev) === JSON.stringify(next) ? prev : next));
        })
        // No marks rather than stale ones: the publish gate still checks on the server.
        .catch(() => mine === seq.current && setBlocked(NONE));
    }, LINT_DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // `key` stands for `flow` by value: a new object with the same content does not ask again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, policy]);
  return blocked;
}

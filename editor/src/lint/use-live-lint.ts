import { useEffect, useRef, useState } from 'react';
import type { Reply } from '../../../rules-schema/index.js';
import { documentsApi, type LintResult } from '../api/documents-api.js';
import { useEditorStore } from '../store/editor-store.js';

export interface LiveLint {
  result: LintResult | null;
  pending: boolean;
  failed: boolean;
}

/** How long typing must pause before the reply is checked. */
export const LINT_DEBOUNCE_MS = 400;

/**
 * Checks a reply against the content rules (`POST /api/v1/lint`) as the operator types:
 * debounced, and answers to older texts are dropped. Uses the draft policy while it has
 * unsaved edits, so a change to the lexicons shows at once.
 */
export function useLiveLint(reply: Reply | null): LiveLint {
  const [state, setState] = useState<LiveLint>({ result: null, pending: false, failed: false });
  const policy = useEditorStore((s) => (s.policy?.dirty ? s.policy.doc : undefined));
  const seq = useRef(0);
  const key = reply ? JSON.stringify(reply) : '';
  useEffect(() => {
    if (!reply) {
      setState({ result: null, pending: false, failed: false });
      return;
    }
    const mine = ++seq.current;
    setState((s) => ({ ...s, pending: true }));
    const timer = setTimeout(() => {
      documentsApi
        .lint(reply, policy)
        .then((result) => {
          if (mine === seq.current) setState({ result, pending: false, failed: false });
        })
        .catch(() => {
          if (mine === seq.current) setState({ result: null, pending: false, failed: true });
        });
    }, LINT_DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // `key` stands for `reply` by value, so a new object with the same content does not refire.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, policy]);
  return state;
}

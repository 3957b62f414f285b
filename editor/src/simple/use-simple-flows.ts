import { useEffect, useMemo, useState } from 'react';
import type { Flow } from '../../../rules-schema/index.js';
import { documentsApi } from '../api/documents-api.js';
import { editorToFlow } from '../model/flow-mapping.js';
import { useEditorStore } from '../store/editor-store.js';

export interface SimpleFlows {
  /** Every flow of the account; the open one as the store holds it now (edits included). */
  flows: Flow[];
  loading: boolean;
  failed: unknown;
}

/**
 * The account's flows for the simple view. The open flow is read from the store, so what the
 * simple view shows and edits is the canvas's draft; the others are their saved drafts,
 * fetched again whenever the flow list changes (after a save or a publish).
 */
export function useSimpleFlows(): SimpleFlows {
  const summaries = useEditorStore((s) => s.flowSummaries);
  const meta = useEditorStore((s) => s.meta);
  const nodes = useEditorStore((s) => s.nodes);
  const edges = useEditorStore((s) => s.edges);
  const [saved, setSaved] = useState<Flow[]>([]);
  const [loading, setLoading] = useState(true);
  const [failed, setFailed] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    setLoading(true);
    Promise.all(summaries.map((f) => documentsApi.get('flows', f.id)))
      .then((flows) => {
        if (!current) return;
        setSaved(flows);
        setFailed(null);
      })
      .catch((err: unknown) => current && setFailed(err))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [summaries]);

  const flows = useMemo(() => {
    const open = meta ? editorToFlow(meta, nodes, edges) : null;
    const list = saved.map((f) => (f.id === open?.id ? open : f));
    if (open && !list.some((f) => f.id === open.id)) list.push(open);
    return list;
  }, [saved, meta, nodes, edges]);
  return { flows, loading, failed };
}

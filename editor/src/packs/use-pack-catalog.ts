import { useCallback, useEffect, useRef, useState } from 'react';
import type { Pack } from '../../../rules-schema/index.js';
import { packsApi, type PackSummary } from '../api/packs-api.js';

export interface PackCatalog {
  items: PackSummary[] | null;
  /** Each pack's document (sources, description, self-tests), once read. */
  docs: Record<string, Pack>;
  error: unknown;
  reload: () => Promise<void>;
}

/**
 * The account's pack catalog (`GET /packs`) and each pack's document (`GET /packs/:id`, for its
 * sources). `reload` after every install, removal or switch: the list is the only pack state the
 * editor keeps; the lint, the sandbox and the runtime read the installed set on the server.
 */
export function usePackCatalog(): PackCatalog {
  const [items, setItems] = useState<PackSummary[] | null>(null);
  const [docs, setDocs] = useState<Record<string, Pack>>({});
  const [error, setError] = useState<unknown>(null);
  const seq = useRef(0);
  const reload = useCallback(async () => {
    const mine = ++seq.current;
    try {
      const list = (await packsApi.list()).items;
      // A document that cannot be read leaves its card without sources rather than hiding the catalog.
      const read = await Promise.all(list.map((p) => packsApi.get(p.id).catch(() => null)));
      if (mine !== seq.current) return;
      const next: Record<string, Pack> = {};
      for (const doc of read) if (doc) next[doc.id] = doc;
      setItems(list);
      setDocs(next);
      setError(null);
    } catch (err) {
      if (mine === seq.current) setError(err);
    }
  }, []);
  useEffect(() => void reload(), [reload]);
  return { items, docs, error, reload };
}

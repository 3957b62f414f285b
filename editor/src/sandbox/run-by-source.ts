import type { SandboxRan } from '../../../rules-schema/index.js';
import { sandboxApi, type SandboxResult, type SandboxScript } from '../api/sandbox-api.js';
import type { SandboxSourceMode } from '../store/sandbox-source-slice.js';

type Run = SandboxResult & SandboxRan;
type UnsavedDocs = Pick<SandboxScript, 'flows' | 'keywordGroups' | 'policy'>;

/**
 * Runs one script as the sandbox's switch says: on the drafts (with what the editor holds
 * unsaved), on what is live (nothing unsaved is sent: inline documents would win over it), or
 * on both at once for 对比. `shown` drives the panel (the drafts' run when comparing), `live`
 * is the live run when there is one. In 对比 a live run that fails (nothing published yet)
 * leaves the drafts' run standing and comes back as `liveError`.
 *
 * @example const { shown, live } = await runBySource('compare', script, unsavedDocs);
 */
export async function runBySource(
  mode: SandboxSourceMode,
  script: SandboxScript,
  unsaved: () => Promise<UnsavedDocs>,
): Promise<{ shown: Run; live: Run | null; liveError?: unknown }> {
  const onLive = () => sandboxApi.run({ ...script, source: 'live' });
  const onDrafts = async () => sandboxApi.run({ ...(await unsaved()), ...script, source: 'drafts' });
  if (mode === 'live') {
    const live = await onLive();
    return { shown: live, live };
  }
  if (mode === 'drafts') return { shown: await onDrafts(), live: null };
  const [drafts, live] = await Promise.all([
    onDrafts(),
    onLive().then(
      (run) => ({ run }),
      (liveError: unknown) => ({ run: null, liveError }),
    ),
  ]);
  return { shown: drafts, live: live.run, ...('liveError' in live ? { liveError: live.liveError } : {}) };
}

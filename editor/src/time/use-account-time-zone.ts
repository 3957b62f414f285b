import { useEditorStore } from '../store/editor-store.js';
import { DEFAULT_TIME_ZONE } from './zone-time.js';

/** The account's zone: the policy's, or the default until a policy is loaded. */
export function useAccountTimeZone(): string {
  return useEditorStore((s) => s.policy?.doc.timezone) ?? DEFAULT_TIME_ZONE;
}

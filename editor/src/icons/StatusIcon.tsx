import { CircleCheck, CircleX, OctagonX, TriangleAlert, type LucideIcon } from 'lucide-react';

/** A check's outcome: a lint verdict, or whether a scenario's expectations held. */
export type Status = 'allow' | 'warn' | 'block' | 'passed' | 'failed';

const ICONS: Record<Status, LucideIcon> = {
  allow: CircleCheck,
  warn: TriangleAlert,
  block: OctagonX,
  passed: CircleCheck,
  failed: CircleX,
};

/**
 * The outcome as an SVG icon (lucide), coloured by the `status-<status>` class: these were
 * emoji (✅ ⚠️ ⛔ ❌), empty boxes wherever no colour-emoji font is installed.
 * @example <StatusIcon status="block" /> {t('lint.verdict.block')}
 */
export function StatusIcon({ status, size = 14 }: { status: Status; size?: number }) {
  const Icon = ICONS[status];
  return <Icon size={size} className={`icon status-${status}`} data-status={status} />;
}

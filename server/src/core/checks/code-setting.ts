/**
 * Whether a reason code is on and how severe it is, from the policy's per-code switches
 * (`policy.checks`) over the CONTRACT §7 defaults.
 */
import type { ResolvedPolicy } from '../policy/resolve-policy.js';
import type { Severity } from '../reason.js';

export interface CodeSetting {
  enabled: boolean;
  severity: Severity;
}

/**
 * @example codeSetting(policy, 'PROMOTION') // { enabled: true, severity: 'warn' }
 */
export function codeSetting(policy: ResolvedPolicy, code: string): CodeSetting {
  const override = policy.checks[code];
  return {
    enabled: override?.enabled !== false,
    severity: override?.severity ?? defaultSeverity(code),
  };
}

/** The §7 default; a pack code `pack:<id>/<CODE>` defaults like its built-in `<CODE>`, else blocks. */
export function defaultSeverity(code: string): Severity {
  const base = code.startsWith('pack:') ? code.slice(code.indexOf('/') + 1) : code;
  return DEFAULT_SEVERITY[base] ?? 'block';
}

const DEFAULT_SEVERITY: Readonly<Record<string, Severity>> = {
  EXTERNAL_LINK: 'block',
  MARKETPLACE_CODE: 'block',
  INDUCED_SHARING: 'block',
  PROMOTION: 'warn',
  ABSOLUTE_TERM: 'warn',
  BANNED_TERM: 'block',
  MEDICAL_CLAIM: 'block',
  UNSUPPORTED_TYPE: 'block',
  CONTENT_TOO_LONG: 'block',
};

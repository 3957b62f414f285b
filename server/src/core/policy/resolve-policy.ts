/**
 * Fills every setting a policy document may omit with the platform defaults of
 * CONTRACT §6–§7, so checks read plain numbers and never re-test for absence.
 */
import type { Policy, Lexicon, CustomRule, Allowance } from '../../../../rules-schema/index.js';
import type { Severity } from '../reason.js';

export interface GrantSetting {
  quota: number;
  minutes: number;
}

export interface ResolvedPolicy {
  id: string;
  timezone: string;
  businessHours: { days: number[]; start: string; end: string } | null;
  window: {
    message: GrantSetting;
    menuClick: GrantSetting;
    subscribe: GrantSetting;
    scan: GrantSetting;
    marginMinutes: number;
    nonOpeningEventKeys: string[];
  };
  frequency: { maxRepliesPerInteraction: number };
  duplicates: { withinMinutes: number };
  marketing: { maxPromotionsPerWindow: number };
  content: { maxTextBytes: number; maxArticles: number };
  links: { allow: string[] };
  queue: { humanFollowUpPhrases: string[]; followUpPrompt: { text: string; withinMinutes: number } | null };
  /** Per-code switches; a code absent here is enabled with its default severity. */
  checks: Record<string, { enabled?: boolean; severity?: Severity }>;
  lexicons: Lexicon[];
  rules: CustomRule[];
  /** Reviewed false positives: hits of `code` inside `phrase` are not reported. */
  allowances: Allowance[];
}

/** The seed's promise of a person after an auto reply: "如果还有其他问题，可以继续问我哦". */
export const DEFAULT_HUMAN_FOLLOW_UP_PHRASES = ['可以继续问我'];

/** Hosts the platform itself serves; always allowed (CONTRACT §7 EXTERNAL_LINK). */
export const PLATFORM_HOSTS = ['weixin.qq.com', 'mp.weixin.qq.com'];

export function resolvePolicy(policy: Policy | undefined): ResolvedPolicy {
  const p: Policy = policy ?? { id: 'default', name: 'default' };
  const w = p.window ?? {};
  return {
    id: p.id,
    timezone: p.timezone ?? 'Asia/Shanghai',
    businessHours: p.businessHours
      ? { days: p.businessHours.days ?? [1, 2, 3, 4, 5, 6, 7], start: p.businessHours.start, end: p.businessHours.end }
      : null,
    window: {
      message: w.message ?? { quota: 5, minutes: 48 * 60 },
      menuClick: w.menuClick ?? { quota: 3, minutes: 1 },
      subscribe: w.subscribe ?? { quota: 3, minutes: 1 },
      scan: w.scan ?? { quota: 3, minutes: 1 },
      marginMinutes: w.marginMinutes ?? 15,
      nonOpeningEventKeys: w.nonOpeningEventKeys ?? [],
    },
    frequency: { maxRepliesPerInteraction: p.frequency?.maxRepliesPerInteraction ?? 3 },
    duplicates: { withinMinutes: p.duplicates?.withinMinutes ?? 10 },
    marketing: { maxPromotionsPerWindow: p.marketing?.maxPromotionsPerWindow ?? 1 },
    content: { maxTextBytes: p.content?.maxTextBytes ?? 2048, maxArticles: p.content?.maxArticles ?? 1 },
    links: { allow: [...PLATFORM_HOSTS, ...(p.links?.allow ?? [])] },
    queue: {
      humanFollowUpPhrases: p.queue?.humanFollowUpPhrases ?? DEFAULT_HUMAN_FOLLOW_UP_PHRASES,
      followUpPrompt:
        p.queue?.followUpPrompt?.enabled === false
          ? null
          : {
              text: p.queue?.followUpPrompt?.text ?? '还有其他问题吗？',
              withinMinutes: p.queue?.followUpPrompt?.withinMinutes ?? 60,
            },
    },
    checks: p.checks ?? {},
    lexicons: (p.lexicons ?? []).filter((l) => l.enabled !== false),
    rules: (p.rules ?? []).filter((r) => r.enabled !== false),
    allowances: p.allowances ?? [],
  };
}

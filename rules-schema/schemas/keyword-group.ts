/**
 * A keyword group: every way users ask one question ("退款 退货 退钱 …"), matched
 * after normalization. `fuzzy` also ignores filler characters between words; `regex`
 * keywords are patterns (RE2, linear time) over the normalized text.
 *
 * Besides its mode a group may hold `combos` (all slots in one clause, any order:
 * 密码 + 忘|改|找回), `wholeWords` (a keyword or combo word counts only on word boundaries,
 * so 到货 is not found in 收到货), `pinyin` (tk / tuikuan / 退宽 find 退款) and `skipSettled`
 * (退款已经到账了，谢谢 is a thanks, not a refund question). Absent, each
 * option keeps the meaning documents had before it existed.
 */
export const MATCH_MODES = ['exact', 'contains', 'fuzzy', 'regex'] as const;

/** Where all the slots of a combo must appear: one clause (between 。！？；，、 or a line break) or anywhere in the message. */
export const COMBO_WINDOWS = ['clause', 'message'] as const;

export const COMBO_LIMITS = { combos: 50, slots: 8, words: 50, wordLength: 60 } as const;

/** "Every slot appears, in any order": each slot lists words of which any one will do. */
export const keywordComboSchema = {
  type: 'object',
  required: ['all'],
  properties: {
    all: {
      type: 'array',
      minItems: 2,
      maxItems: COMBO_LIMITS.slots,
      items: {
        type: 'array',
        minItems: 1,
        maxItems: COMBO_LIMITS.words,
        items: { type: 'string', minLength: 1, maxLength: COMBO_LIMITS.wordLength },
      },
    },
    within: { enum: COMBO_WINDOWS, default: 'clause' },
  },
  additionalProperties: false,
} as const;

export const keywordGroupSchema = {
  type: 'object',
  required: ['id', 'name', 'keywords'],
  properties: {
    schemaVersion: { const: 1 },
    id: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' },
    name: { type: 'string', minLength: 1, maxLength: 60 },
    description: { type: 'string', maxLength: 500 },
    mode: { enum: MATCH_MODES, default: 'contains' },
    keywords: {
      type: 'array',
      minItems: 1,
      maxItems: 500,
      items: { type: 'string', minLength: 1, maxLength: 60 },
    },
    exclusions: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 60 }, maxItems: 500 },
    combos: { type: 'array', maxItems: COMBO_LIMITS.combos, items: keywordComboSchema },
    /** Absent or false: substring matching as before. The editor sets it on new groups. */
    wholeWords: { type: 'boolean' },
    /** Opt-in: initials and toneless pinyin typed in Latin letters, and same-sounding characters, find the keywords. */
    pinyin: { type: 'boolean' },
    /**
     * Opt-in: a mention of the group's matter in a clause that closes it (已经到账了，谢谢 · 快递员好好人 ·
     * 不用转人工了 · 上次退款很顺利) does not match, unless the clause still asks (吗, 还没, 怎么 …) or the
     * next one turns on it (但是 …). See server/src/core/engine/settled-clauses.ts.
     */
    skipSettled: { type: 'boolean' },
    enabled: { type: 'boolean', default: true },
    revision: { type: 'integer', minimum: 0 },
  },
  additionalProperties: false,
  /** In a `regex` group every keyword must pass the regex safety check (rules-schema/regex-safety.ts). */
  'x-safeRegexKeywords': true,
} as const;

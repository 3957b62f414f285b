import type { CHECK_CODES } from '../../../rules-schema/index.js';

type CheckCode = (typeof CHECK_CODES)[number];

/**
 * Each CONTRACT §7 reason code as a sentence, for UI languages other than Chinese (the server
 * words reasons in Chinese, which the Chinese UI shows as sent). Typed over every code, so a
 * code added to the contract fails the typecheck until it is worded here.
 */
export const REASON_TEXT: Record<'en', Record<CheckCode, string>> = {
  en: {
    WINDOW_NONE: 'This user has never interacted with the account, so no customer-service message may be sent yet.',
    WINDOW_EXPIRED:
      'The reply window has run out (48 hours after the last message, 1 minute after a menu click): wait for the user to write again.',
    WINDOW_CLOSING: 'The reply window closes soon: send now or the message may arrive too late.',
    USER_UNSUBSCRIBED: 'The user unfollowed the account: no more messages may be sent.',
    QUOTA_EXHAUSTED: 'The platform allows no more messages in this window (WeChat would answer 45047).',
    FREQUENCY_LIMIT: "This would exceed the account's limit of replies per user interaction.",
    DUPLICATE_REPLY: 'The same message was already sent to this user a few minutes ago.',
    EXTERNAL_LINK: 'The reply links to a site outside WeChat that is not on the allowed list.',
    MARKETPLACE_CODE: 'The reply contains a marketplace share code or password (such as a Taobao code).',
    INDUCED_SHARING: 'The reply offers a reward for sharing, forwarding or following, which WeChat forbids.',
    PROMOTION: 'The reply reads as promotion (coupons, discounts, flash sales): use it sparingly.',
    OVER_MARKETING: 'A promotional message was already sent to this user in this window.',
    ABSOLUTE_TERM: 'The reply uses an absolute claim the Advertising Law forbids (such as "best" or "No. 1").',
    BANNED_TERM: 'The reply contains a banned term from an enabled lexicon.',
    MEDICAL_CLAIM: 'The reply claims a cure or medical effect, which is not allowed.',
    UNSUPPORTED_TYPE: 'This kind of message cannot be sent as a customer-service message.',
    CONTENT_TOO_LONG: 'The reply is longer than the platform allows (2048 bytes of text, or one article).',
  },
};

/** An `info` note (a hit its context took back: a denial, a refusal, a warning quoting it, a lawful use) in English. */
export const NOTE_TEXT = {
  en: (text: string, code: string) =>
    `Not reported: “${text}” reads as a denial, a refusal, a warning or a lawful use, so it does not count as ${code}. Reword it if that reading is wrong.`,
};

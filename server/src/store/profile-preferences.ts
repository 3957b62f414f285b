/** A user keeps at most this many preferences: a new key beyond it forgets the one changed longest ago. */
export const MAX_PREFERENCES = 20;

/** Preferences as stored: key/value pairs, the one changed longest ago first (object key order is not reliable for "1"-like keys). */
export type PreferenceEntries = Array<[key: string, value: string]>;

/**
 * The entries after `changes` are set: a changed key moves to the end, and the oldest give way
 * once there are more than MAX_PREFERENCES.
 *
 * @example setPreferences([['关注领域', '彩妆']], { 关注领域: '护肤成分' }) // [['关注领域', '护肤成分']]
 */
export function setPreferences(
  current: PreferenceEntries,
  changes: Readonly<Record<string, string>>,
): PreferenceEntries {
  const kept = current.filter(([k]) => !Object.hasOwn(changes, k));
  return [...kept, ...Object.entries(changes)].slice(-MAX_PREFERENCES);
}

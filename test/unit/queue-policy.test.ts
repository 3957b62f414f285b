/** The agent-queue settings of a policy (`queue`): defaults from the seed, and switching them. */
import { describe, expect, it } from 'vitest';
import { resolvePolicy } from '../../server/src/core/policy/resolve-policy.js';
import { validate } from '../../rules-schema/validator.js';

describe('policy queue settings', () => {
  it('default to the seed: 可以继续问我 promises a person, 还有其他问题吗？ is suggested in the last hour', () => {
    expect(resolvePolicy(undefined).queue).toEqual({
      humanFollowUpPhrases: ['可以继续问我'],
      followUpPrompt: { text: '还有其他问题吗？', withinMinutes: 60 },
    });
  });

  it("take the operator's wording and time, or switch the suggestion off", () => {
    const custom = resolvePolicy({
      id: 'p',
      name: 'p',
      queue: {
        humanFollowUpPhrases: ['稍后人工回复'],
        followUpPrompt: { text: '还需要别的帮助吗？', withinMinutes: 120 },
      },
    });
    expect(custom.queue).toEqual({
      humanFollowUpPhrases: ['稍后人工回复'],
      followUpPrompt: { text: '还需要别的帮助吗？', withinMinutes: 120 },
    });
    expect(
      resolvePolicy({ id: 'p', name: 'p', queue: { followUpPrompt: { enabled: false } } }).queue.followUpPrompt,
    ).toBeNull();
  });

  it('refuses a suggestion window beyond the 48-hour grant, and unknown settings, with pointers', () => {
    const bad = validate('policy', {
      id: 'p',
      name: 'p',
      queue: { followUpPrompt: { withinMinutes: 3000 }, sendAutomatically: true },
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.problems.map((p) => p.path).sort()).toEqual(['/queue', '/queue/followUpPrompt/withinMinutes']);
  });
});

/** CONVERSATION_RETENTION_DAYS: read once at start; a bad value is one line (main exits 1 on it). */
import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../../server/src/config.js';
import { startupErrorLine } from '../../server/src/startup-error.js';

describe('CONVERSATION_RETENTION_DAYS', () => {
  it('defaults to 30 days and takes a whole number of days', () => {
    expect(configFromEnv({}).conversationRetentionDays).toBe(30);
    expect(configFromEnv({ CONVERSATION_RETENTION_DAYS: '7' }).conversationRetentionDays).toBe(7);
  });

  it.each(['0', '-3', '1.5', 'a month', '', '99999'])('refuses %j with one line', (value) => {
    let line: string | undefined;
    try {
      configFromEnv({ CONVERSATION_RETENTION_DAYS: value });
    } catch (e) {
      line = startupErrorLine(e);
    }
    expect(line).toContain(`CONVERSATION_RETENTION_DAYS must be a whole number of days 1–3650, got ${value}`);
    expect(line?.split('\n')).toHaveLength(1);
  });
});

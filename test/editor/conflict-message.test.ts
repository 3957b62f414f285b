/**
 * A 409 says why: CONFLICT covers a stale revision, an id already taken, nothing live yet and a
 * pack downgrade, so the server's own sentence is shown instead of one generic line that would
 * tell an operator "someone else changed the document" when nobody did.
 */
import { afterEach, describe, expect, it } from 'vitest';
import i18n from 'i18next';
import { ApiError } from '../../editor/src/api/api-error.js';
import { describeApiError } from '../../editor/src/documents/describe-api-error.js';
import { setupI18n } from '../../editor/src/i18n/setup-i18n.js';

const conflict = (message: string) => new ApiError(409, 'CONFLICT', message, [], {});

afterEach(() => {
  setupI18n('zh-CN');
});

describe('describeApiError on a 409', () => {
  it('gives the server’s reason in Chinese', () => {
    setupI18n('zh-CN');
    expect(describeApiError(conflict('已安装 beauty 1.2.0，不能降级到 1.1.0'), i18n.t)).toBe(
      '已安装 beauty 1.2.0，不能降级到 1.1.0',
    );
  });

  it('says it is a conflict in English, with the reason beside it', () => {
    setupI18n('en');
    expect(describeApiError(conflict('还没有发布任何内容'), i18n.t)).toBe('Conflict: 还没有发布任何内容');
  });

  it('falls back to the generic line when the server gave no reason', () => {
    setupI18n('zh-CN');
    expect(describeApiError(conflict(''), i18n.t)).toBe('文档已被其他人修改');
  });
});

/** Reply variables are an allowlist (issue 9, item 6): filled from own values only, refused at save. */
import { describe, expect, it } from 'vitest';
import { fillText, fillVariables } from '../../server/src/core/engine/fill-variables.js';
import { validate } from '../../rules-schema/validator.js';
import { REPLY_VARIABLES, unknownVariables } from '../../rules-schema/reply-variables.js';

const flowWith = (content: string) => ({
  schemaVersion: 1,
  id: 'vars',
  name: '变量',
  nodes: [
    { id: 't', type: 'trigger', position: { x: 0, y: 0 }, data: { messageTypes: ['text'] } },
    {
      id: 'r',
      type: 'reply',
      position: { x: 0, y: 0 },
      data: {
        mode: 'all',
        replies: [
          { type: 'text', content: '您好' },
          { type: 'text', content },
        ],
      },
    },
  ],
  edges: [{ id: 'e', source: 't', target: 'r' }],
});

describe('filling variables', () => {
  it('fills the documented variables, with fallbacks and the default for nickname', () => {
    expect(REPLY_VARIABLES).toEqual(['nickname', 'openid']);
    expect(fillText('{{nickname}}，您好（{{ openid }}）', { nickname: '小明', openid: 'oU1' })).toBe(
      '小明，您好（oU1）',
    );
    expect(fillText('{{nickname}}，您好', {})).toBe('您，您好');
    expect(fillText('{{nickname|亲}}，您好', {})).toBe('亲，您好');
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'])(
    '{{%s}} is never filled from Object.prototype',
    (name) => {
      const filled = fillText(`您好{{${name}}}！`, { nickname: '小明' });
      expect(filled).toBe('您好！');
      expect(filled).not.toMatch(/native code|object Object|function/);
      expect(fillText(`您好{{${name}|朋友}}！`, {})).toBe('您好朋友！');
    },
  );

  it('a values object with inherited properties only gives its own ones', () => {
    const inherited = Object.create({ nickname: '继承来的' }) as Record<string, string>;
    expect(fillText('{{nickname}}', inherited)).toBe('您');
  });

  it('fills every string of a reply, nested ones too', () => {
    const reply = {
      type: 'msgmenu',
      headContent: '{{nickname}}请选择',
      items: [{ id: '1', content: '{{constructor}}退款' }],
    };
    expect(fillVariables(reply, { nickname: '小明' })).toEqual({
      type: 'msgmenu',
      headContent: '小明请选择',
      items: [{ id: '1', content: '退款' }],
    });
  });
});

describe('unknown variables are a validation error at save', () => {
  it('lists each unknown name with the pointer of its string', () => {
    expect(unknownVariables({ type: 'text', content: '{{constructor}}{{nickname}}{{toString}}' })).toEqual([
      { path: '/content', name: 'constructor' },
      { path: '/content', name: 'toString' },
    ]);
    expect(unknownVariables({ type: 'news', articles: [{ title: '{{__proto__}}', url: 'https://a.cn' }] })).toEqual([
      { path: '/articles/0/title', name: '__proto__' },
    ]);
  });

  it.each(['{{constructor}}', '{{toString}}', '{{__proto__}}', '{{nick_name}}'])(
    'a flow whose reply says %s is refused with a pointer to that text',
    (v) => {
      const result = validate('flow', flowWith(`您好${v}`));
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.problems).toEqual([
        { path: '/nodes/1/data/replies/1/content', message: expect.stringContaining(v) },
      ]);
    },
  );

  it('a flow using only the documented variables is valid', () => {
    expect(validate('flow', flowWith('{{nickname}}，您好（{{openid}}）{{nickname|亲}}')).ok).toBe(true);
  });
});

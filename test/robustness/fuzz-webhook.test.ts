/**
 * Random XML to the WeChat webhook (issue 9): random tags and text, nesting thousands deep,
 * CDATA, DOCTYPE and entity bombs, huge attributes, push-shaped bodies with random fields, and
 * markup soup — posted plain and in safe mode, unsigned and correctly signed. Never a 5xx:
 * unsigned is 403, signed is 200 with `success` or reply XML, and /healthz stays 200.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { T0 } from '../support/test-app.js';
import { startWechatApp, type WechatTestApp } from '../wechat/helpers/wechat-test-app.js';
import { PUSH_FIXTURES } from '../wechat/helpers/push-fixtures.js';

const SEED = 20261202;
const RUNS = 50;

const pushTags = [
  'xml',
  'ToUserName',
  'FromUserName',
  'CreateTime',
  'MsgType',
  'Content',
  'MsgId',
  'Event',
  'EventKey',
  'Encrypt',
  'ScanCodeInfo',
  'item',
];
const tagName = fc.oneof(
  fc.constantFrom(...pushTags, '__proto__', 'constructor', 'a'),
  fc.stringMatching(/^[A-Za-z_][\w.-]{0,12}$/),
  fc.string({ minLength: 1, maxLength: 6 }), // mostly not a valid name
);
const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('&amp;', '&#x1F600;', '&#0;', '&xxe;', ']]>', '<', '&'),
);
const cdata = text.map((s) => `<![CDATA[${s}]]>`);
const attributes = fc
  .array(fc.tuple(fc.stringMatching(/^[a-z]{1,4}$/), fc.string({ maxLength: 20 })), { maxLength: 3 })
  .map((as) => as.map(([k, v]) => ` ${k}="${v.replace(/"/g, '')}"`).join(''));

const tree = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    text,
    cdata,
    fc
      .tuple(tagName, attributes, fc.array(tie('node'), { maxLength: 4 }))
      .map(([n, a, kids]) => `<${n}${a}>${kids.join('')}</${n}>`),
  ),
})).node;

/** Nesting from 1 to 5,000 levels, balanced or with closing tags missing. */
const deep = fc
  .record({
    depth: fc.integer({ min: 1, max: 5000 }),
    tag: fc.constantFrom('a', 'xml', 'Content'),
    missing: fc.nat({ max: 3 }),
  })
  .map(
    ({ depth, tag, missing }) =>
      `<xml>${`<${tag}>`.repeat(depth)}x${`</${tag}>`.repeat(Math.max(0, depth - missing))}</xml>`,
  );

/** DTDs, external entities and expansion bombs, outside CDATA and inside it. */
const declarations = fc
  .record({ n: fc.integer({ min: 1, max: 2000 }), inCdata: fc.boolean() })
  .map(({ n, inCdata }) => {
    const dtd = `<!DOCTYPE xml [<!ENTITY a "${'a'.repeat(n)}"><!ENTITY b "&a;&a;&a;&a;"><!ENTITY x SYSTEM "file:///etc/passwd">]>`;
    return inCdata
      ? `<xml><Content><![CDATA[${dtd}]]></Content></xml>`
      : `<?xml version="1.0"?>${dtd}<xml><Content>&b;&x;</Content></xml>`;
  });

/** Attributes from a few bytes to past the 64 KiB body limit. */
const hugeAttribute = fc
  .integer({ min: 1, max: 100_000 })
  .map((n) => `<xml big="${'x'.repeat(n)}"><MsgType>text</MsgType></xml>`);

/** A real push with every field random: long or invalid content, huge CreateTime, unknown MsgType. */
const pushShaped = fc
  .record({
    from: fc.oneof(fc.constant('u-fuzz'), fc.string({ maxLength: 200 })),
    createTime: fc.oneof(
      fc.constant(String(T0 / 1000)),
      fc.string({ maxLength: 20 }),
      fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map(String),
    ),
    msgType: fc.oneof(
      fc.constantFrom('text', 'event', 'image', 'location', 'miniprogrampage', ''),
      fc.string({ maxLength: 10 }),
    ),
    content: fc.oneof(
      text,
      fc.integer({ min: 4000, max: 6000 }).map((n) => '退'.repeat(n)),
    ),
    msgId: fc.oneof(fc.bigInt({ min: 0n, max: 10n ** 70n }).map(String), fc.string({ maxLength: 10 })),
  })
  .map((p) =>
    PUSH_FIXTURES.text
      .replace('<![CDATA[fromUser]]>', `<![CDATA[${p.from.replace(/]]>/g, '')}]]>`)
      .replace('1348831860', p.createTime.replace(/[<&]/g, ''))
      .replace('<![CDATA[text]]>', `<![CDATA[${p.msgType.replace(/]]>/g, '')}]]>`)
      .replace('<![CDATA[this is a test]]>', `<![CDATA[${p.content.replace(/]]>/g, '')}]]>`)
      .replace('1234567890123456', p.msgId.replace(/[<&]/g, '')),
  );

const soupPiece = fc.oneof(
  fc.constantFrom(
    '<',
    '>',
    '</',
    '/>',
    '<![CDATA[',
    ']]>',
    '<!--',
    '-->',
    '<?',
    '?>',
    '<!DOCTYPE',
    '<!ENTITY',
    '&',
    '&#x',
    '"',
    "'",
    '<xml>',
    '</xml>',
    '<a>',
    '</a>',
    '<Encrypt>',
    '</Encrypt>',
  ),
  text,
);
const soup = fc.array(soupPiece, { maxLength: 30 }).map((ps) => ps.join(''));

const randomXml = fc.oneof(
  tree.map((n) => `<xml>${n}</xml>`),
  tree,
  deep,
  declarations,
  hugeAttribute,
  pushShaped,
  soup,
);
/**
 * What fits the 64 KiB body limit once encrypted (base64 adds a third): a safe-mode envelope
 * over the limit cannot be read whole, so its signature cannot be checked and it is refused.
 */
const encryptable = randomXml.filter((xml) => Buffer.byteLength(xml) < 40_000);

let t: WechatTestApp;
beforeAll(async () => {
  t = await startWechatApp();
  await t.configure({ apiBase: 'http://127.0.0.1:9' }); // no follow-up reaches a network here
});
afterAll(async () => {
  await t.close();
});

const ts = () => String(Math.floor(t.now() / 1000));
type Answer = { status: number; text: string; headers: Record<string, string> };

async function assertSigned(r: Answer): Promise<void> {
  expect(r.status).toBe(200);
  if (r.text !== 'success') expect(r.headers['content-type']).toMatch(/^text\/xml/);
  expect((await t.http.get('/healthz')).status).toBe(200);
}

async function assertUnsigned(r: Answer): Promise<void> {
  expect(r.status).toBe(403);
  expect((await t.http.get('/healthz')).status).toBe(200);
}

describe('random XML to the webhook never gets a 5xx', () => {
  const run = (xmls: fc.Arbitrary<string>, body: (xml: string) => Promise<void>) =>
    fc.assert(fc.asyncProperty(xmls, body), { seed: SEED, numRuns: RUNS });

  it('plain mode, correctly signed → 200', async () => {
    await run(randomXml, async (xml) => assertSigned(await t.pushPlain(xml)));
  });

  it('safe mode, correctly signed → 200', async () => {
    await run(encryptable, async (xml) => assertSigned(await t.pushSafe(xml)));
  });

  it('plain mode, unsigned → 403', async () => {
    await run(randomXml, async (xml) =>
      assertUnsigned(
        await t.http
          .post(`/wechat/default?signature=${'0'.repeat(40)}&timestamp=${ts()}&nonce=1`)
          .set('Content-Type', 'text/xml')
          .send(xml),
      ),
    );
  });

  it('safe mode, the random XML as the envelope, unsigned → 403', async () => {
    await run(randomXml, async (xml) =>
      assertUnsigned(
        await t.http
          .post(`/wechat/default?timestamp=${ts()}&nonce=1&encrypt_type=aes&msg_signature=${'0'.repeat(40)}`)
          .set('Content-Type', 'text/xml')
          .send(xml),
      ),
    );
  });
});

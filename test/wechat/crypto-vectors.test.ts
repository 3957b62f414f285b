/** The official signature and safe-mode vectors of DOMAIN §3, byte-exact. */
import { describe, expect, it } from 'vitest';
import { wechatSignature, signatureMatches } from '../../server/src/wechat/wechat-signature.js';
import { WechatCrypto, WechatCryptoError } from '../../server/src/wechat/wechat-crypto.js';

const ascii = (s: string) => Buffer.from(s, 'utf8');

describe('URL signatures (DOMAIN §3.1)', () => {
  it('URL-1: official URL verification', () => {
    expect(wechatSignature('AAAAA', '1714036504', '1514711492')).toBe('f464b24fc39322e44b38aa78f5edd27bd1441696');
  });
  it('URL-2: official plaintext-mode push', () => {
    expect(wechatSignature('AAAAA', '1714037059', '486452656')).toBe('899cf89e464efb63f54ddac96b0a0a235f53aa78');
  });
  it('URL-3: wechatpy, and the one-digit-off signature fails', () => {
    const sig = wechatSignature('test', '1410685589', 'test');
    expect(signatureMatches(sig, 'f21891de399b4e33a1a93c9a7b8a8fffb5a443ff')).toBe(true);
    expect(signatureMatches(sig, 'f21891de399b4e33a1a93c9a7b8a8fffb5a443fe')).toBe(false);
    expect(signatureMatches(sig, 'short')).toBe(false);
    expect(signatureMatches(sig, undefined)).toBe(false);
  });
  it('generic sorted-join checks (silenceper, node-webot)', () => {
    expect(wechatSignature('a', 'b', 'c')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(wechatSignature('RMNlACHlV5ThzfRlVS4D4', 'timestamp', 'nonce', 'encrypt')).toBe(
      '8edac0945683c119ee71c9f6256d76c48aa08a96',
    );
  });
});

const E = {
  token: 'AAAAA',
  key: 'A'.repeat(43),
  appId: 'wx134c8103faa5a59e',
  encrypt:
    'D7yzvUNAL930rd28wf21s4hvXhz0L6Uit/p2Di6C5DHyYGpEgdBRnKjBec34JwoQXicwaZC7fOVihW80F4VtsdvE//1vr7oAbqjDv8KenVp+ajKYpJnyQ4zMRhIC+a31fCVOMC03FfzV/QuC94kBP55a+Za3sJgvAn+ZbsNqZI5DkyuzkhQN8OBqCzFhizGmy0xpM0MEA4agpvE+RuNO1rhHTtuJB5yltw1FiYzecSXJ+y/D2r81VkRn2eYjh2ltsoyfbDR7Is6ookXIFxTfyeNyeHxMeT4KN5WpCDmSbTcUYrbBUlkGLJ9n/rU8YOywma6G7aTb7KZKOqCxgfoUlYEZPk4FUL/TK7ShriFDMVCLyjQJ15Ob++agDWtcxhfUfe6HIoIpRW8mKNBQiY/Jd1svvuskA1wLef1RTtzKfMpagSCX/laZINmdnX4zrF6kIaR9P4xQrWXbsTFHTYe0Mg==',
  msg: '<xml><ToUserName><![CDATA[gh_97417a04a28d]]></ToUserName>\n<FromUserName><![CDATA[o9AgO5Kd5ggOC-bXrbNODIiE3bGY]]></FromUserName>\n<CreateTime>1715943329</CreateTime>\n<MsgType><![CDATA[event]]></MsgType>\n<Event><![CDATA[debug_demo]]></Event>\n<debug_str><![CDATA[hello world]]></debug_str>\n</xml>',
};

describe('Vector E: official end-to-end debug_demo (DOMAIN §3.3)', () => {
  const crypto = new WechatCrypto(E.key);
  it('URL signature and msg_signature', () => {
    expect(wechatSignature(E.token, '1715943329', '1590219412')).toBe('cc0c594499c1634947d5b502f158ee518947db27');
    expect(wechatSignature(E.token, '1715943329', '1590219412', E.encrypt)).toBe(
      '6c12a4205838198b8fa631b3220723bb07f1015c',
    );
  });
  it('decrypts to the 292-byte message, random and appid', () => {
    const d = crypto.decrypt(E.encrypt);
    expect(Buffer.from(E.encrypt, 'base64')).toHaveLength(352);
    expect(d.message).toBe(E.msg);
    expect(Buffer.byteLength(d.message)).toBe(292);
    expect(d.random.toString('utf8')).toBe('1205899eaf019bbd');
    expect(d.appId).toBe(E.appId);
  });
  it('re-encrypts the inbound message byte-exact with its random prefix', () => {
    expect(crypto.encrypt(E.msg, E.appId, ascii('1205899eaf019bbd'))).toBe(E.encrypt);
  });
  it('encrypts and signs the official reply byte-exact', () => {
    const reply = '<xml><demo_resp>[CDATA[good luck]]</demo_resp></xml>';
    const enc = crypto.encrypt(reply, E.appId, ascii('999951349e8ee746'));
    expect(enc).toBe(
      'hE8R6mGXHkJJjU72KxzKUd1GEkKJaEZq7vRL8XgK3o+00k8JGq6+pZJUIlTSyhsX+bxIBQ72g3GyvDdIZcr6+3HAZbSvPT9t/o11MI7d6WELwqrGd7jMnV0zv3Zc9Nq7',
    );
    expect(wechatSignature(E.token, '1713424427', '415670741', enc)).toBe('03e0812039325c2712ef5f0f980fd14c70d6e307');
    expect(crypto.decrypt(enc).message).toBe(reply);
  });
});

describe('公众号 sample-code vectors (DOMAIN §3.4)', () => {
  const crypto = new WechatCrypto('abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG');
  it('A1: fixed-random encryption of multi-byte text', () => {
    const enc = crypto.encrypt('我是中文abcd123', 'wxb11529c136998cb6', ascii('aaaabbbbccccdddd'));
    expect(enc).toBe('jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==');
    expect(crypto.decrypt(enc)).toMatchObject({ message: '我是中文abcd123', appId: 'wxb11529c136998cb6' });
  });
  it('A2: a full video reply, msg_len counted in bytes', () => {
    const plain =
      '<xml><ToUserName><![CDATA[oia2Tj我是中文jewbmiOUlr6X-1crbLOvLw]]></ToUserName><FromUserName><![CDATA[gh_7f083739789a]]></FromUserName><CreateTime>1407743423</CreateTime><MsgType><![CDATA[video]]></MsgType><Video><MediaId><![CDATA[eYJ1MbwPRJtOvIEabaxHs7TX2D-HV71s79GUxqdUkjm6Gs2Ed1KF3ulAOA9H1xG0]]></MediaId><Title><![CDATA[testCallBackReplyVideo]]></Title><Description><![CDATA[testCallBackReplyVideo]]></Description></Video></xml>';
    const expected =
      'jn1L23DB+6ELqJ+6bruv23M2GmYfkv0xBh2h+XTBOKVKcgDFHle6gqcZ1cZrk3e1qjPQ1F4RsLWzQRG9udbKWesxlkupqcEcW7ZQweImX9+wLMa0GaUzpkycA8+IamDBxn5loLgZpnS7fVAbExOkK5DYHBmv5tptA9tklE/fTIILHR8HLXa5nQvFb3tYPKAlHF3rtTeayNf0QuM+UW/wM9enGIDIJHF7CLHiDNAYxr+r+OrJCmPQyTy8cVWlu9iSvOHPT/77bZqJucQHQ04sq7KZI27OcqpQNSto2OdHCoTccjggX5Z9Mma0nMJBU+jLKJ38YB1fBIz+vBzsYjrTmFQ44YfeEuZ+xRTQwr92vhA9OxchWVINGC50qE/6lmkwWTwGX9wtQpsJKhP+oS7rvTY8+VdzETdfakjkwQ5/Xka042OlUb1/slTwo4RscuQ+RdxSGvDahxAJ6+EAjLt9d8igHngxIbf6YyqqROxuxqIeIch3CssH/LqRs+iAcILvApYZckqmA7FNERspKA5f8GoJ9sv8xmGvZ9Yrf57cExWtnX8aCMMaBropU/1k+hKP5LVdzbWCG0hGwx/dQudYR/eXp3P0XxjlFiy+9DMlaFExWUZQDajPkdPrEeOwofJb';
    expect(crypto.encrypt(plain, 'wxb11529c136998cb6', ascii('aaaabbbbccccdddd'))).toBe(expected);
  });
  it('C: the official Python sample (compatible-mode body)', () => {
    const enc =
      'hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=';
    expect(wechatSignature('spamtest', '1409735669', '1320562132', enc)).toBe(
      '5d197aaffba7e9b25a30732f161a50dee96bd5fa',
    );
    const d = crypto.decrypt(enc);
    expect(d.random.toString()).toBe('89465c840c5f116f');
    expect(Buffer.byteLength(d.message)).toBe(280);
    expect(d.message).toBe(
      '<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName>\n<FromUserName><![CDATA[oyORnuP8q7ou2gfYjqLzSIWZf0rs]]></FromUserName>\n<CreateTime>1409735668</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[abcdteT]]></Content>\n<MsgId>6054768590064713728</MsgId>\n</xml>',
    );
    expect(d.appId).toBe('wx2c2769f8efd9abc2');
    expect(crypto.encrypt(d.message, d.appId, d.random)).toBe(enc);
  });
  it('D: the official C++ sample', () => {
    const enc =
      'mfBCs65c67CeJw22u4VT2TD73q5H06+ocrAIxswCaeZ/d/Lw0msSZFHY0teqgSYiI1zR2gD2DKrB3TIrmX/liNSDrGqS8jSI/WPeKB5VPr7Ezr7gomZAyGCwJSgT1TRFWPfONGJMxuj2nk4faTuspAuVIFQ6SHwZuJBZC7mcJp7Cgr9cUhATQWDbOPaE7ukZBTV2YqyzH+UI2AK+J1S47cE79k1RX8t0hcTz/O0hlK8DGXKnvYv88qKQcI7z4iaajqHfRVZKBNyOODabs+It+ZfM3dWTeFcPgDbGtIEnpt/EDtuuA/zMvtkaKdHdswPnVZQ+xdwbYr3ldGvfT8HlEYEgkgKaThxTFobVlwzu2ZkXCjicbP3xdr15Iq48ObgzPpqYuZ3IEoyggZDKClquk0u0orMck4GTF/XyE8yGzc4=';
    expect(wechatSignature('spamtest', '1410349438', '298025754', enc)).toBe(
      '003fee52ecc56afb46c00b5c7721be87860ce785',
    );
    const d = crypto.decrypt(enc);
    expect(d.random.toString()).toBe('78b55f1d91440c6b');
    expect(d.message).toContain('<MsgId>6057404712141979648</MsgId>');
    expect(Buffer.byteLength(d.message)).toBe(280);
    expect(crypto.encrypt(d.message, d.appId, d.random)).toBe(enc);
  });
  it('EW: EasyWeChat decrypt', () => {
    const enc =
      'rTNFcsut4LfGuAFKEUVVpwcaCOTJzOd9twZdIW910jb3k+iicx2uvhttIZ3Qg9Qgty3BEF2xbOrz6boTfb30dMomcgrkTqdFPwnhqbk+kIQ7rZiwny9D7NUrTgA5kpX3KsZvrXzUZyP2x9YOlxbgm572lmxKvM7HAQQhIQ/p6HBmoY30bGXFK0BtIu1pW9TjhOYrLQoU18nWYjWqDA1ynkmOytpv7QRI1P1+0NoxL0q2zO1DgeSvnE8CZGo/o5Ap/WHK5W2RAsinpzN4/LjPnmB6U01I5XCoJoC0GK/yMZycd2Oh8Nq6+wBkC1U85oy0ktOY4nLvsQMLrourmMGdZHuTbqpeJ8Ao/5PRYJ+WBvRUwPfGKBL2+2IKZF49vAJqkcGWSHGE76ZN2erXeuNazf/o9o3lIE3q739o4c8t9QGPe31GT2Go/rOz1BsrASwvauNulCh+++yz+CQzBIuikA==';
    expect(wechatSignature('pamtest', '1458300676', '260774613', enc)).toBe('4f3ad57b6989f09f4eb392acce4f9e93942ed890');
    const d = crypto.decrypt(enc);
    expect(d).toMatchObject({ appId: 'wxb11529c136998cb6' });
    expect(d.random.toString()).toBe('d43123b161a4ba84');
    expect(d.message).toBe(
      '<xml><URL><![CDATA[http://wechat.laravel.so/server]]></URL><ToUserName><![CDATA[asdasdasd]]></ToUserName><FromUserName><![CDATA[asdasdasdsadasd]]></FromUserName><CreateTime>1234567898</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[hello]]></Content><MsgId>12345</MsgId></xml>',
    );
  });
});

describe('WeCom-flavour vectors (DOMAIN §3.5)', () => {
  it('B: encrypted echostr verification', () => {
    const echostr = 'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==';
    expect(wechatSignature('QDG6eK', '1409659589', '263014780', echostr)).toBe(
      '5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3',
    );
    const d = new WechatCrypto('jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C').decrypt(echostr);
    expect(d).toMatchObject({ message: '1616140317555161061', appId: 'wx5823bf96d3bd56c7' });
    expect(d.random.toString()).toBe('c41b64491c2468d0');
  });
  it('B2: DecryptMsg', () => {
    const enc =
      'RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==';
    expect(wechatSignature('QDG6eK', '1409659813', '1372623149', enc)).toBe('477715d11cdb4164915debcba66cb864d751f3e6');
    const d = new WechatCrypto('jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C').decrypt(enc);
    expect(d.random.toString()).toBe('0960688932c47ef1');
    expect(Buffer.byteLength(d.message)).toBe(284);
    expect(d.message).toContain('<Content><![CDATA[hello]]></Content>');
    expect(d.appId).toBe('wx5823bf96d3bd56c7');
  });
  const wp = new WechatCrypto('kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR');
  it('WP1: echostr signature, and the nonce off by one fails', () => {
    const echostr = '4ByGGj+sVCYcvGeQYhaKIk1o0pQRNbRjxybjTGblXrBaXlTXeOo1+bXFXDQQb1o6co6Yh9Bv41n7hOchLF6p+Q==';
    const sig = wechatSignature('123456', '1411443780', '437374425', echostr);
    expect(sig).toBe('dd6b9c95b495b3f7e2901bfbc76c664930ffdb96');
    expect(signatureMatches(wechatSignature('123456', '1411443780', '437374424', echostr), sig)).toBe(false);
    expect(wp.decrypt(echostr)).toMatchObject({ message: '5927782489442352469', appId: 'wx49f0ab532d5d035a' });
  });
  it('WP2: decrypt_message', () => {
    const enc =
      'RgqEoJj5A4EMYlLvWO1F86ioRjZfaex/gePD0gOXTxpsq5Yj4GNglrBb8I2BAJVODGajiFnXBu7mCPatfjsu6IHCrsTyeDXzF6Bv283dGymzxh6ydJRvZsryDyZbLTE7rhnus50qGPMfp2wASFlzEgMW9z1ef/RD8XzaFYgm7iTdaXpXaG4+BiYyolBug/gYNx410cvkKR2/nPwBiT+P4hIiOAQqGp/TywZBtDh1yCF2KOd0gpiMZ5jSw3e29mTvmUHzkVQiMS6td7vXUaWOMZnYZlF3So2SjHnwh4jYFxdgpkHHqIrH/54SNdshoQgWYEvccTKe7FS709/5t6NMxuGhcUGAPOQipvWTT4dShyqio7mlsl5noTrb++x6En749zCpQVhDpbV6GDnTbcX2e8K9QaNWHp91eBdCRxthuL0=';
    expect(wechatSignature('123456', '1411525903', '461056294', enc)).toBe('74d92dfeb87ba7c714f89d98870ae5eb62dff26d');
    const d = wp.decrypt(enc);
    expect(Buffer.byteLength(d.message)).toBe(281);
    expect(d.message).toBe(
      '<xml><ToUserName><![CDATA[wx49f0ab532d5d035a]]></ToUserName>\n<FromUserName><![CDATA[messense]]></FromUserName>\n<CreateTime>1411525903</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[test]]></Content>\n<MsgId>4363689963896700987</MsgId>\n<AgentID>1</AgentID>\n</xml>',
    );
  });
  it('WP3: encrypt_message with the mocked random, envelope signature', () => {
    const plain =
      '<xml>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[test]]></Content>\n<FromUserName><![CDATA[wx49f0ab532d5d035a]]></FromUserName>\n<ToUserName><![CDATA[messense]]></ToUserName>\n<AgentID>1</AgentID>\n<CreateTime>1411525903</CreateTime>\n</xml>';
    const enc = wp.encrypt(plain, 'wx49f0ab532d5d035a', ascii('1234567890123456'));
    expect(enc).toBe(
      '9s4gMv99m88kKTh/H8IdkOiMg6bisoy3ypwy9H4hvSPe9nsGaqyw5hhSjdYbcrKk+j3nba4HMOTzHrluLBYqxgNcBqGsL8GqxlhZgURnAtObvesEl5nZ+uBE8bviY0LWke8Zy9V/QYKxNV2FqllNXcfmstttyIkMKCCmVbCFM2JTF5wY0nFhHZSjPUL2Q1qvSUCUld+/WIXrx0oyKQmpB6o8NRrrNrsDf03oxI1p9FxUgMnwKKZeOA/uu+2IEvEBtb7muXsVbwbgX05UPPJvFurDXafG0RQyPR+mf1nDnAtQmmNOuiR5MIkdQ39xn1vWwi1O5oazPoQJz0nTYjxxEE8kv3kFxtAGVRe3ypD3WeK2XeFYFMNMpatF9XiKzHo3',
    );
    expect(wechatSignature('123456', '1411525903', '461056294', enc)).toBe('407518b7649e86ef23978113f92d27afa9296533');
  });
});

describe('PKCS#7 to 32 bytes and refusals', () => {
  const crypto = new WechatCrypto('abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG');
  it('pads an aligned plaintext with a full 32-byte block (node-webot check)', () => {
    // 16 random + 4 length + 8 message + 4 appid = 32: aligned, so 32 more bytes of 0x20.
    expect(Buffer.from(crypto.encrypt('12345678', 'abcd'), 'base64')).toHaveLength(64);
    expect(crypto.decrypt(crypto.encrypt('12345678', 'abcd'))).toMatchObject({ message: '12345678', appId: 'abcd' });
  });
  it('refuses bad keys and garbage ciphertext', () => {
    expect(() => new WechatCrypto('short')).toThrow(WechatCryptoError);
    expect(() => crypto.decrypt('AAAA')).toThrow(WechatCryptoError);
    expect(() => new WechatCrypto('A'.repeat(43)).decrypt(crypto.encrypt('x', 'y', ascii('aaaabbbbccccdddd')))).toThrow(
      WechatCryptoError,
    );
  });
});

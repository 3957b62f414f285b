/**
 * Parses a push (or the decrypted inner XML) into plain string fields. DTDs and entity
 * declarations are refused before the parser sees the payload (no XXE, no entity expansion),
 * and the parser's own entity processing is off.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { AppError } from '../errors.js';

/** A push as nested string fields: `{ToUserName:'…', ScanCodeInfo:{ScanResult:'…'}}`. */
export interface PushFields {
  [name: string]: string | PushFields;
}

const CDATA = '#cdata';
const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false, // MsgId is a 64-bit integer: keep every value a string
  processEntities: false,
  cdataPropName: CDATA,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/**
 * @example parsePushXml('<xml><MsgType><![CDATA[text]]></MsgType></xml>') // {MsgType:'text'}
 */
export function parsePushXml(xml: string): PushFields {
  refuseDeclarations(xml);
  if (XMLValidator.validate(xml) !== true) throw refused('XML 格式不正确 (malformed XML)');
  const root: unknown = parser.parse(xml);
  const top = isRecord(root) ? root['xml'] : undefined;
  if (!isRecord(top)) throw refused('缺少 <xml> 根元素 (root element <xml> required)');
  return normalize(top);
}

/** Any `<!…>` markup outside CDATA other than a comment: DOCTYPE, ENTITY, ELEMENT, ATTLIST. */
export function refuseDeclarations(xml: string): void {
  // A user may type "<!DOCTYPE" in a message: that text sits inside CDATA and is harmless.
  const outside = xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  if (/<!(?!--)/.test(outside)) throw refused('不接受带 DTD 或实体声明的 XML (DTD and entity declarations are refused)');
}

function refused(message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, [{ path: '/', message }]);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function normalize(node: Record<string, unknown>): PushFields {
  const out: PushFields = {};
  for (const [name, raw] of Object.entries(node)) {
    // A repeated tag keeps its first value: no push field WeChat sends repeats at one level.
    const value = Array.isArray(raw) ? (raw[0] as unknown) : raw;
    if (typeof value === 'string') out[name] = decodeText(value);
    else if (isRecord(value)) {
      const keys = Object.keys(value);
      // Text-only elements: CDATA and/or text, no child elements.
      if (keys.every((k) => k === CDATA || k === '#text')) out[name] = textOf(value);
      else out[name] = normalize(value);
    } else if (value !== undefined && value !== null) out[name] = String(value);
  }
  return out;
}

/** CDATA may come in several sections (a `]]>` in the text is split across two). */
function textOf(v: Record<string, unknown>): string {
  const parts = (x: unknown): string[] => (Array.isArray(x) ? x : [x]).filter((p): p is string => typeof p === 'string');
  return parts(v[CDATA]).join('') + parts(v['#text']).map(decodeText).join('');
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Only the five predefined entities and character references: nothing can expand. */
function decodeText(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g, (all, ref: string) => {
    if (ref.startsWith('#x')) return safeCodePoint(parseInt(ref.slice(2), 16), all);
    if (ref.startsWith('#')) return safeCodePoint(parseInt(ref.slice(1), 10), all);
    return NAMED[ref] ?? all;
  });
}

function safeCodePoint(cp: number, fallback: string): string {
  return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : fallback;
}

/**
 * The one reader of untrusted XML on the webhook: a single linear, non-recursive pass that
 * builds the element tree within fixed bounds (depth, element count), refuses any DTD or entity
 * declaration outside CDATA, ignores attributes, and decodes only the five predefined entities
 * and character references, so nothing can expand. The safe-mode envelope is read with it
 * before the signature check; the push itself only after.
 */

/** Deepest nesting a push has (xml > SendPicsInfo > PicList > item > PicMd5Sum is 5), with room. */
export const MAX_XML_DEPTH = 8;
/** The largest pushes (pictures, mass-send reports) have a few dozen elements. */
export const MAX_XML_ELEMENTS = 512;

export interface XmlElement {
  name: string;
  /** Text and CDATA in document order; text segments trimmed and entity-decoded, CDATA verbatim. */
  text: string;
  children: XmlElement[];
}

export type XmlRead = { ok: true; root: XmlElement } | { ok: false; reason: string };

/** A tag name, then attributes (ignored) or the end of the tag. */
const NAME = /^([A-Za-z_:][\w.:-]*)(?:[\s/]|$)/;

/**
 * @example readBoundedXml('<xml><Encrypt><![CDATA[abc]]></Encrypt></xml>') // {ok:true, root:{name:'xml', children:[{name:'Encrypt', text:'abc', …}], …}}
 * @example readBoundedXml(`<xml>${'<a>'.repeat(9)}${'</a>'.repeat(9)}</xml>`).ok // false
 */
export function readBoundedXml(xml: string): XmlRead {
  const open: XmlElement[] = [];
  let root: XmlElement | undefined;
  let elements = 0;
  let i = 0;
  for (;;) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt === -1 ? xml.length : lt);
    const current = open[open.length - 1];
    if (current) current.text += decodeText(text.trim());
    else if (text.trim() !== '') return fail('根元素之外有文本 (text outside the root element)');
    if (lt === -1) break;
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      if (end === -1 || !current) return fail('CDATA 不完整或在根元素之外 (unterminated or misplaced CDATA)');
      current.text += xml.slice(lt + 9, end);
      i = end + 3;
    } else if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      if (end === -1) return fail('注释不完整 (unterminated comment)');
      i = end + 3;
    } else if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt + 2);
      if (end === -1) return fail('处理指令不完整 (unterminated processing instruction)');
      i = end + 2;
    } else if (xml.startsWith('<!', lt)) {
      return fail('不接受带 DTD 或实体声明的 XML (DTD and entity declarations are refused)');
    } else if (xml.startsWith('</', lt)) {
      const end = xml.indexOf('>', lt);
      if (end === -1 || open.pop()?.name !== xml.slice(lt + 2, end).trimEnd())
        return fail('结束标签不匹配 (mismatched end tag)');
      i = end + 1;
    } else {
      const end = tagEnd(xml, lt + 1);
      const inner = end === -1 ? '' : xml.slice(lt + 1, end);
      const name = NAME.exec(inner)?.[1];
      if (!name) return fail('开始标签不正确 (malformed start tag)');
      if (++elements > MAX_XML_ELEMENTS)
        return fail(`XML 元素超过 ${MAX_XML_ELEMENTS} 个 (more than ${MAX_XML_ELEMENTS} elements)`);
      const element: XmlElement = { name, text: '', children: [] };
      if (current) current.children.push(element);
      else if (root) return fail('只能有一个根元素 (more than one root element)');
      else root = element;
      if (!inner.endsWith('/')) {
        open.push(element);
        if (open.length > MAX_XML_DEPTH)
          return fail(`XML 嵌套超过 ${MAX_XML_DEPTH} 层 (nested deeper than ${MAX_XML_DEPTH} levels)`);
      }
      i = end + 1;
    }
  }
  if (!root) return fail('缺少根元素 (no root element)');
  if (open.length > 0) return fail('标签未闭合 (unclosed element)');
  return { ok: true, root };
}

/** Index of the `>` closing a start tag, skipping quoted attribute values; -1 when malformed. */
function tagEnd(xml: string, from: number): number {
  for (let j = from; j < xml.length; j++) {
    const c = xml[j];
    if (c === '>') return j;
    if (c === '<') return -1;
    if (c === '"' || c === "'") {
      j = xml.indexOf(c, j + 1);
      if (j === -1) return -1;
    }
  }
  return -1;
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

function fail(reason: string): XmlRead {
  return { ok: false, reason };
}

/**
 * Parses a push (or the decrypted inner XML) into plain string fields, through the bounded
 * reader of read-bounded-xml.ts: no DTD, no entity expansion, no deep nesting, linear time.
 */
import { AppError } from '../errors.js';
import { readBoundedXml, type XmlElement } from './read-bounded-xml.js';

/** A push as nested string fields: `{ToUserName:'…', ScanCodeInfo:{ScanResult:'…'}}`. */
export interface PushFields {
  [name: string]: string | PushFields;
}

/**
 * @example parsePushXml('<xml><MsgType><![CDATA[text]]></MsgType></xml>') // {MsgType:'text'}
 */
export function parsePushXml(xml: string): PushFields {
  const read = readBoundedXml(xml);
  if (!read.ok) throw refused(read.reason);
  if (read.root.name !== 'xml') throw refused('缺少 <xml> 根元素 (root element <xml> required)');
  return fieldsOf(read.root);
}

function refused(message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, [{ path: '/', message }]);
}

function fieldsOf(element: XmlElement): PushFields {
  const out: PushFields = {};
  for (const child of element.children) {
    // A repeated tag keeps its first value: no push field WeChat sends repeats at one level.
    // `__proto__` would set the object's prototype rather than a field.
    if (Object.hasOwn(out, child.name) || child.name === '__proto__') continue;
    out[child.name] = child.children.length > 0 ? fieldsOf(child) : child.text;
  }
  return out;
}

/**
 * Maps a parsed push (DOMAIN §2.2 messages, §2.3 events) to the CONTRACT §5 inbound JSON:
 * `from` = FromUserName, `at` = CreateTime × 1000, WeChat's field names in camelCase. A text
 * longer than the schema allows is cut to its first `content.maxLength` characters: the user
 * did send it, so it is matched on that prefix rather than refused.
 */
import type { InboundMessage } from '../../../rules-schema/index.js';
import { MESSAGE_TYPES, messageSchema } from '../../../rules-schema/index.js';
import type { PushFields } from './parse-push-xml.js';

type MessageType = (typeof MESSAGE_TYPES)[number];
const TYPES: ReadonlySet<string> = new Set(MESSAGE_TYPES);

/** A message type the engine does not know (e.g. `miniprogrampage`): answered `success`, not recorded. */
export class UnsupportedPushError extends Error {
  constructor(readonly msgType: string) {
    super(`unsupported MsgType ${msgType}`);
    this.name = 'UnsupportedPushError';
  }
}

/**
 * @example pushToMessage({FromUserName:'u', CreateTime:'1348831860', MsgType:'text', Content:'hi', MsgId:'1'})
 * // {msgId:'1', from:'u', type:'text', content:'hi', at:1348831860000}
 */
export function pushToMessage(push: PushFields): InboundMessage {
  const msgType = str(push, 'MsgType') ?? '';
  if (!TYPES.has(msgType)) throw new UnsupportedPushError(msgType);
  const type = msgType as MessageType; // checked against MESSAGE_TYPES just above
  const createTime = Number(str(push, 'CreateTime'));
  const message: InboundMessage = { from: str(push, 'FromUserName') ?? '', type };
  const msgId = str(push, 'MsgId');
  if (msgId) message.msgId = msgId;
  if (Number.isFinite(createTime) && createTime > 0) message.at = Math.round(createTime) * 1000;
  Object.assign(message, type === 'event' ? eventFields(push) : messageFields(type, push));
  if (message.content !== undefined) message.content = prefix(message.content, CONTENT_MAX);
  return message;
}

const CONTENT_MAX = messageSchema.properties.content.maxLength;

/** The first `max` code points (JSON Schema's unit for maxLength), never half a surrogate pair. */
function prefix(s: string, max: number): string {
  if (s.length <= max) return s;
  return Array.from(s).slice(0, max).join('');
}

function messageFields(type: MessageType, push: PushFields): Partial<InboundMessage> {
  switch (type) {
    case 'text':
      return { content: str(push, 'Content') ?? '' };
    case 'image':
      return defined({ picUrl: str(push, 'PicUrl'), mediaId: str(push, 'MediaId') });
    case 'voice':
      // With speech recognition on, the transcript arrives as Recognition.
      return defined({ mediaId: str(push, 'MediaId'), content: str(push, 'Recognition') || undefined });
    case 'video':
    case 'shortvideo':
      return defined({ mediaId: str(push, 'MediaId') });
    case 'location':
      return defined({
        latitude: num(push, 'Location_X'),
        longitude: num(push, 'Location_Y'),
        label: str(push, 'Label'),
      });
    case 'link':
      return defined({ title: str(push, 'Title'), description: str(push, 'Description'), url: str(push, 'Url') });
    default:
      return {};
  }
}

function eventFields(push: PushFields): Partial<InboundMessage> {
  const event = str(push, 'Event') ?? '';
  const fields: Partial<InboundMessage> = { event, ...defined({ eventKey: str(push, 'EventKey') }) };
  if (event === 'LOCATION')
    Object.assign(fields, defined({ latitude: num(push, 'Latitude'), longitude: num(push, 'Longitude') }));
  const picked = sub(push, 'SendLocationInfo');
  if (event === 'location_select' && picked) {
    Object.assign(
      fields,
      defined({
        latitude: num(picked, 'Location_X'),
        longitude: num(picked, 'Location_Y'),
        label: str(picked, 'Label'),
      }),
    );
  }
  const scan = sub(push, 'ScanCodeInfo');
  if (scan) Object.assign(fields, defined({ content: str(scan, 'ScanResult') }));
  return fields;
}

function str(push: PushFields, name: string): string | undefined {
  const v = push[name];
  return typeof v === 'string' ? v : undefined;
}

function num(push: PushFields, name: string): number | undefined {
  const v = str(push, name);
  if (v === undefined || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

function sub(push: PushFields, name: string): PushFields | undefined {
  const v = push[name];
  return typeof v === 'object' ? v : undefined;
}

function defined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Inbound messages and events (CONTRACT §5), named after the WeChat push fields. */
export const MESSAGE_TYPES = ['text', 'image', 'voice', 'video', 'shortvideo', 'location', 'link', 'event'] as const;

export const KNOWN_EVENTS = [
  'subscribe',
  'unsubscribe',
  'SCAN',
  'CLICK',
  'VIEW',
  'LOCATION',
  'scancode_push',
  'scancode_waitmsg',
  'pic_sysphoto',
  'pic_photo_or_album',
  'pic_weixin',
  'location_select',
  'view_miniprogram',
] as const;

/**
 * The instants ReplyFlow accepts, [2000, 2100) UTC. A time outside them is a typo or an attack,
 * and date maths near JavaScript's limit (±8.64e15 ms) throws; the server checks parsed times
 * against the same bounds (server/src/runtime/instant.ts).
 */
export const INSTANT_RANGE = {
  min: '2000-01-01T00:00:00Z',
  max: '2100-01-01T00:00:00Z',
  minMs: 946_684_800_000,
  maxMs: 4_102_444_800_000,
} as const;

/** `at`: ISO-8601 with offset, or epoch milliseconds (CONTRACT §4), within INSTANT_RANGE. */
export const instantSchema = {
  oneOf: [
    // ajv-formats compares date-times as instants, offsets included.
    {
      type: 'string',
      format: 'date-time',
      formatMinimum: INSTANT_RANGE.min,
      formatExclusiveMaximum: INSTANT_RANGE.max,
    },
    { type: 'integer', minimum: INSTANT_RANGE.minMs, exclusiveMaximum: INSTANT_RANGE.maxMs },
  ],
} as const;

export const userSchema = {
  type: 'object',
  properties: {
    nickname: { type: 'string', maxLength: 64 },
    tags: { type: 'array', items: { type: 'string', minLength: 1 }, maxItems: 100 },
  },
  additionalProperties: false,
} as const;

export const messageSchema = {
  type: 'object',
  required: ['from', 'type'],
  properties: {
    msgId: { type: 'string', minLength: 1, maxLength: 64 },
    from: { type: 'string', minLength: 1, maxLength: 128 },
    type: { enum: MESSAGE_TYPES },
    content: { type: 'string', maxLength: 4096 },
    event: { type: 'string', minLength: 1, maxLength: 64 },
    eventKey: { type: 'string', maxLength: 1024 },
    mediaId: { type: 'string' },
    picUrl: { type: 'string' },
    title: { type: 'string' },
    description: { type: 'string' },
    url: { type: 'string' },
    label: { type: 'string' },
    latitude: { type: 'number' },
    longitude: { type: 'number' },
    at: instantSchema,
    user: userSchema,
  },
  allOf: [
    { if: { properties: { type: { const: 'event' } } }, then: { required: ['event'] } },
    { if: { properties: { type: { const: 'text' } } }, then: { required: ['content'] } },
  ],
  additionalProperties: false,
} as const;

/**
 * Customer-service reply shapes (CONTRACT §5). One schema per type so that the
 * reply checker can tell "unsupported type" from "malformed shape".
 */
const str = { type: 'string', minLength: 1 } as const;

export const textReplySchema = {
  type: 'object',
  required: ['type', 'content'],
  properties: { type: { const: 'text' }, content: { type: 'string', minLength: 1 } },
  additionalProperties: false,
} as const;

export const mediaReplySchema = {
  type: 'object',
  required: ['type', 'mediaId'],
  properties: { type: { enum: ['image', 'voice', 'mpnews'] }, mediaId: str },
  additionalProperties: false,
} as const;

export const videoReplySchema = {
  type: 'object',
  required: ['type', 'mediaId'],
  properties: {
    type: { const: 'video' },
    mediaId: str,
    thumbMediaId: { type: 'string' },
    title: { type: 'string' },
    description: { type: 'string' },
  },
  additionalProperties: false,
} as const;

export const articleSchema = {
  type: 'object',
  required: ['title', 'url'],
  properties: {
    title: str,
    description: { type: 'string' },
    url: str,
    picUrl: { type: 'string' },
  },
  additionalProperties: false,
} as const;

export const newsReplySchema = {
  type: 'object',
  required: ['type', 'articles'],
  properties: { type: { const: 'news' }, articles: { type: 'array', minItems: 1, items: articleSchema } },
  additionalProperties: false,
} as const;

export const miniProgramReplySchema = {
  type: 'object',
  required: ['type', 'title', 'appId', 'pagePath', 'thumbMediaId'],
  properties: {
    type: { const: 'miniprogrampage' },
    title: str,
    appId: str,
    pagePath: str,
    thumbMediaId: str,
  },
  additionalProperties: false,
} as const;

export const msgMenuReplySchema = {
  type: 'object',
  required: ['type', 'items'],
  properties: {
    type: { const: 'msgmenu' },
    headContent: { type: 'string' },
    items: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['id', 'content'],
        properties: { id: str, content: str },
        additionalProperties: false,
      },
    },
    tailContent: { type: 'string' },
  },
  additionalProperties: false,
} as const;

export const replySchema = {
  type: 'object',
  required: ['type'],
  discriminator: { propertyName: 'type' },
  oneOf: [
    textReplySchema,
    mediaReplySchema,
    videoReplySchema,
    newsReplySchema,
    miniProgramReplySchema,
    msgMenuReplySchema,
  ],
} as const;

export const REPLY_TYPES = ['text', 'image', 'voice', 'video', 'news', 'mpnews', 'miniprogrampage', 'msgmenu'] as const;

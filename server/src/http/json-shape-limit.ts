/**
 * Bounds the shape of a parsed JSON body before anything recursive touches it. JSON.parse itself
 * copes with any depth, but ajv, structuredClone, JSON.stringify and the services recurse: a
 * body nested 100,000 levels deep overflows their stack. The scan below is iterative, so it is
 * safe on exactly the inputs it exists to refuse.
 */
import type { RequestHandler } from 'express';
import { invalid, type ErrorDetail } from '../errors.js';

export interface JsonShapeLimits {
  /** Containers (objects, arrays) nested inside one another, the body itself counting as 1. */
  maxDepth: number;
  /** Values of every kind in the whole body. */
  maxValues: number;
}

/** The deepest example document nests 10 levels and the largest holds under 1,000 values. */
export const JSON_SHAPE_LIMITS: JsonShapeLimits = { maxDepth: 64, maxValues: 200_000 };

/**
 * Refuses a body over the limits with VALIDATION_FAILED and a pointer to the first value past them.
 * @example api.use(express.json(), jsonShapeLimit(JSON_SHAPE_LIMITS))
 */
export function jsonShapeLimit(limits: JsonShapeLimits): RequestHandler {
  return (req, _res, next) => {
    const problem = findShapeProblem(req.body, limits);
    if (problem) return next(invalid('请求体嵌套过深或内容过多 (body too deep or too large)', [problem]));
    next();
  };
}

interface Frame {
  value: unknown;
  depth: number;
  parent: Frame | undefined;
  key: string;
}

function findShapeProblem(body: unknown, limits: JsonShapeLimits): ErrorDetail | undefined {
  const stack: Frame[] = [{ value: body, depth: 1, parent: undefined, key: '' }];
  let values = 1;
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    const { value, depth } = frame;
    if (value === null || typeof value !== 'object') continue;
    if (depth > limits.maxDepth)
      return { path: pointerOf(frame), message: `nested deeper than ${limits.maxDepth} levels` };
    // Counted before they are pushed, so the stack never holds more than the limit.
    const keys = Object.keys(value);
    values += keys.length;
    if (values > limits.maxValues)
      return { path: pointerOf(frame), message: `more than ${limits.maxValues} values in the body` };
    for (const key of keys)
      stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1, parent: frame, key });
  }
  return undefined;
}

/** RFC 6901 pointer of a frame; the body itself is `/`, as in the validator's problems. */
function pointerOf(frame: Frame): string {
  const keys: string[] = [];
  for (let f: Frame | undefined = frame; f?.parent; f = f.parent)
    keys.push(f.key.replaceAll('~', '~0').replaceAll('/', '~1'));
  return keys.length ? `/${keys.reverse().join('/')}` : '/';
}
